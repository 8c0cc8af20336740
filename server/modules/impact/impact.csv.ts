import type { Locale } from "../../../common/locales.ts";
import type { ImpactView } from "../../../common/schemas/impact.ts";
import { toCsv } from "../../files/csv.ts";
import { translator } from "../../i18n.ts";
import type { ImpactFacts } from "./impact.service.ts";
import { percentOf } from "./tiers.ts";

/** Per tier and evidence line: the figures of the dashboard, no names. */
export function tiersCsv(impact: ImpactView, locale: Locale): string {
  const t = translator(locale);
  const header = [
    "tier",
    "name",
    "learners",
    "evidence",
    "timing",
    "evidence_learners",
    "baseline",
    "adequate",
    "detail",
  ].map((key) => t(`impact.csv.${key}`));
  const rows = impact.tiers.flatMap((tier) =>
    tier.evidence.length === 0
      ? [[tier.tier, tier.name, tier.learners, "", "", "", "", "", t("impact.notMeasured")]]
      : tier.evidence.map((e) => [
          tier.tier,
          tier.name,
          tier.learners,
          e.label,
          t(`impact.timing.${e.timing}`),
          e.learners,
          e.baseline ? t("impact.csv.yes") : t("impact.csv.no"),
          e.adequate ? t("impact.csv.yes") : t("impact.csv.no"),
          e.detail,
        ]),
  );
  return toCsv([header, ...rows], locale);
}

/** One row per learner (for the coordinator only): the evidence behind the totals. */
export function learnersCsv(facts: ImpactFacts, locale: Locale): string {
  const t = translator(locale);
  const tests = facts.plan.filter((line) => line.instrument === "test");
  const titles = tests.map(
    (line) => facts.scope.document.activities.find((a) => a.id === line.activityId)?.title ?? "",
  );
  const cohortName = new Map(facts.scope.cohorts.map((c) => [c.id, c.name]));
  const header = [
    ...["name", "cohort", "attended", "tasks_done", "tasks_due", "surveys"].map((key) =>
      t(`impact.csv.${key}`),
    ),
    ...titles.map((title) => `${title} (%)`),
    ...["applications", "confirmed"].map((key) => t(`impact.csv.${key}`)),
  ];
  const rows = facts.learners
    .filter((l) => !l.erased)
    .map((l) => [
      l.name,
      cohortName.get(l.cohortId) ?? "",
      l.attended === null ? "" : l.attended ? t("impact.csv.yes") : t("impact.csv.no"),
      l.tasksDone,
      l.tasksDue,
      l.surveys.size,
      ...tests.map((line) => {
        const result = l.tests.get(line.activityId!);
        return result ? Math.round(percentOf(result)) : "";
      }),
      l.applications,
      l.confirmedApplications,
    ]);
  return toCsv([header, ...rows], locale);
}
