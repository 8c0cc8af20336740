import { useTranslation } from "react-i18next";
import { useAttempt } from "./packages-api.ts";

/** The catalogue key of a status under `ui.packages.statuses`: success first, then completion. */
export const statusKey = (attempt: { success: string; completion: string }) =>
  attempt.success === "passed" || attempt.success === "failed"
    ? attempt.success
    : attempt.completion.replace(" ", "-");

/** Where the learner stands in a package: status, score as a bar, time spent. Nothing before the first save. */
export function AttemptStatus({ cohortId, activityId }: { cohortId: string; activityId: string }) {
  const { t } = useTranslation();
  const attempt = useAttempt(cohortId, activityId).data;
  if (!attempt) return <p className="hint">{t("ui.packages.notStarted")}</p>;
  const status = statusKey(attempt);
  const minutes = Math.max(1, Math.round(attempt.totalSeconds / 60));
  return (
    <dl className="attempt-status" aria-live="polite">
      <div>
        <dt>{t("ui.packages.status")}</dt>
        <dd>{t(`ui.packages.statuses.${status}`, { defaultValue: t("ui.packages.statuses.unknown") })}</dd>
      </div>
      {attempt.score !== null ? (
        <div>
          <dt>{t("ui.packages.score")}</dt>
          <dd>
            <meter min={0} max={1} value={attempt.score} aria-hidden="true" />{" "}
            {t("ui.packages.percent", { percent: Math.round(attempt.score * 100) })}
          </dd>
        </div>
      ) : null}
      {attempt.totalSeconds > 0 ? (
        <div>
          <dt>{t("ui.packages.time")}</dt>
          <dd>{t("ui.trajectory.minutes", { count: minutes })}</dd>
        </div>
      ) : null}
    </dl>
  );
}
