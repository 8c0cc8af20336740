import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ActivityDetail, TestResult } from "../../../common/schemas/learning.ts";
import { RadioGroup } from "../../components/choices.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { currentLocale, formatDay } from "../../lib/i18n.ts";
import { SubmitButton } from "../../components/buttons.tsx";
import { onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { activityAnswered, learningApi, useActivity, useProgress } from "./learning-api.ts";
import { LearningScreen } from "./learning-screen.tsx";
import { MyAssessment } from "../assessment/my-assessment.tsx";
import { LearningContent } from "./markdown.tsx";
import { SurveyForm } from "./survey-form.tsx";
import { TaskTool } from "./task-tool.tsx";
import { PackagePlayer } from "../packages/package-player.tsx";

/** Scores per competence as bars, with what to work on: the insight test's development points. */
export function TestResultView({ result }: { result: TestResult }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="test-result">
      <h2 id="test-result">{t(`ui.learn.result.${result.kind}`)}</h2>
      <ul className="score-bars">
        {result.scores.map((score) => (
          <li key={score.competenceId}>
            <span>{score.competence}</span>
            <meter min={0} max={score.total} value={score.correct} aria-hidden="true" />
            <span>{t("ui.learn.score", { correct: score.correct, total: score.total })}</span>
            {score.advice.length > 0 ? (
              <div className="development-points">
                <p className="feedback-title">{t("ui.learn.workOn")}</p>
                <ul>
                  {score.advice.map((advice) => (
                    <li key={advice}>{advice}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TestForm({ detail }: { detail: ActivityDetail }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const submit = useSaveThenRefresh(
    () =>
      learningApi.submitTest(
        detail.cohortId,
        detail.activityId,
        Object.entries(chosen).map(([questionId, optionId]) => ({ questionId, optionId })),
      ),
    activityAnswered(detail),
  );
  const questions = detail.test!.questions;
  return (
    <form className="card test-form" onSubmit={onSubmitDo(() => submit.mutate())}>
      <p className="hint">{t("ui.learn.testIntro", { count: questions.length })}</p>
      {questions.map((q, index) => (
        <RadioGroup
          key={q.id}
          legend={`${index + 1}. ${q.situation ? `${q.situation} ` : ""}${q.prompt}`}
          name={q.id}
          options={q.options.map((option) => ({ value: option.id, label: option.text }))}
          value={chosen[q.id]}
          onChange={(optionId) => setChosen({ ...chosen, [q.id]: optionId })}
        />
      ))}
      <ErrorMessage error={submit.error} />
      <p className="hint" aria-live="polite">
        {t("ui.learn.answered", { count: Object.keys(chosen).length, total: questions.length })}
      </p>
      <SubmitButton pending={submit.isPending}>{t("ui.learn.handIn")}</SubmitButton>
    </form>
  );
}

/** One activity of the learner's cohort: what to read or do, and a clear way to finish it. */
export function ActivityPage() {
  const { t } = useTranslation();
  const { cohortId = "", activityId = "" } = useParams();
  const activity = useActivity(cohortId, activityId);
  const progress = useProgress(cohortId, activityId);
  const locale = currentLocale();
  return (
    <LearningScreen title={activity.data?.title} query={activity} writeError={progress.error}>
      {(detail) => (
        <>
          <p className="lead">
            {t(`ui.activityTypes.${detail.type}`)} · {formatDay(detail.date, locale)} ·{" "}
            {t("ui.trajectory.minutes", { count: detail.durationMinutes })}
            {detail.readingMinutes ? ` · ${t("ui.learn.readingTime", { count: detail.readingMinutes })}` : ""}
            {detail.mandatory ? "" : ` · ${t("ui.trajectory.optional")}`}
          </p>
          {detail.content ? (
            <section className="card">
              <LearningContent markdown={detail.content} />
            </section>
          ) : null}
          {detail.packageId ? (
            <PackagePlayer
              cohortId={detail.cohortId}
              activityId={detail.activityId}
              done={detail.status === "done"}
            />
          ) : null}
          {detail.test ? (
            detail.test.result ? (
              detail.type === "competence-proof" ? null : (
                <TestResultView result={detail.test.result} />
              )
            ) : (
              <TestForm detail={detail} />
            )
          ) : null}
          {detail.survey ? <SurveyForm detail={detail} /> : null}
          {detail.type === "competence-proof" ? (
            <MyAssessment
              cohortId={detail.cohortId}
              activityId={detail.activityId}
              hasTest={Boolean(detail.test)}
              testResult={detail.test?.result ? <TestResultView result={detail.test.result} /> : null}
            />
          ) : null}
          <TaskTool detail={detail} />
          {detail.status === "done" && !detail.test ? (
            <SuccessMessage>{t("ui.learn.isDone")}</SuccessMessage>
          ) : null}
          <div className="button-row">
            {detail.canMarkDone && detail.status !== "done" ? (
              <button
                type="button"
                className="button-primary"
                disabled={progress.isPending}
                onClick={() => progress.mutate("done")}
              >
                {t("ui.learn.markDone")}
              </button>
            ) : null}
            {!detail.mandatory && detail.status === "open" ? (
              <>
                <button type="button" className="button-secondary" onClick={() => progress.mutate("chosen")}>
                  {t("ui.today.choose")}
                </button>
                <button type="button" className="link-button" onClick={() => progress.mutate("skipped")}>
                  {t("ui.today.skip")}
                </button>
              </>
            ) : null}
            {!detail.mandatory && detail.status === "skipped" ? (
              <>
                <p className="hint">{t("ui.tasks.youSkipped")}</p>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={progress.isPending}
                  onClick={() => progress.mutate("open")}
                >
                  {t("ui.tasks.undoSkip")}
                </button>
              </>
            ) : null}
          </div>
          {detail.type === "practice-session" ? (
            <p className="hint">{t("ui.learn.practiceDayHint")}</p>
          ) : null}
        </>
      )}
    </LearningScreen>
  );
}
