import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { AssessorPanel } from "./assessor-panel.tsx";
import { useAssessing } from "./assessment-api.ts";
import "./assessment.css";

/**
 * "To assess": the cohorts a person was named assessor for, with how far the scoring is. A named
 * assessor is often a senior colleague who neither plans cohorts nor manages the team, so this page
 * (not the cohort page) is their way in.
 */
export function AssessingPage() {
  const { t } = useTranslation();
  const assessing = useAssessing();
  return (
    <Page title={t("ui.assessing.title")}>
      <p className="hint">{t("ui.assessing.intro")}</p>
      <QueryState
        query={assessing}
        isEmpty={(data) => data.cohorts.length === 0}
        empty={{ title: t("ui.assessing.title"), text: t("ui.assessing.none") }}
      >
        {(data) => (
          <ul className="assessing-list">
            {data.cohorts.map((cohort) => (
              <li key={cohort.cohortId}>
                <SectionCard
                  id={`assess-${cohort.cohortId}`}
                  title={cohort.name}
                  hint={t("ui.assessing.trajectory", { title: cohort.trajectory })}
                >
                  <p className="assessing-progress">
                    <meter
                      min={0}
                      max={Math.max(cohort.toScore, 1)}
                      value={cohort.scored}
                      aria-hidden="true"
                    />{" "}
                    <span>
                      {t("ui.assessing.progress", { scored: cohort.scored, total: cohort.toScore })}
                    </span>
                  </p>
                  <Link className="button" to={`/assess/${cohort.cohortId}`}>
                    {t("ui.assessing.open", { name: cohort.name })}
                  </Link>
                </SectionCard>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Page>
  );
}

/** One cohort's assessor form on its own page; someone not named for it reads why they cannot score. */
export function AssessCohortPage() {
  const { t } = useTranslation();
  const { cohortId = "" } = useParams();
  const assessing = useAssessing();
  const name = assessing.data?.cohorts.find((c) => c.cohortId === cohortId)?.name;
  return (
    <Page title={name ? t("ui.assessing.cohortTitle", { name }) : t("ui.assessing.title")}>
      <p>
        <Link to="/assess">{t("ui.assessing.back")}</Link>
      </p>
      <AssessorPanel
        cohortId={cohortId}
        notAllowed={
          <EmptyState title={t("ui.assessing.title")}>
            <p>{t("ui.assessing.notAllowed")}</p>
          </EmptyState>
        }
      />
    </Page>
  );
}
