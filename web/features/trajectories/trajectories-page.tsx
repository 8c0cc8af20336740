import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { hasRole, useMe } from "../../lib/session.ts";
import { useTrajectories } from "./trajectories-api.ts";

export function TrajectoriesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const trajectories = useTrajectories();
  const canWrite = hasRole(me.data, "designer") || hasRole(me.data, "coordinator");
  const locale = currentLocale();
  return (
    <Page
      title={t("ui.trajectories.title")}
      actions={
        canWrite ? (
          <Link className="button-primary" to="/trajectories/new">
            {t("ui.trajectories.new")}
          </Link>
        ) : null
      }
    >
      {trajectories.isLoading ? <Loading /> : null}
      <ErrorMessage error={trajectories.error} />
      {trajectories.data?.length === 0 ? (
        <EmptyState title={t("ui.trajectories.empty")}>
          <p>{t("ui.trajectories.emptyText")}</p>
        </EmptyState>
      ) : null}
      <ul className="trajectory-list">
        {trajectories.data?.map((trajectory) => (
          <li key={trajectory.id} className="card">
            <h2>
              <Link to={`/trajectories/${trajectory.id}`}>{trajectory.title}</Link>
            </h2>
            <p>{trajectory.targetBehaviour}</p>
            <p className="hint">
              {t("ui.trajectories.meta", { count: trajectory.activityCount, score: trajectory.score })} ·{" "}
              {formatDateTime(trajectory.updatedAt, locale)}
            </p>
            <div className="mini-score" aria-hidden="true">
              <div className="mini-score-fill" style={{ width: `${trajectory.score}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/evidence">{t("ui.evidence.title")}</Link> ·{" "}
        <Link to="/cohorts">{t("ui.cohorts.title")}</Link>
      </p>
    </Page>
  );
}
