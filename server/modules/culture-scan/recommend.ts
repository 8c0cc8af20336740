import type { Layer, PhaseOfChange, Precondition } from "../../../common/culture-scan/model.ts";
import { type Intervention, interventionCatalogue } from "./interventions.ts";

/** Average support (1–5) per layer and phase; null where the phase has too few people to show. */
export type Heatmap = Record<Layer, Partial<Record<PhaseOfChange, number | null>>>;

export interface Recommendation {
  kind: "intervention" | "precondition";
  id: string;
  layer: Layer | null;
  phase: PhaseOfChange | null;
  intervention?: Intervention;
  precondition?: Precondition;
  /** The figure that triggered it (support score or precondition score, 1–5). */
  score: number;
}

/** Below this average (on 1–5) a layer's support or a precondition counts as weak. */
export const WEAK = 3;

/**
 * Proposes a few interventions: for the weakest layer × phase cells (weighted by how many people are in
 * that phase) one fitting intervention each, and one action per unmet precondition. A short list on
 * purpose: an SME can carry out two or three things, not twenty.
 */
export function recommend(
  heatmap: Heatmap,
  peopleInPhase: Partial<Record<PhaseOfChange, number>>,
  preconditionScores: Partial<Record<Precondition, number | null>>,
  limit = 3,
): Recommendation[] {
  const cells = (Object.entries(heatmap) as [Layer, Partial<Record<PhaseOfChange, number | null>>][])
    .flatMap(([layer, byPhase]) =>
      (Object.entries(byPhase) as [PhaseOfChange, number | null][])
        .filter(([, score]) => score !== null && score < WEAK)
        .map(([phase, score]) => ({
          layer,
          phase,
          score: score!,
          weight: (WEAK - score!) * (peopleInPhase[phase] ?? 0),
        })),
    )
    .sort((a, b) => b.weight - a.weight);
  const chosen: Recommendation[] = [];
  const used = new Set<string>();
  for (const cell of cells) {
    if (chosen.length >= limit) break;
    const fit = interventionCatalogue.find(
      (x) => x.layer === cell.layer && x.phases.includes(cell.phase) && !used.has(x.id),
    );
    if (!fit) continue;
    used.add(fit.id);
    chosen.push({
      kind: "intervention",
      id: fit.id,
      layer: cell.layer,
      phase: cell.phase,
      intervention: fit,
      score: cell.score,
    });
  }
  const unmet = (Object.entries(preconditionScores) as [Precondition, number | null][])
    .filter(([, score]) => score !== null && score < WEAK)
    .sort((a, b) => a[1]! - b[1]!);
  for (const [precondition, score] of unmet) {
    chosen.push({
      kind: "precondition",
      id: precondition,
      layer: null,
      phase: null,
      precondition,
      score: score!,
    });
  }
  return chosen;
}
