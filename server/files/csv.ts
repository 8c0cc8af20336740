import { stringify } from "csv-stringify/sync";
import type { Locale } from "../../common/locales.ts";

/**
 * The one CSV writer for every export. Files are opened by people in Excel or LibreOffice, so:
 *
 * - A byte-order mark, semicolons and CRLF, in every language: what Excel in the Low Countries (our
 *   users' region, whatever language they read) opens without a wizard, and what our importers detect.
 * - Numbers are written as the file's language writes them: `3,7` in Dutch (Dutch Excel reads `3.7`
 *   as a date), `3.7` in English. No thousands separators, which spreadsheets read inconsistently.
 * - Text that a spreadsheet would run as a formula (a cell starting with `=`, `+`, `-`, `@`, a tab or
 *   a carriage return) gets a leading single quote, as OWASP's "CSV Injection" page recommends. A cell
 *   holding a separator, quote or line break is quoted, so no text can start a cell of its own.
 *   Numbers are never touched, so `-2` stays a number.
 */
export type CsvCell = string | number | null | undefined;

/** Starts a cell that a spreadsheet treats as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that already starts with quotes before a formula character gets one more, so import can undo it. */
const QUOTED_FORMULA_START = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) || QUOTED_FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes {@link neutraliseFormula} when a file we wrote comes back in (the question bank's import). */
export function restoreFormula(text: string): string {
  return QUOTED_FORMULA_START.test(text) ? text.slice(1) : text;
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { useGrouping: false, maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat("en-GB", { useGrouping: false, maximumFractionDigits: 10 }),
  fr: new Intl.NumberFormat("fr-BE", { useGrouping: false, maximumFractionDigits: 10 }),
};

/** A number as the file's language writes it; a missing figure (NaN, ±∞) is an empty cell. */
export function formatCsvNumber(value: number, locale: Locale): string {
  // Intl would write "−" (U+2212) in some locales; spreadsheets only read the ASCII minus.
  return Number.isFinite(value) ? numberFormats[locale].format(value).replace("\u2212", "-") : "";
}

/** Rows (the first usually a header) as a CSV file for the given language. */
export function toCsv(rows: readonly (readonly CsvCell[])[], locale: Locale): string {
  return `\uFEFF${stringify(
    rows.map((row) => [...row]),
    {
      delimiter: ";",
      record_delimiter: "\r\n",
      // csv-stringify quotes a cell holding the whole record delimiter; a lone CR or LF breaks rows too.
      quoted_match: /[\r\n]/,
      cast: {
        string: (value) => neutraliseFormula(value),
        number: (value) => formatCsvNumber(value, locale),
      },
    },
  )}`;
}
