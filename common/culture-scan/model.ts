/**
 * The culture scan's model, declared once for the server (results, presenter, PDF) and the web app
 * (results screen): the layers, the preconditions, the phases of change and how a score is banded.
 */

/** The organisational layers of the maturity model (TNO quick scan, Koopmans et al. 2023). */
export const layers = ["tasks", "colleagues", "manager", "hr", "management", "environment"] as const;
export type Layer = (typeof layers)[number];

/** The source's four conditions for any intervention to work. */
export const preconditions = ["engagement", "sharedVision", "readiness", "safetyAndWorkload"] as const;
export type Precondition = (typeof preconditions)[number];

/** The phases of behaviour change for learning and development (derived in server/modules/culture-scan/staging.ts). */
export const phasesOfChange = ["unaware", "selecting", "acting", "applying", "continuous"] as const;
export type PhaseOfChange = (typeof phasesOfChange)[number];

export type HeatBand = "none" | "low" | "mid" | "high";

/** A 1–5 average as a colour band of the heatmap: below 2.5 weak, below 3.5 middling, else strong. */
export const heatBand = (score: number | null | undefined): HeatBand =>
  score == null ? "none" : score < 2.5 ? "low" : score < 3.5 ? "mid" : "high";
