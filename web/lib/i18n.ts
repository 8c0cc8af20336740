import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../../common/i18n/en.json" with { type: "json" };
import nl from "../../common/i18n/nl.json" with { type: "json" };
import { numberFormatter } from "../../common/format.ts";
import { defaultLocale, isLocale, type Locale, negotiateLocale } from "../../common/locales.ts";

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
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: initialLocale(),
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false, alwaysFormat: true },
  });

i18next.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : defaultLocale;
}

export const formatDateTime = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));

/** A calendar date (YYYY-MM-DD) as people read it: "wo 25 nov." / "Wed 25 Nov". */
export const formatDay = (isoDate: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));

export { formatDecimal, formatNumber, formatPercent } from "../../common/format.ts";

export { i18next };
