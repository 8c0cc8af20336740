import {
  type Json,
  type JsonObject,
  isDuration,
  isIri,
  isIrl,
  isLanguageTag,
  isMbox,
  isObject,
  isSha1,
  isSha2,
  isTimestamp,
  isUuid,
} from "./formats.ts";
import { invalid } from "./xapi-errors.ts";

/**
 * The statement rules of xAPI 1.0.3 and 2.0 (IEEE 9274.1.1) an LRS must enforce: every property's type
 * and format, no unknown properties, no nulls outside extensions. A broken statement is refused whole
 * with 400 and the path of the first problem. Hand-written rather than a schema library because most
 * rules relate properties to each other (one identifier per agent, interaction components per type).
 */

export type XapiVersion = "1.0" | "2.0";

function only(value: JsonObject, allowed: readonly string[], at: string): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) throw invalid(`${at}.${key} is not allowed`);
  for (const [key, child] of Object.entries(value))
    if (child === null) throw invalid(`${at}.${key} must not be null`);
}

function object(value: Json | undefined, at: string): JsonObject {
  if (!isObject(value)) throw invalid(`${at} must be an object`);
  return value;
}

function text(value: Json | undefined, at: string): void {
  if (typeof value !== "string") throw invalid(`${at} must be a string`);
}

function iri(value: Json | undefined, at: string): void {
  if (!isIri(value)) throw invalid(`${at} must be an IRI`);
}

function bool(value: Json | undefined, at: string): void {
  if (typeof value !== "boolean") throw invalid(`${at} must be true or false`);
}

export function languageMap(value: Json | undefined, at: string): void {
  const map = object(value, at);
  for (const [tag, entry] of Object.entries(map)) {
    if (!isLanguageTag(tag)) throw invalid(`${at} has an invalid language tag`);
    text(entry, `${at}.${tag}`);
  }
}

function extensions(value: Json | undefined, at: string): void {
  for (const key of Object.keys(object(value, at))) iri(key, `${at} key`);
}

const IFIS = ["mbox", "mbox_sha1sum", "openid", "account"] as const;

function ifis(agent: JsonObject, at: string): number {
  const present = IFIS.filter((key) => agent[key] !== undefined);
  if (agent.mbox !== undefined && !isMbox(agent.mbox)) throw invalid(`${at}.mbox must be a mailto IRI`);
  if (agent.mbox_sha1sum !== undefined && !isSha1(agent.mbox_sha1sum))
    throw invalid(`${at}.mbox_sha1sum must be a SHA-1 hex`);
  if (agent.openid !== undefined) iri(agent.openid, `${at}.openid`);
  if (agent.account !== undefined) {
    const account = object(agent.account, `${at}.account`);
    only(account, ["homePage", "name"], `${at}.account`);
    if (!isIrl(account.homePage)) throw invalid(`${at}.account.homePage must be an IRL`);
    text(account.name, `${at}.account.name`);
  }
  if (present.length > 1) throw invalid(`${at} must have exactly one identifier`);
  return present.length;
}

export function agent(value: Json | undefined, at: string): void {
  const a = object(value, at);
  only(a, ["objectType", "name", ...IFIS], at);
  if (a.objectType !== undefined && a.objectType !== "Agent") throw invalid(`${at}.objectType must be Agent`);
  if (a.name !== undefined) text(a.name, `${at}.name`);
  if (ifis(a, at) !== 1) throw invalid(`${at} must have exactly one identifier`);
}

export function group(value: Json | undefined, at: string): void {
  const g = object(value, at);
  only(g, ["objectType", "name", "member", ...IFIS], at);
  if (g.objectType !== "Group") throw invalid(`${at}.objectType must be Group`);
  if (g.name !== undefined) text(g.name, `${at}.name`);
  const identified = ifis(g, at) === 1;
  if (!identified && g.member === undefined) throw invalid(`${at} is an anonymous group without members`);
  if (g.member !== undefined) {
    if (!Array.isArray(g.member)) throw invalid(`${at}.member must be an array`);
    if (!identified && g.member.length === 0) throw invalid(`${at} is an anonymous group without members`);
    g.member.forEach((m, i) => agent(m, `${at}.member[${i}]`));
  }
}

export function actor(value: Json | undefined, at: string): void {
  if (isObject(value) && value.objectType === "Group") group(value, at);
  else agent(value, at);
}

function verb(value: Json | undefined, at: string): void {
  const v = object(value, at);
  only(v, ["id", "display"], at);
  iri(v.id, `${at}.id`);
  if (v.display !== undefined) languageMap(v.display, `${at}.display`);
}

const INTERACTION_TYPES = [
  "true-false",
  "choice",
  "fill-in",
  "long-fill-in",
  "matching",
  "performance",
  "sequencing",
  "likert",
  "numeric",
  "other",
];
const COMPONENTS_OF: Record<string, string[]> = {
  choice: ["choices"],
  sequencing: ["choices"],
  likert: ["scale"],
  matching: ["source", "target"],
  performance: ["steps"],
};
const COMPONENT_LISTS = ["choices", "scale", "source", "target", "steps"];

function interactionComponents(list: Json | undefined, at: string): void {
  if (!Array.isArray(list)) throw invalid(`${at} must be an array`);
  const ids = new Set<string>();
  list.forEach((entry, i) => {
    const c = object(entry, `${at}[${i}]`);
    only(c, ["id", "description"], `${at}[${i}]`);
    text(c.id, `${at}[${i}].id`);
    if (ids.has(c.id as string)) throw invalid(`${at} has a repeated id`);
    ids.add(c.id as string);
    if (c.description !== undefined) languageMap(c.description, `${at}[${i}].description`);
  });
}

function definition(value: Json | undefined, at: string): void {
  const d = object(value, at);
  only(
    d,
    [
      "name",
      "description",
      "type",
      "moreInfo",
      "extensions",
      "interactionType",
      "correctResponsesPattern",
      ...COMPONENT_LISTS,
    ],
    at,
  );
  if (d.name !== undefined) languageMap(d.name, `${at}.name`);
  if (d.description !== undefined) languageMap(d.description, `${at}.description`);
  if (d.type !== undefined) iri(d.type, `${at}.type`);
  if (d.moreInfo !== undefined && !isIrl(d.moreInfo)) throw invalid(`${at}.moreInfo must be an IRL`);
  if (d.extensions !== undefined) extensions(d.extensions, `${at}.extensions`);
  if (d.interactionType !== undefined && !INTERACTION_TYPES.includes(d.interactionType as string))
    throw invalid(`${at}.interactionType is not one of the interaction types`);
  if (d.correctResponsesPattern !== undefined) {
    if (!Array.isArray(d.correctResponsesPattern))
      throw invalid(`${at}.correctResponsesPattern must be an array`);
    d.correctResponsesPattern.forEach((p, i) => text(p, `${at}.correctResponsesPattern[${i}]`));
  }
  if (d.interactionType === undefined && d.correctResponsesPattern !== undefined)
    throw invalid(`${at}.correctResponsesPattern needs an interactionType`);
  const allowed = COMPONENTS_OF[d.interactionType as string] ?? [];
  for (const list of COMPONENT_LISTS) {
    if (d[list] === undefined) continue;
    if (d.interactionType === undefined || !allowed.includes(list))
      throw invalid(`${at}.${list} does not belong to this interaction type`);
    interactionComponents(d[list], `${at}.${list}`);
  }
}

export function activity(value: Json | undefined, at: string): void {
  const a = object(value, at);
  only(a, ["objectType", "id", "definition"], at);
  if (a.objectType !== undefined && a.objectType !== "Activity")
    throw invalid(`${at}.objectType must be Activity`);
  iri(a.id, `${at}.id`);
  if (a.definition !== undefined) definition(a.definition, `${at}.definition`);
}

function statementRef(value: Json | undefined, at: string): void {
  const r = object(value, at);
  only(r, ["objectType", "id"], at);
  if (r.objectType !== "StatementRef") throw invalid(`${at}.objectType must be StatementRef`);
  if (!isUuid(r.id)) throw invalid(`${at}.id must be a UUID`);
}

function statementObject(value: Json | undefined, at: string, version: XapiVersion, nested: boolean): void {
  const o = object(value, at);
  switch (o.objectType) {
    case undefined:
    case "Activity":
      return activity(o, at);
    case "Agent":
      return agent(o, at);
    case "Group":
      return group(o, at);
    case "StatementRef":
      return statementRef(o, at);
    case "SubStatement":
      if (nested) throw invalid(`${at}: a SubStatement cannot hold another SubStatement`);
      return statementBody(o, at, version, true);
    default:
      throw invalid(`${at}.objectType is not a known object type`);
  }
}

function score(value: Json | undefined, at: string): void {
  const s = object(value, at);
  only(s, ["scaled", "raw", "min", "max"], at);
  for (const key of ["scaled", "raw", "min", "max"])
    if (s[key] !== undefined && (typeof s[key] !== "number" || !Number.isFinite(s[key])))
      throw invalid(`${at}.${key} must be a number`);
  const { scaled, raw, min, max } = s as Record<string, number | undefined>;
  if (scaled !== undefined && (scaled < -1 || scaled > 1))
    throw invalid(`${at}.scaled must be between -1 and 1`);
  if (min !== undefined && max !== undefined && min >= max) throw invalid(`${at}.min must be below max`);
  if (raw !== undefined && min !== undefined && raw < min) throw invalid(`${at}.raw is below min`);
  if (raw !== undefined && max !== undefined && raw > max) throw invalid(`${at}.raw is above max`);
}

function result(value: Json | undefined, at: string): void {
  const r = object(value, at);
  only(r, ["score", "success", "completion", "response", "duration", "extensions"], at);
  if (r.score !== undefined) score(r.score, `${at}.score`);
  if (r.success !== undefined) bool(r.success, `${at}.success`);
  if (r.completion !== undefined) bool(r.completion, `${at}.completion`);
  if (r.response !== undefined) text(r.response, `${at}.response`);
  if (r.duration !== undefined && !isDuration(r.duration)) throw invalid(`${at}.duration must be ISO 8601`);
  if (r.extensions !== undefined) extensions(r.extensions, `${at}.extensions`);
}

function activityList(value: Json | undefined, at: string): void {
  if (Array.isArray(value)) value.forEach((a, i) => activity(a, `${at}[${i}]`));
  else activity(value, at);
}

function contextActor(value: Json | undefined, at: string, kind: "Agent" | "Group"): void {
  const c = object(value, at);
  const key = kind === "Agent" ? "agent" : "group";
  only(c, ["objectType", key, "relevantTypes"], at);
  if (c.objectType !== `context${kind}`) throw invalid(`${at}.objectType must be context${kind}`);
  if (kind === "Agent") agent(c.agent, `${at}.agent`);
  else group(c.group, `${at}.group`);
  if (c.relevantTypes !== undefined) {
    if (!Array.isArray(c.relevantTypes) || c.relevantTypes.length === 0)
      throw invalid(`${at}.relevantTypes must be a non-empty array`);
    c.relevantTypes.forEach((t, i) => iri(t, `${at}.relevantTypes[${i}]`));
  }
}

function context(value: Json | undefined, at: string, version: XapiVersion, objectIsActivity: boolean): void {
  const c = object(value, at);
  const keys = ["registration", "instructor", "team", "contextActivities", "revision", "platform"];
  keys.push("language", "statement", "extensions");
  if (version === "2.0") keys.push("contextAgents", "contextGroups");
  only(c, keys, at);
  if (c.registration !== undefined && !isUuid(c.registration))
    throw invalid(`${at}.registration must be a UUID`);
  if (c.instructor !== undefined) actor(c.instructor, `${at}.instructor`);
  if (c.team !== undefined) group(c.team, `${at}.team`);
  if (c.contextActivities !== undefined) {
    const ca = object(c.contextActivities, `${at}.contextActivities`);
    only(ca, ["parent", "grouping", "category", "other"], `${at}.contextActivities`);
    for (const [key, list] of Object.entries(ca)) activityList(list, `${at}.contextActivities.${key}`);
  }
  if (c.revision !== undefined) text(c.revision, `${at}.revision`);
  if (c.platform !== undefined) text(c.platform, `${at}.platform`);
  if (!objectIsActivity && (c.revision !== undefined || c.platform !== undefined))
    throw invalid(`${at}: revision and platform are only for an activity`);
  if (c.language !== undefined && !isLanguageTag(c.language)) throw invalid(`${at}.language must be BCP 47`);
  if (c.statement !== undefined) statementRef(c.statement, `${at}.statement`);
  if (c.extensions !== undefined) extensions(c.extensions, `${at}.extensions`);
  for (const [key, kind] of [
    ["contextAgents", "Agent"],
    ["contextGroups", "Group"],
  ] as const) {
    if (c[key] === undefined) continue;
    const list = c[key];
    if (!Array.isArray(list)) throw invalid(`${at}.${key} must be an array`);
    list.forEach((entry, i) => contextActor(entry, `${at}.${key}[${i}]`, kind));
  }
}

export function attachmentList(value: Json | undefined, at: string): void {
  if (!Array.isArray(value)) throw invalid(`${at} must be an array`);
  value.forEach((entry, i) => {
    const where = `${at}[${i}]`;
    const a = object(entry, where);
    only(a, ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"], where);
    iri(a.usageType, `${where}.usageType`);
    languageMap(a.display, `${where}.display`);
    if (a.description !== undefined) languageMap(a.description, `${where}.description`);
    text(a.contentType, `${where}.contentType`);
    if (!Number.isInteger(a.length) || (a.length as number) < 0)
      throw invalid(`${where}.length must be an integer`);
    if (!isSha2(a.sha2)) throw invalid(`${where}.sha2 must be a SHA-2 hex`);
    if (a.fileUrl !== undefined && !isIrl(a.fileUrl)) throw invalid(`${where}.fileUrl must be an IRL`);
  });
}

function statementBody(s: JsonObject, at: string, version: XapiVersion, sub: boolean): void {
  const common = ["actor", "verb", "object", "result", "context", "timestamp", "attachments"];
  only(s, sub ? ["objectType", ...common] : ["id", "stored", "authority", "version", ...common], at);
  actor(s.actor, `${at}.actor`);
  verb(s.verb, `${at}.verb`);
  statementObject(s.object, `${at}.object`, version, sub);
  if (s.result !== undefined) result(s.result, `${at}.result`);
  const objectIsActivity = isObject(s.object) && (s.object.objectType ?? "Activity") === "Activity";
  if (s.context !== undefined) context(s.context, `${at}.context`, version, objectIsActivity);
  if (s.timestamp !== undefined && !isTimestamp(s.timestamp))
    throw invalid(`${at}.timestamp must be ISO 8601`);
  if (s.attachments !== undefined) attachmentList(s.attachments, `${at}.attachments`);
}

const VOIDED = "http://adlnet.gov/expapi/verbs/voided";

/** Checks one statement as sent (before the LRS adds id, stored, authority and version). */
export function validateStatement(value: Json, version: XapiVersion): JsonObject {
  const s = object(value, "statement");
  statementBody(s, "statement", version, false);
  if (s.id !== undefined && !isUuid(s.id)) throw invalid("statement.id must be a UUID");
  if (s.stored !== undefined && !isTimestamp(s.stored)) throw invalid("statement.stored must be ISO 8601");
  if (s.authority !== undefined) authority(s.authority);
  if (
    s.version !== undefined &&
    (typeof s.version !== "string" || !/^(1\.0(\.\d+)?|2\.0(\.\d+)?)$/.test(s.version))
  )
    throw invalid("statement.version must be 1.0.x or 2.0.x");
  const verbId = (s.verb as JsonObject).id;
  if (verbId === VOIDED && (s.object as JsonObject).objectType !== "StatementRef")
    throw invalid("a voiding statement must point at a statement with a StatementRef");
  return s;
}

function authority(value: Json): void {
  if (isObject(value) && value.objectType === "Group") {
    group(value, "statement.authority");
    // Only the OAuth form: an anonymous group of the consumer and the user.
    if (IFIS.some((key) => value[key] !== undefined))
      throw invalid("statement.authority cannot be an identified group");
    if (!Array.isArray(value.member) || value.member.length !== 2)
      throw invalid("statement.authority as a group must have two members");
  } else agent(value, "statement.authority");
}
