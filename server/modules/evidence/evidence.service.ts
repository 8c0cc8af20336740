import type { Locale } from "../../../common/locales.ts";
import type { EvidenceView } from "../../../common/schemas/trajectories.ts";
import { evidenceLibrary } from "./evidence-library.ts";
import { presentEvidence } from "./evidence.presenter.ts";

/** The library in the reader's language; with a query, only entries that mention it in any text shown. */
export function searchEvidence(locale: Locale, { q }: { q?: string | undefined }): EvidenceView[] {
  const views = evidenceLibrary.map((entry) => presentEvidence(entry, locale));
  const query = q?.trim().toLowerCase();
  if (!query) return views;
  return views.filter((view) =>
    [view.claim, view.source, view.design, view.population, view.outcome, view.figure ?? "", view.topic].some(
      (field) => field.toLowerCase().includes(query),
    ),
  );
}
