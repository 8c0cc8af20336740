import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "../../components/query-state.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { formatDay } from "./calendar.tsx";
import { useCohorts } from "./cohorts-api.ts";

export function CohortsPage() {
  const { t } = useTranslation();
  const cohorts = useCohorts();
  const locale = currentLocale();
  return (
    <Page
      title={t("ui.cohorts.title")}
      actions={
        <Link className="button-primary" to="/cohorts/new">
          {t("ui.cohorts.plan")}
        </Link>
      }
    >
      <QueryState query={cohorts} empty={{ title: t("ui.cohorts.empty"), text: t("ui.cohorts.emptyText") }}>
        {(list) => (
          <ul className="trajectory-list">
            {list.map((cohort) => (
              <li key={cohort.id} className="card">
                <h2>
                  <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
                  {cohort.cancelledAt ? (
                    <span className="badge badge-deactivated"> {t("ui.cohorts.cancelledBadge")}</span>
                  ) : null}
                </h2>
                <p>{cohort.trajectoryTitle}</p>
                <p className="hint">
                  {t("ui.cohorts.summary", {
                    date: formatDay(cohort.firstSessionDate, locale),
                    count: cohort.participantCount,
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Page>
  );
}
