import i18next, { type TFunction } from "i18next";
import en from "../common/i18n/en.json" with { type: "json" };
import nl from "../common/i18n/nl.json" with { type: "json" };
import { defaultLocale, type Locale } from "../common/locales.ts";

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: defaultLocale,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Translate = TFunction;

/** A translator for one locale; server text (errors, emails) always names its recipient's locale. */
export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}
