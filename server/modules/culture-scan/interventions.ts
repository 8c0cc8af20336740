import type { Layer, PhaseOfChange } from "../../../common/culture-scan/model.ts";

/**
 * One intervention: where it fits (layer, phases) and its source. Its name and reason in every language
 * are in common/content/<locale>/interventions.json under its id (decision 0033).
 */
export interface Intervention {
  id: string;
  layer: Layer;
  phases: PhaseOfChange[];
  /** Marked in the source as coming from scientific literature (the others: grey literature, work sessions). */
  fromLiterature: boolean;
}

const all: PhaseOfChange[] = ["unaware", "selecting", "acting", "applying", "continuous"];
const i = (id: string, layer: Layer, phases: PhaseOfChange[], fromLiterature = false): Intervention => ({
  id,
  layer,
  phases,
  fromLiterature,
});

/**
 * Interventions per layer and phase, summarised in our own words from the TNO quick scan on learning
 * culture (shared/seeds/003). The source places interventions on a chart; where the text does not pin
 * a phase down, the phases here are our reading of it.
 */
export const interventionCatalogue: Intervention[] = [
  i("challenging-tasks", "tasks", all),
  i("job-crafting", "tasks", ["selecting", "acting", "applying"], true),
  i("task-rotation", "tasks", ["unaware", "selecting"]),
  i("reflect-on-work", "tasks", ["acting", "applying", "continuous"]),
  i("buddy-system", "colleagues", ["selecting", "acting", "applying"]),
  i("communities-of-practice", "colleagues", ["acting", "applying", "continuous"], true),
  i("feedback-culture", "colleagues", ["acting", "applying"]),
  i("celebrate-successes", "colleagues", ["unaware", "applying", "continuous"]),
  i("project-evaluations", "colleagues", ["applying", "continuous"]),
  i("safe-to-fail", "colleagues", ["acting", "applying"], true),
  i("development-conversations", "manager", ["unaware", "selecting"], true),
  i("personal-development-plan", "manager", ["selecting", "acting"], true),
  i("time-and-budget", "manager", ["selecting", "acting"], true),
  i("safeguard-transfer", "manager", ["applying"], true),
  i("outside-contacts", "manager", ["continuous"]),
  i("development-leadership-training", "hr", ["selecting", "acting"], true),
  i("pdp-format", "hr", ["selecting"]),
  i("learning-offer", "hr", ["selecting", "acting"]),
  i("inform-about-change", "hr", ["unaware"]),
  i("measure-learning-returns", "hr", ["applying", "continuous"]),
  i("shared-vision", "management", ["unaware", "selecting"]),
  i("room-to-experiment", "management", ["applying", "continuous"], true),
  i("learning-as-kpi", "management", ["continuous"]),
  i("workfloor-knowledge", "environment", ["applying", "continuous"]),
  i("internships", "environment", ["continuous"]),
];
