import { describe, expect, it } from "vitest";
import { catalogueFor, intlLocale, localeOfTag, negotiateLocale, recipientLocale } from "./locales.ts";

describe("locales", () => {
  it("hears French in every way a Belgian browser asks for it", () => {
    expect(negotiateLocale("fr")).toBe("fr");
    expect(negotiateLocale("fr-BE")).toBe("fr");
    expect(negotiateLocale("fr-BE,fr;q=0.9,nl-BE;q=0.8")).toBe("fr");
    expect(negotiateLocale("de-DE,fr;q=0.5,nl;q=0.4")).toBe("fr");
    expect(negotiateLocale("nl-BE,fr;q=0.7")).toBe("nl");
    expect(negotiateLocale("de")).toBeNull();
  });

  it("writes to someone in their language, else the organisation's, else Dutch", () => {
    expect(recipientLocale("fr", "nl")).toBe("fr");
    expect(recipientLocale(null, "fr")).toBe("fr");
    expect(recipientLocale("de", null)).toBe("nl");
  });

  it("formats French as it is written in Belgium", () => {
    expect(intlLocale("fr")).toBe("fr-BE");
    const number = new Intl.NumberFormat(intlLocale("fr"), { maximumFractionDigits: 1 }).format(5017.25);
    expect(number.replace(/\s/g, " ")).toBe("5 017,3");
  });

  it("reads Dutch in a Belgian organisation from the Flemish variant, and nothing else", () => {
    expect(catalogueFor("nl", "BE")).toBe("nl-BE");
    expect(catalogueFor("nl", "NL")).toBe("nl");
    expect(catalogueFor("fr", "BE")).toBe("fr");
    expect(catalogueFor("en", "BE")).toBe("en");
    expect(localeOfTag("nl-BE")).toBe("nl");
    expect(localeOfTag("fr")).toBe("fr");
    expect(localeOfTag(undefined)).toBe("nl");
  });
});
