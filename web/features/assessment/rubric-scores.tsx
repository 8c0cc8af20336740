import { useTranslation } from "react-i18next";
import { RUBRIC_LEVELS, RUBRIC_MAX, type AssessmentResultView } from "../../../common/schemas/attendance.ts";
import { currentLocale, formatDay } from "../../lib/i18n.ts";
import "./assessment.css";

/** The rubric level's words when the score was given on the rubric; an older 0–10 score shows as a number. */
export function useLevelLabel() {
  const { t } = useTranslation();
  return (score: number, max: number) =>
    max === RUBRIC_MAX && (RUBRIC_LEVELS as readonly number[]).includes(score)
      ? t(`ui.assessment.level.${score}`)
      : t("ui.assessment.score", { score, max });
}

/** An assessment's scores as bars per competence, the feedback and who gave it. */
export function RubricScores({ result }: { result: AssessmentResultView }) {
  const { t } = useTranslation();
  const label = useLevelLabel();
  const date = formatDay(result.assessedAt.slice(0, 10), currentLocale());
  return (
    <>
      <ul className="score-bars">
        {result.scores.map((score) => (
          <li key={score.competenceId}>
            <span>{score.competence}</span>
            <meter min={0} max={score.max} value={score.score} aria-hidden="true" />
            <span>{label(score.score, score.max)}</span>
          </li>
        ))}
      </ul>
      {result.comment ? (
        <>
          <p className="feedback-title">{t("ui.assessment.feedback")}</p>
          <blockquote className="assessment-comment">{result.comment}</blockquote>
        </>
      ) : null}
      <p className="hint">
        {result.assessedBy
          ? t("ui.assessment.by", { name: result.assessedBy, date })
          : t("ui.assessment.on", { date })}
      </p>
    </>
  );
}
