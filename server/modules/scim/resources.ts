import { emailSchema } from "../../../common/schemas/common.ts";
import { invalidSyntax, invalidValue } from "./scim-errors.ts";

/**
 * Reading the User and Group resources a directory sends (RFC 7643) into plain states, without a
 * database: POST and PUT give a whole resource, PATCH (patch.ts) changes a state step by step. Entra ID
 * sends booleans as the strings "True"/"False" and may leave the schema's case to chance, so the reading
 * is lenient in form and strict in meaning (a missing user name or a non-text name is refused).
 */

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

export interface UserState {
  userName: string;
  externalId: string | null;
  active: boolean;
  /** The address Beklijf mails; from `emails` (primary, else work, else first) or an address-like userName. */
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  /** The name to show; null when it is made from the parts (so a new given name changes it). */
  displayName: string | null;
  /** `name.formatted`, used only when neither a display name nor name parts are given. */
  formatted?: string | null;
}

export interface GroupState {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Attribute names are case-insensitive (RFC 7643 §2.1): look a key up regardless of case. */
export function attribute(object: Json, name: string): unknown {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(object)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

const LIMITS = { userName: 254, externalId: 200, name: 120, email: 254 } as const;

/** A text attribute: absent or null gives null; anything but text is refused. */
export function text(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw invalidValue(`${field} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw invalidValue(`${field} is longer than ${max} characters`);
  return trimmed === "" ? null : trimmed;
}

/** A boolean, also as Entra ID's "True"/"False" strings. */
export function bool(value: unknown, field: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === "true";
  throw invalidValue(`${field} must be true or false`);
}

export function requireSchema(body: Json, schema: string): void {
  const schemas = attribute(body, "schemas");
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === "string" && s === schema))
    throw invalidSyntax(`schemas must include ${schema}`);
}

/** The address from a multi-valued `emails`: the primary one, else the work one, else the first. */
export function emailFrom(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const items = Array.isArray(value) ? value : [value];
  const entries = items.map((item) => {
    if (!isObject(item)) throw invalidValue("emails must be a list of objects with a value");
    return {
      value: text(attribute(item, "value"), "emails.value", LIMITS.email),
      type: attribute(item, "type"),
      primary: attribute(item, "primary"),
    };
  });
  const usable = entries.filter((e) => e.value !== null);
  const primary = usable.find((e) => e.primary === true || String(e.primary).toLowerCase() === "true");
  const work = usable.find((e) => typeof e.type === "string" && e.type.toLowerCase() === "work");
  return (primary ?? work ?? usable[0])?.value ?? null;
}

export const userNameOf = (value: unknown) => {
  const userName = text(value, "userName", LIMITS.userName);
  if (!userName) throw invalidValue("userName is required");
  return userName;
};
export const externalIdOf = (value: unknown) => text(value, "externalId", LIMITS.externalId);
export const nameOf = (value: unknown, field: string) => text(value, field, LIMITS.name);

/** A whole User from POST or PUT. */
export function parseUser(body: unknown): UserState {
  if (!isObject(body)) throw invalidSyntax("the body must be a JSON object");
  requireSchema(body, USER_SCHEMA);
  const name = attribute(body, "name");
  if (name !== undefined && name !== null && !isObject(name)) throw invalidValue("name must be an object");
  const active = attribute(body, "active");
  return {
    userName: userNameOf(attribute(body, "userName")),
    externalId: externalIdOf(attribute(body, "externalId")),
    active: active === undefined || active === null ? true : bool(active, "active"),
    email: emailFrom(attribute(body, "emails")),
    givenName: isObject(name) ? nameOf(attribute(name, "givenName"), "name.givenName") : null,
    familyName: isObject(name) ? nameOf(attribute(name, "familyName"), "name.familyName") : null,
    displayName: nameOf(attribute(body, "displayName"), "displayName"),
    formatted: isObject(name) ? nameOf(attribute(name, "formatted"), "name.formatted") : null,
  };
}

/** Member ids from `members` (a list of `{value}`, or one). */
export function memberIdsFrom(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    const id = isObject(item) ? attribute(item, "value") : undefined;
    if (typeof id !== "string" || id.trim() === "")
      throw invalidValue("each member needs a value (a user id)");
    return id.trim();
  });
}

export const displayNameOf = (value: unknown) => {
  const displayName = nameOf(value, "displayName");
  if (!displayName) throw invalidValue("displayName is required");
  return displayName;
};

/** A whole Group from POST or PUT. */
export function parseGroup(body: unknown): GroupState {
  if (!isObject(body)) throw invalidSyntax("the body must be a JSON object");
  requireSchema(body, GROUP_SCHEMA);
  return {
    displayName: displayNameOf(attribute(body, "displayName")),
    externalId: externalIdOf(attribute(body, "externalId")),
    memberIds: [...new Set(memberIdsFrom(attribute(body, "members")))],
  };
}

/** Given and family name as one, or "" when there are none. */
export const joinedName = (givenName: string | null, familyName: string | null) =>
  [givenName, familyName].filter(Boolean).join(" ");

/** The person's one name: the display name, else given and family name, else the formatted name, else the user name. */
export function personName(state: UserState): string {
  const joined = joinedName(state.givenName, state.familyName);
  return (state.displayName ?? (joined || state.formatted || state.userName)).slice(0, LIMITS.name);
}

/** The address to keep for the person: the email sent, else a user name that is an address. */
export function personEmail(state: UserState): string {
  const parsed = emailSchema.safeParse(state.email ?? state.userName);
  if (!parsed.success)
    throw invalidValue("an email address is required (in emails, or a userName that is one)");
  return parsed.data;
}
