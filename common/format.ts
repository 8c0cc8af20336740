/**
 * Numbers as the reader writes them: "46,2%", "0,40", "5.017" in Dutch; "46.2%", "0.40", "5,017" in
 * English. Used by the web app and by server text (explanations, emails, PDFs). Formatters are kept:
 * making one costs more than using it.
 */
import { intlLocale, localeOfTag, type Locale } from "./locales.ts";

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    formats.set(key, format);
  }
  return format;
}

/** A count or amount with grouping and at most `maximumFractionDigits` decimals: "5.017", "2,5". */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A number with exactly `digits` decimals, for statistics: "0,40", "-1,25". */
export function formatDecimal(value: number, locale: Locale, digits = 2): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * A share (0–1) as a percentage: formatPercent(0.462, "nl") is "46,2%". `digits` is the most decimals
 * shown (trailing zeros dropped), so 0.5 is "50%".
 */
export function formatPercent(share: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(share);
}

/** A size in bytes as megabytes, "8 MB". */
export function formatMegabytes(bytes: number, locale: Locale): string {
  return `${formatNumber(bytes / (1024 * 1024), locale, 1)} MB`;
}

/**
 * An i18next formatter module (with `interpolation.alwaysFormat`) that writes every number put into a
 * message in the message's language, so "N = {{n}}" reads "N = 5.017" in Dutch. Strings pass as they
 * are; a figure that needs fixed decimals is formatted by the caller (formatDecimal) and passed as text.
 */
export const numberFormatter = {
  type: "formatter" as const,
  init(): void {},
  add(): void {},
  addCached(): void {},
  format(value: unknown, _format: string | undefined, lng: string | undefined): unknown {
    if (typeof value !== "number" || !Number.isFinite(value)) return value;
    return formatNumber(value, localeOfTag(lng), 2);
  },
};
