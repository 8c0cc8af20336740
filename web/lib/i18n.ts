import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../../common/i18n/en.json" with { type: "json" };
import fr from "../../common/i18n/fr.json" with { type: "json" };
import nlBE from "../../common/i18n/nl-BE.json" with { type: "json" };
import nl from "../../common/i18n/nl.json" with { type: "json" };
import { numberFormatter } from "../../common/format.ts";
import {
  catalogueFor,
  defaultLocale,
  intlLocale,
  isLocale,
  type Locale,
  localeOfTag,
  negotiateLocale,
} from "../../common/locales.ts";

const STORAGE_KEY = "beklijf.locale";

/** Before sign-in: the language chosen on this device, else the browser's. */
export function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return negotiateLocale(navigator.languages.join(",")) ?? defaultLocale;
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
}

// Every number put into a message is written in the reader's language ("5.017", "0,4").
void i18next
  .use(initReactI18next)
  .use(numberFormatter)
  .init({
    resources: {
      en: { translation: en },
      nl: { translation: nl },
      fr: { translation: fr },
      "nl-BE": { translation: nlBE },
    },
    lng: initialLocale(),
    // Only the Flemish variant falls back (to Dutch, key by key).
    fallbackLng: { "nl-BE": ["nl"], default: [] },
    initAsync: false,
    interpolation: { escapeValue: false, alwaysFormat: true },
  });

// The page's language for screen readers and hyphenation: "nl-BE" stays a valid BCP 47 tag.
i18next.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

/** The reader's language; the Flemish variant ("nl-BE") is Dutch. */
export function currentLocale(): Locale {
  return localeOfTag(i18next.language);
}

/** Shows a language, in the Flemish variant when the organisation is Belgian. */
export function showLocale(locale: Locale, country?: string | null): Promise<unknown> {
  const catalogue = catalogueFor(locale, country);
  return i18next.language === catalogue ? Promise.resolve() : i18next.changeLanguage(catalogue);
}

export const formatDateTime = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));

/** A calendar date (YYYY-MM-DD) as people read it: "wo 25 nov." / "Wed 25 Nov". */
export const formatDay = (isoDate: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));

export { formatDecimal, formatNumber, formatPercent } from "../../common/format.ts";

export { i18next };
