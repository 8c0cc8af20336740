/**
 * The evidence library: data shipped with the code, written in our own words from the collected notes
 * (shared/research/evidence.md). Figures keep their source; an entry tagged NV never shows its figure.
 * Source titles stay in their original language.
 */
export type Verification = "V-P" | "V-S" | "NV";
export interface Text {
  en: string;
  nl: string;
}

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
  claim: Text;
  /** In both languages: Dutch readers get decimal commas and Dutch words ("scharnierpunt", not "hinge point"). */
  figure: Text | null;
  source: string;
  design: Text;
  population: Text;
  outcome: Text;
  verification: Verification;
  caveats: Text[];
  /** Figures from Hattie's Visible Learning / MetaX always carry the Hattie caveats. */
  hattie?: boolean;
}

export const text = (en: string, nl: string): Text => ({ en, nl });

export const metaAnalysis = text("Meta-analysis", "Meta-analyse");
export const workplace = text(
  "Employees in organisational training",
  "Medewerkers in opleidingen binnen organisaties",
);
/**
 * Blume et al. (2010), the transfer meta-analysis several entries draw on; read in a secondary
 * transcription of its tables unless an entry says otherwise.
 */
export const blume2010 = {
  source:
    "Blume, B. D., Ford, J. K., Baldwin, T. T., & Huang, J. L. (2010). Transfer of training: A meta-analytic review. Journal of Management, 36(4), 1065–1105.",
  design: metaAnalysis,
  population: workplace,
  outcome: text("Transfer of training", "Transfer van de opleiding"),
  verification: "V-S",
} satisfies Partial<EvidenceEntry>;

/** Thalheimer (2020), the synthesis of transfer research several entries summarise. */
export const thalheimer2020 = {
  source:
    "Thalheimer, W. (2020). Factors That Support Training Transfer: A Brief Synopsis of the Transfer Research. Work-Learning Research.",
  design: text("Narrative synthesis of transfer research", "Verhalende synthese van transferonderzoek"),
  population: text("Workplace learning", "Leren op het werk"),
  outcome: text("Application at work", "Toepassing op het werk"),
  verification: "V-S",
} satisfies Partial<EvidenceEntry>;

export const mixedEducation = text("Mostly school and university students", "Vooral scholieren en studenten");

/** Shown beside every Hattie figure (shared/research/evidence.md §3.2). */
export const hattieCaveats: Text[] = [
  text(
    "Hattie averages meta-analyses with very different designs, outcomes and populations; critics (Simpson 2017; Bergeron & Rivard 2017) argue such averages are not a universal measure of impact.",
    "Hattie middelt meta-analyses met heel verschillende opzetten, uitkomsten en doelgroepen; critici (Simpson 2017; Bergeron & Rivard 2017) stellen dat zo'n gemiddelde geen universele maat voor effect is.",
  ),
  text(
    "Pre-post and controlled effect sizes are mixed in these averages; a pre-post d is usually larger and is not comparable with the 0.40 hinge point.",
    "In deze gemiddelden zijn voor-na-effecten en gecontroleerde effecten door elkaar gebruikt; een voor-na-d is meestal groter en niet vergelijkbaar met het scharnierpunt 0,40.",
  ),
  text(
    "MetaX figures change between versions; the version is stated with each figure. Use them as context only.",
    "MetaX-cijfers veranderen tussen versies; de versie staat bij elk cijfer. Gebruik ze alleen als context.",
  ),
];
