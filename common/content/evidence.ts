import en from "./en/evidence.json" with { type: "json" };
import fr from "./fr/evidence.json" with { type: "json" };
import nl from "./nl/evidence.json" with { type: "json" };
import { contentReader } from "./content.ts";

/** One entry's sentences; the figure is in the reader's number format ("0,40" in Dutch and French). */
export interface EvidenceEntryTexts {
  claim: string;
  figure?: string;
  design: string;
  population: string;
  outcome: string;
  caveats: string[];
}

export interface EvidenceTexts {
  /** Shown beside every Hattie figure (shared/research/evidence.md §3.2). */
  hattieCaveats: string[];
  entries: Record<string, EvidenceEntryTexts>;
}

/** The evidence library's words by entry id (`common/content/<locale>/evidence.json`). */
export const evidenceTexts = contentReader<EvidenceTexts>({ en, nl, fr });
