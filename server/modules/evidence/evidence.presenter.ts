import { evidenceTexts } from "../../../common/content/evidence.ts";
import type { Locale } from "../../../common/locales.ts";
import type { EvidenceView } from "../../../common/schemas/trajectories.ts";
import { translator } from "../../i18n.ts";
import type { EvidenceEntry } from "./evidence-library.ts";

/**
 * One entry in the reader's language. A not-verified figure is withheld (null), so nothing downstream
 * can show it as fact; Hattie figures always carry the Hattie caveats.
 */
export function presentEvidence(entry: EvidenceEntry, locale: Locale): EvidenceView {
  const t = translator(locale);
  const texts = evidenceTexts(locale);
  const words = texts.entries[entry.id];
  if (!words) throw new TypeError(`No texts for evidence entry "${entry.id}" in ${locale}`);
  const figure = words.figure ?? null;
  return {
    id: entry.id,
    topic: entry.topic,
    claim: words.claim,
    figure: entry.verification === "NV" ? null : figure,
    figureWithheld: entry.verification === "NV" && figure !== null,
    source: entry.source,
    design: words.design,
    population: words.population,
    outcome: words.outcome,
    verification: entry.verification,
    verificationLabel: t(`evidence.verification.${entry.verification}`),
    caveats: [...words.caveats, ...(entry.hattie ? texts.hattieCaveats : [])],
  };
}
