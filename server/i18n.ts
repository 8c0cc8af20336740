import i18next, { type TFunction } from "i18next";
import en from "../common/i18n/en.json" with { type: "json" };
import fr from "../common/i18n/fr.json" with { type: "json" };
import nlBE from "../common/i18n/nl-BE.json" with { type: "json" };
import nl from "../common/i18n/nl.json" with { type: "json" };
import { numberFormatter } from "../common/format.ts";
import { catalogueFor, defaultLocale, type Locale } from "../common/locales.ts";

const instance = i18next.createInstance();
// Every number put into a message is written in the message's language ("5.017", "0,4").
void instance.use(numberFormatter).init({
  resources: {
    en: { translation: en },
    nl: { translation: nl },
    fr: { translation: fr },
    "nl-BE": { translation: nlBE },
  },
  lng: defaultLocale,
  // Only the Flemish variant falls back (to Dutch, key by key); a missing string elsewhere is a bug
  // the catalogue test catches, never a silent switch of language.
  fallbackLng: { "nl-BE": ["nl"], default: [] },
  initAsync: false,
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
});

export type Translate = TFunction;

/**
 * A translator for one locale; server text (errors, emails) always names its recipient's locale. With
 * the organisation's country, Dutch for a Belgian organisation reads the Flemish variant.
 */
export function translator(locale: Locale, country?: string | null): TFunction {
  return instance.getFixedT(catalogueFor(locale, country));
}
