import {
  type GroupState,
  type Json,
  type UserState,
  attribute,
  bool,
  displayNameOf,
  emailFrom,
  externalIdOf,
  isObject,
  memberIdsFrom,
  nameOf,
  userNameOf,
} from "./resources.ts";
import { invalidPath, invalidSyntax, invalidValue } from "./scim-errors.ts";

/**
 * SCIM PATCH (RFC 7644 §3.5.2) as pure steps over a state. Entra ID writes `"op": "Replace"` with a
 * capital, sends booleans as "True"/"False", and uses both a `path` and a pathless `value` object (whose
 * keys may themselves be paths, such as `"name.givenName"`). Attributes Beklijf does not keep (a job
 * title, a phone number, the enterprise extension) are accepted and ignored, so a directory's default
 * attribute mapping does not fail the whole sync; a malformed operation is refused and changes nothing.
 */

export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

type Op = "add" | "replace" | "remove";
export interface Operation {
  op: Op;
  path: string | null;
  value: unknown;
}

const MAX_OPERATIONS = 1000;

/** The `Operations` of a PatchOp body, checked for form. */
export function parseOperations(body: unknown): Operation[] {
  if (!isObject(body)) throw invalidSyntax("the body must be a JSON object");
  const schemas = attribute(body, "schemas");
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_SCHEMA))
    throw invalidSyntax(`schemas must include ${PATCH_SCHEMA}`);
  const operations = attribute(body, "Operations");
  if (!Array.isArray(operations) || operations.length === 0)
    throw invalidSyntax("Operations must be a non-empty list");
  if (operations.length > MAX_OPERATIONS) throw invalidValue(`at most ${MAX_OPERATIONS} operations`);
  return operations.map((operation) => {
    if (!isObject(operation)) throw invalidSyntax("each operation must be an object");
    const op = attribute(operation, "op");
    if (typeof op !== "string" || !["add", "replace", "remove"].includes(op.toLowerCase()))
      throw invalidSyntax("op must be add, replace or remove");
    const path = attribute(operation, "path");
    if (path !== undefined && path !== null && typeof path !== "string")
      throw invalidPath("path must be text");
    const value = attribute(operation, "value");
    if (op.toLowerCase() !== "remove" && !path && !isObject(value))
      throw invalidSyntax("an operation without a path needs an object value");
    return { op: op.toLowerCase() as Op, path: path?.trim() || null, value };
  });
}

/** A path without spaces around its parts and lower-cased, for comparing (attribute names ignore case). */
const normalise = (path: string) => path.replace(/\s+/g, " ").trim().toLowerCase();

const EMAIL_VALUE_PATH = /^emails\[(type eq "work"|primary eq true)\]\.value$/;

/** The single value of an operation (Entra sometimes wraps it in a one-item list). */
const single = (value: unknown) => (Array.isArray(value) && value.length === 1 ? value[0] : value);

function setUserAttribute(state: UserState, path: string, value: unknown, remove: boolean): UserState {
  const key = normalise(path);
  const v = remove ? null : single(value);
  if (key === "active") {
    if (remove) throw invalidValue("active cannot be removed");
    return { ...state, active: bool(v, "active") };
  }
  if (key === "username") return { ...state, userName: userNameOf(v) };
  if (key === "externalid") return { ...state, externalId: externalIdOf(v) };
  if (key === "displayname") return { ...state, displayName: nameOf(v, "displayName") };
  if (key === "name.givenname") return { ...state, givenName: nameOf(v, "name.givenName") };
  if (key === "name.familyname") return { ...state, familyName: nameOf(v, "name.familyName") };
  if (key === "name.formatted") return { ...state, formatted: nameOf(v, "name.formatted") };
  if (key === "name") return setName(state, v);
  if (key === "emails") return remove ? { ...state, email: null } : { ...state, email: emailFrom(value) };
  if (EMAIL_VALUE_PATH.test(key) || key === "emails.value")
    return { ...state, email: remove ? null : nameOrEmail(v) };
  return state;
}

function nameOrEmail(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw invalidValue("emails.value must be a string");
  return value.trim() || null;
}

function setName(state: UserState, value: unknown): UserState {
  if (value === null) return { ...state, givenName: null, familyName: null };
  if (!isObject(value)) throw invalidValue("name must be an object");
  let next = state;
  for (const [key, part] of Object.entries(value)) next = setUserAttribute(next, `name.${key}`, part, false);
  return next;
}

/** Applies a PATCH's operations to a user, in order. */
export function patchUser(state: UserState, operations: Operation[]): UserState {
  let next = state;
  for (const { op, path, value } of operations) {
    if (path) next = setUserAttribute(next, path, value, op === "remove");
    else if (op === "remove") throw invalidPath("remove needs a path");
    else for (const [key, v] of Object.entries(value as Json)) next = setUserAttribute(next, key, v, false);
  }
  return next;
}

const MEMBER_FILTER = /^members\[value eq "([^"]+)"\]$/;

function changeMembers(memberIds: string[], op: Op, value: unknown): string[] {
  const given = value === undefined || value === null ? [] : memberIdsFrom(value);
  if (op === "replace") return [...new Set(given)];
  if (op === "add") return [...new Set([...memberIds, ...given])];
  // Remove without a value removes every member (RFC 7644 §3.5.2.2).
  if (value === undefined || value === null) return [];
  return memberIds.filter((id) => !given.includes(id));
}

function setGroupAttribute(state: GroupState, op: Op, path: string, value: unknown): GroupState {
  const key = normalise(path);
  if (key === "members") return { ...state, memberIds: changeMembers(state.memberIds, op, value) };
  const one = MEMBER_FILTER.exec(key.replace(/"\s*\]/, '"]'));
  if (one) {
    if (op !== "remove") throw invalidPath("a filtered members path can only be removed");
    return { ...state, memberIds: state.memberIds.filter((id) => id.toLowerCase() !== one[1]) };
  }
  if (key === "displayname") {
    if (op === "remove") throw invalidValue("displayName cannot be removed");
    return { ...state, displayName: displayNameOf(single(value)) };
  }
  if (key === "externalid")
    return { ...state, externalId: op === "remove" ? null : externalIdOf(single(value)) };
  return state;
}

/** Applies a PATCH's operations to a group, in order. */
export function patchGroup(state: GroupState, operations: Operation[]): GroupState {
  let next = state;
  for (const { op, path, value } of operations) {
    if (path) next = setGroupAttribute(next, op, path, value);
    else if (op === "remove") throw invalidPath("remove needs a path");
    else for (const [key, v] of Object.entries(value as Json)) next = setGroupAttribute(next, op, key, v);
  }
  return next;
}
