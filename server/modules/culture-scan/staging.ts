import type { PhaseOfChange } from "../../../common/culture-scan/model.ts";

/**
 * The phase of behaviour change for learning and development, derived from separate raw answers.
 *
 * Our adaptation of the Transtheoretical Model's time anchors (Prochaska & DiClemente 1983; the staging
 * notes in shared/research/evidence.md §4), NOT a validated instrument. The research shows a stage label
 * alone is unstable (15% changed stage within 8 days), so the scan stores the raw answers and this
 * function derives the phase; a later, better rule can re-derive every past scan.
 */

export interface StagingAnswers {
  /** Am I now learning something new for my work (a course, a new way of working)? */
  learningNow: boolean;
  /** If not: when do I intend to start? */
  intention: "none" | "within-6-months" | "within-30-days";
  /** If so, or if I recently finished: how many months ago did I start? */
  monthsSinceStart: number | null;
  /** Do I use what I learned in my daily work? */
  applyingAtWork: boolean;
  /** After finishing something, do I choose something new to learn? */
  choosesNewLearning: boolean;
}

/** Six months separates "acting" from "applying", as the TTM separates action from maintenance. */
export const MAINTENANCE_MONTHS = 6;

export function derivePhase(a: StagingAnswers): PhaseOfChange {
  const establishedSince = a.monthsSinceStart !== null && a.monthsSinceStart >= MAINTENANCE_MONTHS;
  if (a.applyingAtWork && establishedSince && a.choosesNewLearning) return "continuous";
  if (a.applyingAtWork && establishedSince) return "applying";
  if (a.learningNow || a.applyingAtWork) return "acting";
  if (a.intention === "none") return "unaware";
  return "selecting";
}
