import i18next, { type TFunction } from "i18next";
import en from "../common/i18n/en.json" with { type: "json" };
import nl from "../common/i18n/nl.json" with { type: "json" };
import { numberFormatter } from "../common/format.ts";
import { defaultLocale, type Locale } from "../common/locales.ts";

const instance = i18next.createInstance();
// Every number put into a message is written in the message's language ("5.017", "0,4").
void instance.use(numberFormatter).init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: defaultLocale,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
});

export type Translate = TFunction;

/** A translator for one locale; server text (errors, emails) always names its recipient's locale. */
export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}
