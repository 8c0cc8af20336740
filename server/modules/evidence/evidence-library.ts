import { evaluationEvidence } from "./entries/evaluation.ts";
import { learningEvidence } from "./entries/learning.ts";
import { transferEvidence } from "./entries/transfer.ts";
import type { EvidenceEntry } from "./evidence-types.ts";

export type { EvidenceEntry, Verification } from "./evidence-types.ts";

/**
 * The evidence library: data shipped with the code, written in our own words from the collected notes
 * (shared/research/evidence.md), one file per theme under entries/; the words are in
 * common/content/<locale>/evidence.json.
 */
export const evidenceLibrary: EvidenceEntry[] = [
  ...transferEvidence,
  ...learningEvidence,
  ...evaluationEvidence,
];

export function findEvidence(id: string): EvidenceEntry | undefined {
  return evidenceLibrary.find((entry) => entry.id === id);
}
