/** What other modules may use of this one; everything else in the folder is its own business. */
export { evidenceLibrary, findEvidence } from "./evidence-library.ts";
export type { EvidenceEntry } from "./evidence-library.ts";
export { presentEvidence } from "./evidence.presenter.ts";
