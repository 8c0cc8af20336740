import { describe, expect, it } from "vitest";
import { evidenceLibrary, hattieCaveats } from "./evidence-library.ts";
import { presentEvidence } from "./evidence.presenter.ts";

describe("evidence library", () => {
  it("has unique ids and every text in both languages", () => {
    expect(new Set(evidenceLibrary.map((e) => e.id)).size).toBe(evidenceLibrary.length);
    for (const entry of evidenceLibrary) {
      for (const text of [entry.claim, entry.design, entry.population, entry.outcome, ...entry.caveats]) {
        expect(text.en.trim(), entry.id).not.toBe("");
        expect(text.nl.trim(), entry.id).not.toBe("");
      }
    }
  });

  it("writes figures for Dutch readers with decimal commas and Dutch words", () => {
    for (const entry of evidenceLibrary.filter((e) => e.figure !== null && e.verification !== "NV")) {
      const nl = presentEvidence(entry, "nl").figure!;
      // "0.40", ".36" and "5,017" are English ways of writing numbers; "v1.2" is a version, not a number.
      expect(nl, entry.id).not.toMatch(/(?<![\dv.])\d*\.\d(?!\d{2}\b)|\b[1-9]\d{0,2},\d{3}\b/);
      expect(nl, entry.id).not.toMatch(/\b(support alone|hinge point|effects|studies with|across|overall)\b/);
    }
    const blume = evidenceLibrary.find((e) => e.id === "blume-2010-work-environment")!;
    expect(presentEvidence(blume, "nl").figure).toBe("ρ = 0,36 (k = 35, N = 5.017); alleen steun ρ = 0,21");
    expect(presentEvidence(blume, "en").figure).toBe("ρ = .36 (k = 35, N = 5,017); support alone ρ = .21");
  });

  it("never shows a not-verified figure as fact", () => {
    const unverified = evidenceLibrary.filter((e) => e.verification === "NV");
    expect(unverified.length).toBeGreaterThan(0);
    for (const entry of unverified) {
      const view = presentEvidence(entry, "en");
      expect(view.figure).toBeNull();
      expect(view.figureWithheld).toBe(entry.figure !== null);
      expect(view.verificationLabel).toMatch(/not verified/i);
    }
  });

  it("shows the Hattie caveats beside every Hattie figure, in the reader's language", () => {
    for (const entry of evidenceLibrary.filter((e) => e.hattie)) {
      expect(presentEvidence(entry, "nl").caveats).toEqual(
        expect.arrayContaining(hattieCaveats.map((c) => c.nl)),
      );
      expect(presentEvidence(entry, "en").caveats).toEqual(
        expect.arrayContaining(hattieCaveats.map((c) => c.en)),
      );
    }
  });

  it("keeps source titles in their original language", () => {
    const entry = evidenceLibrary.find((e) => e.id === "gollwitzer-sheeran-2006")!;
    expect(presentEvidence(entry, "nl").source).toBe(presentEvidence(entry, "en").source);
  });
});
