import { type Json, type JsonObject, isObject } from "./formats.ts";

/**
 * The `format` parameter of statement queries: `exact` as stored, `ids` with agents, verbs and
 * activities reduced to their identifiers, `canonical` with each language map reduced to the one
 * language the reader asked for (Accept-Language), else the first.
 */

const IFI_KEYS = ["mbox", "mbox_sha1sum", "openid", "account"];

function idsOfActor(value: Json | undefined): Json | undefined {
  if (!isObject(value)) return value;
  const out: JsonObject = { objectType: value.objectType ?? "Agent" };
  for (const key of IFI_KEYS) if (value[key] !== undefined) out[key] = value[key];
  if (value.objectType === "Group" && Array.isArray(value.member))
    out.member = value.member.map((m) => idsOfActor(m) ?? null);
  return out;
}

function idsOfActivity(value: Json | undefined): Json | undefined {
  return isObject(value) ? { id: value.id ?? null } : value;
}

function idsOfObject(value: Json | undefined): Json | undefined {
  if (!isObject(value)) return value;
  if (value.objectType === "Agent" || value.objectType === "Group") return idsOfActor(value);
  if (value.objectType === "SubStatement") return idsOfStatement(value);
  if (value.objectType === "StatementRef") return value;
  return idsOfActivity(value);
}

function idsOfContext(value: Json | undefined): Json | undefined {
  if (!isObject(value)) return value;
  const out: JsonObject = { ...value };
  if (value.instructor) out.instructor = idsOfActor(value.instructor) ?? null;
  if (value.team) out.team = idsOfActor(value.team) ?? null;
  if (isObject(value.contextActivities))
    out.contextActivities = Object.fromEntries(
      Object.entries(value.contextActivities).map(([k, list]) => [
        k,
        Array.isArray(list) ? list.map((a) => idsOfActivity(a) ?? null) : (idsOfActivity(list) ?? null),
      ]),
    );
  return out;
}

function idsOfStatement(s: JsonObject): JsonObject {
  const out: JsonObject = { ...s };
  out.actor = idsOfActor(s.actor) ?? null;
  out.verb = isObject(s.verb) ? { id: s.verb.id ?? null } : (s.verb ?? null);
  out.object = idsOfObject(s.object) ?? null;
  if (s.context !== undefined) out.context = idsOfContext(s.context) ?? null;
  if (s.authority !== undefined) out.authority = idsOfActor(s.authority) ?? null;
  return out;
}

const LANGUAGE_MAPS = new Set(["display", "name", "description"]);

function pickLanguage(map: JsonObject, preferred: string[]): JsonObject {
  const keys = Object.keys(map);
  const match =
    preferred.map((p) => keys.find((k) => k.toLowerCase() === p)).find(Boolean) ??
    preferred.map((p) => keys.find((k) => k.toLowerCase().split("-")[0] === p.split("-")[0])).find(Boolean) ??
    keys[0];
  return match === undefined ? {} : { [match]: map[match] ?? null };
}

function canonical(value: Json, preferred: string[], key = ""): Json {
  if (Array.isArray(value)) return value.map((v) => canonical(v, preferred));
  if (!isObject(value)) return value;
  if (LANGUAGE_MAPS.has(key) && Object.values(value).every((v) => typeof v === "string"))
    return pickLanguage(value, preferred);
  if (key === "extensions") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v, preferred, k)]));
}

/** The languages of an Accept-Language header, most wanted first, lower case. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

export function formatStatement(
  s: JsonObject,
  format: "exact" | "ids" | "canonical",
  languages: string[],
): JsonObject {
  if (format === "ids") return idsOfStatement(s);
  if (format === "canonical") return canonical(s, languages) as JsonObject;
  return s;
}
