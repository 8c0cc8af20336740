import i18next, { type BackendModule, type ResourceKey } from "i18next";
import { initReactI18next } from "react-i18next";
import { formatNumber, numberFormatter } from "../../common/format.ts";
import {
  type Catalogue,
  catalogueFor,
  defaultLocale,
  intlLocale,
  isLocale,
  type Locale,
  localeOfTag,
  negotiateLocale,
} from "../../common/locales.ts";
import { catalogueParts } from "virtual:catalogue-parts";
import { loadOrReload } from "./load-or-reload.ts";

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

/**
 * Each catalogue is two chunks of its own, fetched when someone reads that language: a phone on Dutch
 * never downloads or parses English and French (decision 0031). The first part holds what the shell,
 * sign-in, Today and practice show; the rest (nine tenths of the bytes, mostly coordinators' screens)
 * comes with the first screen that needs it (`loadAllTexts`). The service worker precaches every chunk,
 * so an offline reload still finds the reader's language.
 */
function isCatalogue(language: string): language is Catalogue {
  return Object.hasOwn(catalogueParts, language);
}

/** Set once a screen needs more than the first screens' texts: every language read from then on is whole. */
let allTextsWanted = false;

const isSection = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The two parts of a catalogue as one: they share sections (`ui`), never a text. */
function mergeTexts(first: ResourceKey, rest: ResourceKey): ResourceKey {
  if (!isSection(first) || !isSection(rest)) return rest;
  const merged: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(rest)) {
    merged[key] = Object.hasOwn(merged, key)
      ? mergeTexts(merged[key] as ResourceKey, value as ResourceKey)
      : value;
  }
  return merged as ResourceKey;
}

async function readCatalogue(language: Catalogue): Promise<ResourceKey> {
  const first = (await loadOrReload(catalogueParts[language].first)).default;
  // Asked again after the wait: a screen may have wanted every text meanwhile.
  if (!allTextsWanted) return first;
  return mergeTexts(first, (await loadOrReload(catalogueParts[language].rest)).default);
}

/**
 * i18next asks for every language it may read from ("nl-BE", then "nl" for the Flemish variant) and
 * only switches once they are in, so a screen never shows a key while its language is on its way.
 */
const catalogueBackend: BackendModule = {
  type: "backend",
  callbackApi: false,
  init: () => undefined,
  read: async (language: string) => (isCatalogue(language) ? readCatalogue(language) : {}),
};

/** The languages a catalogue is read from: the Flemish variant, then Dutch key by key. */
const FALLBACKS: Partial<Record<Catalogue, Catalogue[]>> = { "nl-BE": ["nl"] };
const languagesOf = (catalogue: Catalogue): Catalogue[] => [catalogue, ...(FALLBACKS[catalogue] ?? [])];

/**
 * Settles when the reader's languages hold every text, not only the first screens': a screen other than
 * sign-in, Today and practice renders after it (`lazyPage`), so it never shows a bare key. i18next reads
 * the languages again, whole; their first parts are already here.
 */
export function loadAllTexts(catalogue = i18next.language): Promise<unknown> {
  allTextsWanted = true;
  return isCatalogue(catalogue) ? i18next.reloadResources(languagesOf(catalogue)) : Promise.resolve();
}

/**
 * Settles when the reader's catalogue is loaded: `main.tsx` renders after it, so the first screen is
 * already in the reader's language. Every number put into a message is written in the reader's
 * language ("5.017", "0,4").
 */
export const i18nReady: Promise<unknown> = i18next
  .use(initReactI18next)
  .use(numberFormatter)
  .use(catalogueBackend)
  .init({
    lng: initialLocale(),
    // Only the Flemish variant falls back (to Dutch, key by key).
    fallbackLng: { ...FALLBACKS, default: [] },
    // Sets the language at once (loading its catalogue goes on): the requests asked for at start
    // already carry it as Accept-Language.
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
  if (i18next.language === catalogue) return Promise.resolve();
  // A language read before, at the start, holds only the first screens' texts: the screen on show may
  // need them all.
  const texts = allTextsWanted ? loadAllTexts(catalogue) : Promise.resolve();
  return texts.then(() => i18next.changeLanguage(catalogue));
}

/**
 * One formatter per language and style, kept: making an `Intl.DateTimeFormat` costs far more than using
 * it, and Today formats a date for every item (on a slow phone that showed as blocked time).
 */
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), options);
    dateFormats.set(key, format);
  }
  return format;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export const formatDateTime = (iso: string, locale: Locale) =>
  dateFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

/** A calendar date (YYYY-MM-DD) as people read it: "wo 25 nov." / "Wed 25 Nov". */
export const formatDay = (isoDate: string, locale: Locale) =>
  dateFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

/**
 * Makes the formatters a screen needs ahead of their first use, each in a task of its own while the
 * screen's answer is still on its way: a language's first Intl formatter loads its locale data (40-50 ms
 * on a slow phone each), which otherwise fell in the task that draws the screen, or lengthened the one
 * that starts the app. A screen's module calls this as it loads (Today, practice); the sign-in page
 * needs neither, so it makes neither.
 */
export function prepareFormats({ days = false }: { days?: boolean } = {}): void {
  const soon = (prepare: (locale: Locale) => unknown) => setTimeout(() => prepare(currentLocale()), 0);
  // Numbers appear in messages ("3 questions", "2 more").
  soon((locale) => formatNumber(0, locale, 2));
  if (days) soon((locale) => formatDay("2000-01-01", locale));
}

export { formatDecimal, formatNumber, formatPercent } from "../../common/format.ts";

export { i18next };
