import type { Precondition } from "../culture-scan/model.ts";
import en from "./en/interventions.json" with { type: "json" };
import fr from "./fr/interventions.json" with { type: "json" };
import nl from "./nl/interventions.json" with { type: "json" };
import { contentReader } from "./content.ts";

interface NameAndReason {
  name: string;
  why: string;
}

/**
 * The culture scan's recommendations: interventions by id and, for each unmet precondition (the
 * source's four conditions for any intervention to work), what to do about it.
 */
export interface InterventionTexts {
  interventions: Record<string, NameAndReason>;
  preconditionActions: Record<Precondition, NameAndReason>;
}

/** `common/content/<locale>/interventions.json`. */
export const interventionTexts = contentReader<InterventionTexts>({ en, nl, fr });
