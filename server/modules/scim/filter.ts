import { invalidFilter } from "./scim-errors.ts";

/**
 * The filters directories send (RFC 7644 §3.4.2.2): Entra ID and Google ask `userName eq "…"`,
 * `externalId eq "…"` and `displayName eq "…"` to match before they create. Only `eq` on one attribute is
 * supported; anything else is an `invalidFilter` error rather than a guess that could match the wrong person.
 */
export interface EqFilter {
  /** The attribute as the filter named it, lower-cased (attribute names are case-insensitive). */
  attribute: string;
  value: string;
}

const EQ = /^\s*([A-Za-z][A-Za-z0-9.:_-]*)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$/i;

/** Parses `attr eq "value"`; null for no filter; throws `invalidFilter` for anything else. */
export function parseFilter(filter: string | undefined, allowed: readonly string[]): EqFilter | null {
  if (filter === undefined || filter.trim() === "") return null;
  const match = EQ.exec(filter);
  if (!match) throw invalidFilter('only filters of the form attribute eq "value" are supported');
  const attribute = match[1]!.toLowerCase();
  if (!allowed.includes(attribute))
    throw invalidFilter(`filtering on ${match[1]} is not supported (use ${allowed.join(", ")})`);
  let value: unknown;
  try {
    value = JSON.parse(match[2]!);
  } catch {
    throw invalidFilter("the filter's value is not a valid string");
  }
  return { attribute, value: String(value) };
}
