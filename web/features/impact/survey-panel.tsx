import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SURVEY_OPTION_COUNT } from "../../../common/impact-vocabulary.ts";
import type { StandardView, SurveyResultsView } from "../../../common/schemas/impact.ts";
import { SelectField } from "../../components/field.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { SelectOptions } from "../../components/select-options.tsx";
import { currentLocale, formatPercent } from "../../lib/i18n.ts";
import { onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { impactApi, impactKeys } from "./impact-api.ts";

const options = Array.from({ length: SURVEY_OPTION_COUNT }, (_, i) => i);
/** The share of acceptable answers a standard can ask for, in percent. */
const targets = [50, 60, 70, 80, 90];

/** Survey answers per question as bars, judged against the standards set before the data came in. */
export function SurveyPanel({ trajectoryId, cohortId }: { trajectoryId: string; cohortId: string }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: impactKeys.surveyOf(trajectoryId, cohortId),
    queryFn: () => impactApi.survey(trajectoryId, cohortId),
  });
  const data = results.data;
  return (
    <SectionCard id="impact-survey" title={t("ui.impact.survey")} hint={t("ui.impact.surveyHint")}>
      <ErrorMessage error={results.error} />
      {data
        ? data.moments.map((moment) => (
            <div key={moment.moment}>
              <h3>
                {t(`impact.moments.${moment.moment}`)} (
                {t("impact.respondents", { count: moment.respondents })})
              </h3>
              <ul className="survey-results">
                {moment.questions.map((q) => {
                  const standard = data.standards.find((s) => s.question === q.question)!;
                  const total = Math.max(
                    1,
                    q.counts.reduce((a, b) => a + b, 0),
                  );
                  return (
                    <li key={q.question}>
                      <p className="bar-label">
                        <strong>{t(`survey.${q.question}.prompt`)}</strong>{" "}
                        {q.meetsStandard === null
                          ? null
                          : `${formatPercent((q.acceptablePercent ?? 0) / 100, currentLocale())} / ${formatPercent(standard.targetPercent / 100, currentLocale())}: ${q.meetsStandard ? t("impact.meets") : t("impact.belowStandard")}`}
                      </p>
                      <ul className="survey-options">
                        {q.counts.map((count, option) => (
                          <li key={option}>
                            <meter min={0} max={total} value={count} aria-hidden="true" />
                            <span className="survey-count">{count}</span>
                            <span>
                              {t(`survey.${q.question}.o${option}`)}
                              {option === standard.acceptableFrom ? (
                                <span className="tag">{t("ui.impact.acceptableFrom")}</span>
                              ) : null}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))
        : null}
      {data ? <StandardsForm trajectoryId={trajectoryId} data={data} /> : null}
    </SectionCard>
  );
}

function StandardsForm({ trajectoryId, data }: { trajectoryId: string; data: SurveyResultsView }) {
  const { t } = useTranslation();
  const [standards, setStandards] = useState<StandardView[]>(data.standards);
  const save = useSaveThenRefresh(
    () => impactApi.setStandards(trajectoryId, { standards }),
    [impactKeys.survey(trajectoryId)],
  );
  const update = (question: string, patch: Partial<StandardView>) =>
    setStandards((all) => all.map((s) => (s.question === question ? { ...s, ...patch } : s)));
  return (
    <details>
      <summary>{t("ui.impact.standards")}</summary>
      {data.locked ? (
        <p className="notice">{t("ui.impact.standardsLocked")}</p>
      ) : (
        <p className="hint">{t("ui.impact.standardsHint")}</p>
      )}
      <form onSubmit={onSubmitDo(() => save.mutate())}>
        {standards.map((s) => (
          <fieldset key={s.question} disabled={data.locked}>
            <legend>{t(`survey.${s.question}.prompt`)}</legend>
            <SelectField
              label={t("fields.acceptableFrom")}
              value={String(s.acceptableFrom)}
              onChange={(event) => update(s.question, { acceptableFrom: Number(event.target.value) })}
            >
              <SelectOptions items={options} label={(option) => t(`survey.${s.question}.o${option}`)} />
            </SelectField>
            <SelectField
              label={t("fields.targetPercent")}
              value={String(s.targetPercent)}
              onChange={(event) => update(s.question, { targetPercent: Number(event.target.value) })}
            >
              <SelectOptions items={targets} label={(p) => formatPercent(p / 100, currentLocale())} />
            </SelectField>
          </fieldset>
        ))}
        <ErrorMessage error={save.error} />
        {save.isSuccess ? <SuccessMessage>{t("ui.impact.saved")}</SuccessMessage> : null}
        {!data.locked ? (
          <button type="submit" disabled={save.isPending}>
            {t("ui.impact.saveStandards")}
          </button>
        ) : null}
      </form>
    </details>
  );
}
