import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SURVEY_OPTION_COUNT } from "../../../common/impact-vocabulary.ts";
import type { ActivityDetail } from "../../../common/schemas/learning.ts";
import { RadioGroup } from "../../components/choices.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { SubmitButton } from "../../components/buttons.tsx";
import { onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { activityAnswered, learningApi } from "./learning-api.ts";

const options = Array.from({ length: SURVEY_OPTION_COUNT }, (_, i) => i);

/**
 * The short learner survey: concrete situations to choose from rather than a scale, about doing the
 * work, not about liking the course. Once sent, the learner sees what they answered.
 */
export function SurveyForm({ detail }: { detail: ActivityDetail }) {
  const { t } = useTranslation();
  const survey = detail.survey!;
  const [chosen, setChosen] = useState<Record<string, number>>(survey.answers ?? {});
  const submit = useSaveThenRefresh(
    () => learningApi.submitSurvey(detail.cohortId, detail.activityId, chosen),
    activityAnswered(detail),
  );
  const sent = survey.answers !== null;
  return (
    <form className="card test-form" onSubmit={onSubmitDo(() => submit.mutate())}>
      <p className="hint">{t("ui.learn.surveyIntro")}</p>
      {survey.questions.map((question, index) => (
        <RadioGroup
          key={question}
          legend={`${index + 1}. ${t(`survey.${question}.prompt`)}`}
          name={question}
          options={options.map((option) => ({ value: option, label: t(`survey.${question}.o${option}`) }))}
          value={chosen[question]}
          onChange={(option) => setChosen({ ...chosen, [question]: option })}
          disabled={sent}
        />
      ))}
      <ErrorMessage error={submit.error} />
      {sent ? null : <SubmitButton pending={submit.isPending}>{t("ui.learn.sendSurvey")}</SubmitButton>}
    </form>
  );
}
