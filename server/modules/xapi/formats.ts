/**
 * The data types of xAPI 1.0.3 / 2.0 as plain checks (the spec's "Special Data Types and Rules"):
 * IRIs, UUIDs, BCP 47 language tags, ISO 8601 timestamps and durations.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** An absolute IRI: a scheme, a colon, and no white space (RFC 3987 in the form content uses). */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
export const isIri = (value: unknown): value is string =>
  typeof value === "string" && IRI.test(value) && value.length <= 2048;

/** An IRL is an IRI one can fetch: http(s). */
export const isIrl = (value: unknown): value is string =>
  typeof value === "string" && /^https?:\/\/[^\s]+$/i.test(value);

export const isMbox = (value: unknown): value is string =>
  typeof value === "string" && /^mailto:[^@\s]+@[^@\s]+$/i.test(value);

export const isSha1 = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{40}$/i.test(value);

export const isSha2 = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{56,128}$/i.test(value);

// RFC 5646 language tag: language (with extlang), script, region, variants, extensions, private use.
const BCP47 =
  /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[\da-wy-z](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+|i-[a-z]{2,8})$/i;
export const isLanguageTag = (value: unknown): value is string =>
  typeof value === "string" && BCP47.test(value);

/** ISO 8601 date and time as xAPI uses it (RFC 3339 profile); a zone offset of -00:00 is not allowed. */
const TIMESTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)?$/;
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== "string" || !TIMESTAMP.test(value)) return false;
  if (/-00(:?00)?$/.test(value.slice(19))) return false;
  return !Number.isNaN(Date.parse(/(Z|[+-]\d\d(:?\d\d)?)$/.test(value.slice(19)) ? value : `${value}Z`));
}

const DURATION =
  /^P(?:(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?(?:T(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?|\d+(?:\.\d+)?W)$/;
export const isDuration = (value: unknown): value is string =>
  typeof value === "string" && DURATION.test(value) && value !== "P" && !value.endsWith("T");

/** A timestamp as a Date (a timestamp without a zone is read as UTC). */
export function parseTimestamp(value: string): Date {
  return new Date(/(Z|[+-]\d\d(:?\d\d)?)$/.test(value.slice(19)) ? value : `${value}Z`);
}

/** JSON with object keys in a fixed order, for comparing two statements. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
