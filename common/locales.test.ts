import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales.ts";

describe("negotiateLocale", () => {
  it("picks the highest-quality supported language", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.8,nl;q=0.7")).toBe("en");
    expect(negotiateLocale("en;q=0.5, nl-BE;q=0.9")).toBe("nl");
  });

  it("maps regional variants to their language", () => {
    expect(negotiateLocale("nl-BE")).toBe("nl");
    expect(negotiateLocale("en-GB")).toBe("en");
  });

  it("returns null when nothing supported is asked for, so the caller decides", () => {
    expect(negotiateLocale("fr-FR,de;q=0.9")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(undefined)).toBeNull();
    expect(negotiateLocale("en;q=0")).toBeNull();
  });
});
