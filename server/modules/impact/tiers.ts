import { ltemTiers, tierKeys } from "../../../common/impact-vocabulary.ts";
import type { TierView } from "../../../common/schemas/impact.ts";
import type { PlannedMeasure } from "../../../common/schemas/trajectories.ts";
import type { Translate } from "../../i18n.ts";
import { DEFAULT_CONFIRMATIONS, DEFAULT_PASS_PERCENT } from "../../../common/measurement-plan.ts";

/** What Beklijf knows about one learner in the trajectory's cohorts, gathered by impact-data.ts. */
export interface LearnerFacts {
  personId: string;
  /** null while nobody recorded attendance for the learner's practice day. */
  attended: boolean | null;
  tasksDue: number;
  tasksDone: number;
  surveys: Set<string>;
  /** Test results per activity, summed over competences. */
  tests: Map<string, { correct: number; total: number }>;
  /** Practice answers days after the practice day: scenario and decision questions (tier 5)... */
  delayedDecisions: { answered: number; correct: number };
  /** ...and the other choice questions, about facts and their use (tier 4, knowledge retention). */
  delayedKnowledge: { answered: number; correct: number };
  applications: number;
  confirmedApplications: number;
  /** After-weeks survey: how often they used it (0–3), null when not answered. */
  reportedUse: number | null;
}

export interface KpiFact {
  name: string;
  unit: string;
  beforeValue: number;
  afterValue: number | null;
}

/** Share of due tasks done that counts as taking part (LTEM tier 2). */
export const ACTIVE_SHARE = 0.8;
/** Remembered decision making from practice: enough answers, mostly right, days after the practice day. */
export const DELAYED_DECISIONS_MIN = 5;
export const DELAYED_DECISIONS_SHARE = 0.7;
/** Fewer knowledge questions are practised than scenarios, so fewer answers are asked for. */
export const DELAYED_KNOWLEDGE_MIN = 3;

export const percentOf = (result: { correct: number; total: number }) =>
  result.total === 0 ? 0 : (result.correct / result.total) * 100;

interface Evidence {
  learners: number | null;
  detail: string;
}

function evidenceFor(
  line: PlannedMeasure,
  learners: LearnerFacts[],
  kpis: KpiFact[],
  t: Translate,
): Evidence {
  const n = learners.length;
  const count = (predicate: (l: LearnerFacts) => boolean) => learners.filter(predicate).length;
  switch (line.instrument) {
    case "attendance": {
      if (learners.every((l) => l.attended === null))
        return { learners: 0, detail: t("impact.detail.notRecorded") };
      const present = count((l) => l.attended === true);
      return { learners: present, detail: t("impact.detail.attendance", { reached: present, n }) };
    }
    case "activity-completion": {
      const active = count((l) => l.tasksDue > 0 && l.tasksDone / l.tasksDue >= ACTIVE_SHARE);
      return {
        learners: active,
        detail: t("impact.detail.activity", { reached: active, n, share: ACTIVE_SHARE * 100 }),
      };
    }
    case "learner-survey": {
      const answered = count((l) => l.surveys.has(line.activityId!));
      return { learners: answered, detail: t("impact.detail.survey", { reached: answered, n }) };
    }
    case "test": {
      const pass = line.passPercent ?? DEFAULT_PASS_PERCENT;
      const took = learners.filter((l) => l.tests.has(line.activityId!));
      const passed = took.filter((l) => percentOf(l.tests.get(line.activityId!)!) >= pass).length;
      return {
        learners: passed,
        detail: t("impact.detail.test", { reached: passed, took: took.length, pass }),
      };
    }
    case "practice-recall":
    case "practice-scenarios": {
      const tally = (l: LearnerFacts) =>
        line.instrument === "practice-recall" ? l.delayedKnowledge : l.delayedDecisions;
      const minimum = line.instrument === "practice-recall" ? DELAYED_KNOWLEDGE_MIN : DELAYED_DECISIONS_MIN;
      const remembered = count(
        (l) =>
          tally(l).answered >= minimum && tally(l).correct / tally(l).answered >= DELAYED_DECISIONS_SHARE,
      );
      return {
        learners: remembered,
        detail: t(`impact.detail.${line.instrument}`, {
          reached: remembered,
          minimum,
          share: DELAYED_DECISIONS_SHARE * 100,
        }),
      };
    }
    case "confirmed-applications": {
      const threshold = line.threshold ?? DEFAULT_CONFIRMATIONS;
      const logged = count((l) => l.applications > 0);
      const confirmed = count((l) => l.confirmedApplications >= threshold);
      return {
        learners: confirmed,
        detail: t("impact.detail.applications", { reached: confirmed, logged, threshold }),
      };
    }
    case "organisation-kpi": {
      if (kpis.length === 0) return { learners: null, detail: t("impact.detail.noKpis") };
      const lines = kpis.map((k) =>
        k.afterValue === null
          ? t("impact.detail.kpiBefore", { name: k.name, before: k.beforeValue, unit: k.unit })
          : t("impact.detail.kpi", {
              name: k.name,
              before: k.beforeValue,
              after: k.afterValue,
              unit: k.unit,
            }),
      );
      return { learners: null, detail: lines.join("; ") };
    }
  }
}

/** LTEM: knowledge, decisions and tasks certify their tier only when remembered days later. */
const adequateFor = (line: PlannedMeasure) =>
  line.tier >= 4 && line.tier <= 6 ? line.timing === "delayed" : line.tier !== 8;

/**
 * Per LTEM tier, the evidence the plan collects and how many learners reached the tier. A measure
 * before the practice day is a starting point and does not count as reaching the tier.
 */
export function computeTiers(
  plan: PlannedMeasure[],
  learners: LearnerFacts[],
  kpis: KpiFact[],
  labelOf: (line: PlannedMeasure) => string,
  t: Translate,
): TierView[] {
  return ltemTiers.map((tier) => {
    const evidence = plan
      .filter((line) => line.tier === tier)
      .map((line) => {
        const found = evidenceFor(line, learners, kpis, t);
        return {
          instrument: line.instrument,
          label: labelOf(line),
          timing: line.timing,
          learners: found.learners,
          baseline: line.timing === "before",
          adequate: adequateFor(line),
          detail: found.detail,
        };
      });
    const reached = evidence.filter((e) => !e.baseline && e.learners !== null).map((e) => e.learners!);
    return {
      tier,
      name: t(`impact.tiers.${tierKeys[tier]}`),
      learners: reached.length > 0 ? Math.max(...reached) : 0,
      evidence,
    };
  });
}
