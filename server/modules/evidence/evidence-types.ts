/**
 * The evidence library: data shipped with the code, written in our own words from the collected notes
 * (shared/research/evidence.md). The code holds what never changes with the language (id, topic, the
 * source, its verification); the sentences and figures in each language live in
 * common/content/<locale>/evidence.json by id (decision 0033). An entry tagged NV never shows its
 * figure. Source titles stay in their original language.
 */
export type Verification = "V-P" | "V-S" | "NV";

export interface EvidenceEntry {
  id: string;
  topic:
    | "transfer"
    | "action-plans"
    | "spacing"
    | "retrieval"
    | "coaching"
    | "flipped"
    | "evaluation"
    | "practice"
    | "hattie";
  source: string;
  verification: Verification;
  /** Figures from Hattie's Visible Learning / MetaX always carry the Hattie caveats. */
  hattie?: boolean;
}
