import { contentLocale, type Locale } from "../../../common/locales.ts";
import type { EvidenceView } from "../../../common/schemas/trajectories.ts";
import { translator } from "../../i18n.ts";
import { type EvidenceEntry, hattieCaveats } from "./evidence-library.ts";

/**
 * One entry in the reader's language. A not-verified figure is withheld (null), so nothing downstream
 * can show it as fact; Hattie figures always carry the Hattie caveats.
 */
export function presentEvidence(entry: EvidenceEntry, locale: Locale): EvidenceView {
  const t = translator(locale);
  return {
    id: entry.id,
    topic: entry.topic,
    claim: entry.claim[contentLocale(locale)],
    figure: entry.verification === "NV" || !entry.figure ? null : entry.figure[contentLocale(locale)],
    figureWithheld: entry.verification === "NV" && entry.figure !== null,
    source: entry.source,
    design: entry.design[contentLocale(locale)],
    population: entry.population[contentLocale(locale)],
    outcome: entry.outcome[contentLocale(locale)],
    verification: entry.verification,
    verificationLabel: t(`evidence.verification.${entry.verification}`),
    caveats: [...entry.caveats, ...(entry.hattie ? hattieCaveats : [])].map(
      (caveat) => caveat[contentLocale(locale)],
    ),
  };
}
