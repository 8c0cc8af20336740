import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorMessage, Loading } from "../../../components/feedback.tsx";
import { Page } from "../../../components/page.tsx";
import { currentLocale, formatNumber } from "../../../lib/i18n.ts";
import { useMe } from "../../../lib/session.ts";
import { useToday } from "../../learning/learning-api.ts";
import { homeKeys, organisationsApi } from "../organisations-api.ts";
import { CoordinatorHome } from "./coordinator-home.tsx";
import { ManagerHome } from "./manager-home.tsx";

/** The learner's block: how much is waiting today, one tap away. */
function LearnerToday() {
  const { t } = useTranslation();
  const today = useToday();
  const items = today.data?.items ?? [];
  if (today.isLoading) return <Loading />;
  if (items.length === 0) {
    return (
      <EmptyState title={t("ui.home.learner.emptyTitle")}>
        <p>{t("ui.home.learner.emptyText")}</p>
      </EmptyState>
    );
  }
  const minutes = items.reduce((sum, item) => sum + item.durationMinutes, 0);
  return (
    <p>
      {t("ui.today.summary", { count: items.length, minutes })}{" "}
      <Link className="button-primary" to="/today">
        {t("ui.home.learner.open")}
      </Link>
    </p>
  );
}

/** One home screen, with a block per role the person holds. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const home = useQuery({ queryKey: homeKeys.all, queryFn: organisationsApi.home });
  const locale = currentLocale();
  const name = me.data?.person.name.split(" ")[0] ?? "";
  return (
    <Page title={t("ui.home.title", { name })}>
      {home.isLoading ? <Loading /> : null}
      <ErrorMessage error={home.error} />
      {home.data ? (
        <div className="cards">
          {/* A manager starts with what needs them this week. */}
          {home.data.manager ? <ManagerHome /> : null}
          {home.data.coordinator ? (
            <section className="card" aria-labelledby="home-coordinator">
              <h2 id="home-coordinator">{t("ui.home.coordinator.title")}</h2>
              <dl className="stats">
                <div>
                  <dt>{t("ui.home.coordinator.active")}</dt>
                  <dd>{formatNumber(home.data.coordinator.activePeople, locale)}</dd>
                </div>
                <div>
                  <dt>{t("ui.home.coordinator.invited")}</dt>
                  <dd>{formatNumber(home.data.coordinator.invitedPeople, locale)}</dd>
                </div>
                <div>
                  <dt>{t("ui.home.coordinator.teams")}</dt>
                  <dd>{formatNumber(home.data.coordinator.teams, locale)}</dd>
                </div>
              </dl>
              {home.data.coordinator.teamsWithoutManager > 0 ? (
                <p className="notice">
                  {t("ui.home.coordinator.teamsWithoutManager", {
                    count: home.data.coordinator.teamsWithoutManager,
                  })}{" "}
                  <Link to="/teams">{t("ui.nav.teams")}</Link>
                </p>
              ) : null}
              <p>
                <Link to="/people">{t("ui.home.coordinator.managePeople")}</Link>
              </p>
            </section>
          ) : null}
          {home.data.coordinator ? <CoordinatorHome block={home.data.coordinator} /> : null}
          {home.data.learner ? (
            <section className="card" aria-labelledby="home-learner">
              <h2 id="home-learner">{t("ui.home.learner.title")}</h2>
              <LearnerToday />
              {home.data.learner.teams.length > 0 ? (
                <p>
                  {t("ui.home.learner.teams", {
                    teams: home.data.learner.teams.map((x) => x.name).join(", "),
                  })}
                </p>
              ) : null}
            </section>
          ) : null}
          {home.data.designer ? (
            <section className="card" aria-labelledby="home-designer">
              <h2 id="home-designer">{t("ui.home.designer.title")}</h2>
              {home.data.designer.trajectories === 0 ? (
                <EmptyState title={t("ui.home.designer.emptyTitle")}>
                  <p>{t("ui.home.designer.emptyText")}</p>
                  <p>
                    <Link to="/trajectories/new">{t("ui.trajectories.new")}</Link>
                  </p>
                </EmptyState>
              ) : (
                <>
                  <p>
                    {t("ui.home.designer.counts", {
                      trajectories: home.data.designer.trajectories,
                      cohorts: home.data.designer.cohorts,
                    })}
                  </p>
                  <p>
                    <Link to="/trajectories">{t("ui.nav.trajectories")}</Link> ·{" "}
                    <Link to="/cohorts">{t("ui.nav.cohorts")}</Link>
                  </p>
                </>
              )}
            </section>
          ) : null}
          {home.data.roles.includes("coach") ? (
            <section className="card" aria-labelledby="home-coach">
              <h2 id="home-coach">{t("ui.home.coach.title")}</h2>
              <EmptyState title={t("ui.home.coach.emptyTitle")}>
                <p>{t("ui.home.coach.emptyText")}</p>
              </EmptyState>
            </section>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
