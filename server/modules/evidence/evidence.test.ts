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
