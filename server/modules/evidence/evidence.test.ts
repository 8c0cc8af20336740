import { describe, expect, it } from "vitest";
import { contentLocales } from "../../../common/content/content.ts";
import { evidenceTexts } from "../../../common/content/evidence.ts";
import type { Locale } from "../../../common/locales.ts";
import { evidenceLibrary } from "./evidence-library.ts";
import { presentEvidence } from "./evidence.presenter.ts";

/** French joins `Locale` with decision 0032; the content files already hold it. */
const french = "fr" as Locale;
const figured = evidenceLibrary.filter(
  (e) => evidenceTexts("en").entries[e.id]?.figure !== undefined && e.verification !== "NV",
);

describe("evidence library", () => {
  it("has unique ids, and texts for every entry in every language and no texts without an entry", () => {
    expect(new Set(evidenceLibrary.map((e) => e.id)).size).toBe(evidenceLibrary.length);
    for (const locale of contentLocales) {
      const ids = Object.keys(evidenceTexts(locale).entries).sort();
      expect(ids, locale).toEqual(evidenceLibrary.map((e) => e.id).sort());
    }
  });

  it("writes figures for Dutch and French readers with decimal commas and their own words", () => {
    for (const entry of figured) {
      for (const locale of ["nl", french] as Locale[]) {
        const figure = presentEvidence(entry, locale).figure!;
        // "0.40", ".36" and "5,017" are English ways of writing numbers; "v1.2" is a version, not a number.
        expect(figure, entry.id).not.toMatch(/(?<![\dv.])\d*\.\d(?!\d{2}\b)|\b[1-9]\d{0,2},\d{3}\b/);
        expect(figure, entry.id).not.toMatch(
          /\b(support alone|hinge point|effects|studies with|across|overall)\b/,
        );
      }
    }
    const blume = evidenceLibrary.find((e) => e.id === "blume-2010-work-environment")!;
    expect(presentEvidence(blume, "nl").figure).toBe("ρ = 0,36 (k = 35, N = 5.017); alleen steun ρ = 0,21");
    expect(presentEvidence(blume, "en").figure).toBe("ρ = .36 (k = 35, N = 5,017); support alone ρ = .21");
    expect(presentEvidence(blume, french).figure).toBe(
      "ρ = 0,36 (k = 35, N = 5\u202f017)\u202f; soutien seul ρ = 0,21",
    );
  });

  it("keeps every figure's numbers the same in every language", () => {
    const numbers = (figure: string) =>
      [...figure.replace(/(\d)[.,\u202f](?=\d{3}\b)/g, "$1").matchAll(/\d*[.,]?\d+/g)].map((m) =>
        Number(m[0].replace(",", ".")),
      );
    for (const entry of figured) {
      const english = numbers(presentEvidence(entry, "en").figure!);
      expect(numbers(presentEvidence(entry, "nl").figure!), entry.id).toEqual(english);
      expect(numbers(presentEvidence(entry, french).figure!), entry.id).toEqual(english);
    }
  });

  it("never shows a not-verified figure as fact, in any language", () => {
    const unverified = evidenceLibrary.filter((e) => e.verification === "NV");
    expect(unverified.length).toBeGreaterThan(0);
    for (const entry of unverified) {
      for (const locale of ["en", "nl", french] as Locale[]) {
        const view = presentEvidence(entry, locale);
        expect(view.figure).toBeNull();
        expect(view.figureWithheld).toBe(evidenceTexts(locale).entries[entry.id]?.figure !== undefined);
      }
      expect(presentEvidence(entry, "en").verificationLabel).toMatch(/not verified/i);
    }
  });

  it("shows the Hattie caveats beside every Hattie figure, in the reader's language", () => {
    for (const entry of evidenceLibrary.filter((e) => e.hattie)) {
      for (const locale of ["en", "nl", french] as Locale[]) {
        expect(presentEvidence(entry, locale).caveats).toEqual(
          expect.arrayContaining(evidenceTexts(locale).hattieCaveats),
        );
      }
    }
  });

  it("keeps source titles in their original language", () => {
    const entry = evidenceLibrary.find((e) => e.id === "gollwitzer-sheeran-2006")!;
    expect(presentEvidence(entry, "nl").source).toBe(presentEvidence(entry, "en").source);
    expect(presentEvidence(entry, french).source).toBe(presentEvidence(entry, "en").source);
    expect(presentEvidence(entry, french).claim).toMatch(/^Les plans si-alors/);
  });
});
