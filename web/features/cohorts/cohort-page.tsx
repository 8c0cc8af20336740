import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { CohortCalendar, formatDay } from "./calendar.tsx";
import { useCohort } from "./cohorts-api.ts";

export function CohortPage() {
  const { t } = useTranslation();
  const { cohortId = "" } = useParams();
  const cohort = useCohort(cohortId);
  const locale = currentLocale();
  return (
    <Page title={cohort.data?.name ?? t("ui.cohorts.title")}>
      <p>
        <Link to="/cohorts">← {t("ui.cohorts.back")}</Link>
      </p>
      {cohort.isLoading ? <Loading /> : null}
      <ErrorMessage error={cohort.error} />
      {cohort.data ? (
        <>
          <section className="card" aria-labelledby="cohort-facts">
            <h2 id="cohort-facts">
              <Link to={`/trajectories/${cohort.data.trajectory.id}`}>{cohort.data.trajectory.title}</Link>
            </h2>
            <p>
              {t("ui.cohorts.practiceDays")}:{" "}
              {cohort.data.sessionDates.map((d) => formatDay(d, locale)).join(", ")}
            </p>
            <details>
              <summary>{t("ui.cohorts.participants", { count: cohort.data.participants.length })}</summary>
              <ul className="columns">
                {cohort.data.participants.map((p) => (
                  <li key={p.id}>{p.name}</li>
                ))}
              </ul>
            </details>
            <p className="hint">{t("ui.cohorts.assignments", { count: cohort.data.assignments.length })}</p>
          </section>
          <section className="card" aria-labelledby="cohort-schedule">
            <h2 id="cohort-schedule">{t("ui.cohorts.schedule")}</h2>
            <CohortCalendar schedule={cohort.data.schedule} locale={locale} />
          </section>
        </>
      ) : null}
    </Page>
  );
}
