export const supportedLocales = ["nl", "en", "fr"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "nl";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header (or navigator.languages joined).
 * Quality values are honoured; regional variants ("nl-BE") fall back to their language.
 * Returns null when nothing supported is asked for, so the caller picks the fallback.
 */
export function negotiateLocale(header: string | undefined | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = tag.split("-")[0];
    if (isLocale(language)) return language;
  }
  return null;
}

/** The language to write to someone in: their own setting, else their organisation's, else Dutch. */
export function recipientLocale(personal: unknown, organisationDefault: unknown): Locale {
  return isLocale(personal) ? personal : isLocale(organisationDefault) ? organisationDefault : defaultLocale;
}

/** The BCP 47 tag `Intl` formats a locale's numbers and dates with (French as written in Belgium). */
const intlTags: Record<Locale, string> = { nl: "nl-NL", en: "en-GB", fr: "fr-BE" };
export const intlLocale = (locale: Locale): string => intlTags[locale];

/** A language tag an i18next formatter was given ("fr", "nl-BE"), as the locale it belongs to. */
export function localeOfTag(tag: string | undefined): Locale {
  const language = tag?.split("-")[0];
  return isLocale(language) ? language : defaultLocale;
}

/**
 * The catalogue a locale is read from: Dutch in a Belgian organisation reads the Flemish variant
 * ("nl-BE": KMO, KMO-portefeuille), which holds only the strings that differ and falls back to "nl"
 * key by key. Every other language has one catalogue.
 */
export type Catalogue = Locale | "nl-BE";
export function catalogueFor(locale: Locale, country: string | null | undefined): Catalogue {
  return locale === "nl" && country === "BE" ? "nl-BE" : locale;
}
