import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChecklistStep, HomeResponse, RunningCohort } from "../../../../common/schemas/me.ts";
import { EmptyState } from "../../../components/feedback.tsx";
import { SectionCard } from "../../../components/section-card.tsx";
import { formatDay } from "../../../lib/dates.ts";
import { currentLocale, formatNumber } from "../../../lib/i18n.ts";
import { TierChart } from "../../impact/tier-chart.tsx";

type Block = NonNullable<HomeResponse["coordinator"]>;

/** Where each first step is done. */
const stepLinks: Record<ChecklistStep["key"], string> = {
  people: "/people",
  scan: "/culture-scans",
  template: "/trajectories/new",
  cohort: "/cohorts/new",
  invite: "/people",
};

/** A new organisation's first steps, each ticked from the data and linked to where it is done. */
function Checklist({ steps }: { steps: ChecklistStep[] }) {
  const { t } = useTranslation();
  const done = steps.filter((s) => s.done).length;
  return (
    <SectionCard
      id="home-checklist"
      title={t("ui.coordinatorHome.checklist.title")}
      hint={t("ui.coordinatorHome.checklist.progress", { done, total: steps.length })}
    >
      <ol className="checklist">
        {steps.map((step) => (
          <li key={step.key} className={step.done ? "step-done" : "step-open"}>
            <span className="step-mark" aria-hidden="true">
              {step.done ? "✓" : ""}
            </span>
            <span className="visually-hidden">
              {step.done
                ? t("ui.coordinatorHome.checklist.doneMark")
                : t("ui.coordinatorHome.checklist.openMark")}
            </span>
            <span>
              <Link to={stepLinks[step.key]}>
                {t(`ui.coordinatorHome.checklist.steps.${step.key}.action`)}
              </Link>
              <br />
              <span className="hint">
                {step.done
                  ? t(`ui.coordinatorHome.checklist.steps.${step.key}.done`, { count: step.count })
                  : t(`ui.coordinatorHome.checklist.steps.${step.key}.why`)}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </SectionCard>
  );
}

/** One running cohort: its dates, people per tier so far, and what is overdue. */
function CohortGlance({ cohort }: { cohort: RunningCohort }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="cohort-glance">
      <h3 id={`glance-${cohort.id}`}>
        <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
      </h3>
      <p className="hint">
        {t("ui.coordinatorHome.cohorts.meta", {
          trajectory: cohort.trajectoryTitle,
          date: formatDay(cohort.firstPracticeDay, locale),
          count: cohort.participants,
        })}
      </p>
      <p className={cohort.overdueTasks > 0 ? "notice" : undefined}>
        {cohort.overdueTasks > 0
          ? t("ui.coordinatorHome.cohorts.overdue", {
              count: cohort.overdueTasks,
              people: cohort.peopleBehind,
            })
          : t("ui.coordinatorHome.cohorts.nothingOverdue")}
      </p>
      <div className="chart-small">
        <TierChart impact={cohort} caption={false} />
      </div>
      <p>
        <Link to={`/trajectories/${cohort.trajectoryId}/impact?cohort=${cohort.id}`}>
          {t("ui.coordinatorHome.cohorts.impact")}
        </Link>
      </p>
    </li>
  );
}

function RunningCohorts({ cohorts }: { cohorts: RunningCohort[] }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="home-cohorts"
      title={t("ui.coordinatorHome.cohorts.title")}
      hint={t("ui.coordinatorHome.cohorts.hint")}
    >
      {cohorts.length === 0 ? (
        <p>
          {t("ui.coordinatorHome.cohorts.none")} <Link to="/cohorts">{t("ui.nav.cohorts")}</Link>
        </p>
      ) : (
        <ul className="plain-list cohort-glances">
          {cohorts.map((cohort) => (
            <CohortGlance key={cohort.id} cohort={cohort} />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function LatestScan({ scan }: { scan: Block["latestScan"] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SectionCard id="home-scan" title={t("ui.coordinatorHome.scan.title")}>
      {scan ? (
        <>
          <p>
            <Link to={`/culture-scans/${scan.id}`}>{scan.title}</Link> ·{" "}
            <span className="badge">{t(`ui.scans.status.${scan.status}`)}</span>
          </p>
          <p>
            {t("ui.coordinatorHome.scan.answered", {
              responses: formatNumber(scan.responses, locale),
              invited: formatNumber(scan.invited, locale),
              from: formatDay(scan.opensOn, locale),
              to: formatDay(scan.closesOn, locale),
            })}
          </p>
        </>
      ) : (
        <EmptyState title={t("ui.coordinatorHome.scan.emptyTitle")}>
          <p>{t("ui.coordinatorHome.scan.emptyText")}</p>
        </EmptyState>
      )}
      <p>
        <Link to="/culture-scans">{t("ui.coordinatorHome.scan.all")}</Link>
      </p>
    </SectionCard>
  );
}

function ImpactLinks({ trajectories }: { trajectories: Block["impact"] }) {
  const { t } = useTranslation();
  if (trajectories.length === 0) return null;
  return (
    <SectionCard
      id="home-impact"
      title={t("ui.coordinatorHome.impact.title")}
      hint={t("ui.coordinatorHome.impact.hint")}
    >
      <ul>
        {trajectories.map((x) => (
          <li key={x.trajectoryId}>
            <Link to={`/trajectories/${x.trajectoryId}/impact`}>
              {t("ui.coordinatorHome.impact.link", { title: x.title })}
            </Link>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}

/**
 * What leads a coordinator: while the organisation is new, its first steps; once training runs, each
 * running cohort at a glance, the latest culture scan and the way to impact.
 */
export function CoordinatorHome({ block }: { block: Block }) {
  const isNew = block.checklist.some((s) => !s.done);
  return (
    <>
      {isNew ? <Checklist steps={block.checklist} /> : null}
      {!isNew || block.runningCohorts.length > 0 ? <RunningCohorts cohorts={block.runningCohorts} /> : null}
      <LatestScan scan={block.latestScan} />
      <ImpactLinks trajectories={block.impact} />
    </>
  );
}
