import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { hasRole, useMe } from "../../lib/session.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { trajectoriesApi, trajectoryKeys, useTrajectories } from "./trajectories-api.ts";

export function TrajectoriesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [showArchived, setShowArchived] = useState(false);
  const trajectories = useTrajectories(showArchived ? "include" : undefined);
  const canWrite = hasRole(me.data, "designer") || hasRole(me.data, "coordinator");
  const restore = useSaveThenRefresh(
    (trajectoryId: string) => trajectoriesApi.restore(trajectoryId),
    [trajectoryKeys.all],
  );
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
      <label className="checkbox">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        <span>{t("ui.trajectories.showArchived")}</span>
      </label>
      <ErrorMessage error={restore.error} />
      <QueryState
        query={trajectories}
        empty={{ title: t("ui.trajectories.empty"), text: t("ui.trajectories.emptyText") }}
      >
        {(all) => (
          <ul className="trajectory-list">
            {all.map((trajectory) => (
              <li key={trajectory.id} className="card">
                <h2>
                  <Link to={`/trajectories/${trajectory.id}`}>{trajectory.title}</Link>
                  {trajectory.archivedAt ? (
                    <span className="badge badge-deactivated"> {t("ui.trajectories.archived")}</span>
                  ) : null}
                </h2>
                <p>{trajectory.targetBehaviour}</p>
                <p className="hint">
                  {t("ui.trajectories.meta", { count: trajectory.activityCount, score: trajectory.score })} ·{" "}
                  {formatDateTime(trajectory.updatedAt, locale)}
                </p>
                <div className="mini-score" aria-hidden="true">
                  <div className="mini-score-fill" style={{ width: `${trajectory.score}%` }} />
                </div>
                {trajectory.archivedAt && canWrite ? (
                  <button
                    type="button"
                    className="button-secondary small"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate(trajectory.id)}
                  >
                    {t("ui.trajectories.restore", { title: trajectory.title })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <p>
        <Link to="/evidence">{t("ui.evidence.title")}</Link> ·{" "}
        <Link to="/cohorts">{t("ui.cohorts.title")}</Link>
      </p>
    </Page>
  );
}
