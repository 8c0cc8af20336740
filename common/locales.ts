export const supportedLocales = ["nl", "en"] as const;
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

/** The BCP 47 tag `Intl` formats a locale's numbers and dates with. */
export const intlLocale = (locale: Locale): string => (locale === "nl" ? "nl-NL" : "en-GB");
