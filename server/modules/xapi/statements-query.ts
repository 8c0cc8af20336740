import { type SQL, arrayContains, asc, desc, eq, gt, isNotNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { xapiStatements } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { agentKey } from "./agents.ts";
import { type Json, type JsonObject, isIri, isTimestamp, isUuid, parseTimestamp } from "./formats.ts";
import { actor } from "./statement-validation.ts";
import { invalid } from "./xapi-errors.ts";

/** The largest page the LRS returns; `limit=0` means this. Further statements come through `more`. */
export const PAGE_SIZE = 250;

export interface StatementFilter {
  agent?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  relatedActivities: boolean;
  relatedAgents: boolean;
  since?: Date;
  until?: Date;
  limit: number;
  ascending: boolean;
}

export interface StatementQuery {
  filter: StatementFilter;
  format: "exact" | "ids" | "canonical";
  attachments: boolean;
  /** Where the previous page stopped (from `more`). */
  after?: { stored: string; seq: number };
}

const PARAMETERS = new Set([
  "agent",
  "verb",
  "activity",
  "registration",
  "related_activities",
  "related_agents",
  "since",
  "until",
  "limit",
  "format",
  "attachments",
  "ascending",
]);

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined) return false;
  if (value !== "true" && value !== "false") throw invalid(`${name} must be true or false`);
  return value === "true";
}

function parseAgent(value: string): string {
  let parsed: Json;
  try {
    parsed = JSON.parse(value) as Json;
  } catch {
    throw invalid("agent must be JSON");
  }
  actor(parsed, "agent");
  const key = agentKey(parsed);
  if (!key) throw invalid("agent must have an identifier");
  return key;
}

function timeParameter(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  if (!isTimestamp(value)) throw invalid(`${name} must be an ISO 8601 timestamp`);
  return parseTimestamp(value);
}

/** Reads the query string of `GET /statements` (a statement id query is handled before this). */
export function parseStatementQuery(query: Record<string, string>): StatementQuery {
  for (const name of Object.keys(query))
    if (!PARAMETERS.has(name)) throw invalid(`unknown parameter ${name}`);
  const { verb, activity, registration, limit = "0", format = "exact" } = query;
  if (verb !== undefined && !isIri(verb)) throw invalid("verb must be an IRI");
  if (activity !== undefined && !isIri(activity)) throw invalid("activity must be an IRI");
  if (registration !== undefined && !isUuid(registration)) throw invalid("registration must be a UUID");
  if (!/^\d+$/.test(limit)) throw invalid("limit must be a whole number");
  if (format !== "exact" && format !== "ids" && format !== "canonical") throw invalid("format is unknown");
  const asked = Number(limit);
  return {
    filter: {
      agent: query.agent === undefined ? undefined : parseAgent(query.agent),
      verb,
      activity,
      registration: registration?.toLowerCase(),
      relatedActivities: flag(query.related_activities, "related_activities"),
      relatedAgents: flag(query.related_agents, "related_agents"),
      since: timeParameter(query.since, "since"),
      until: timeParameter(query.until, "until"),
      limit: asked === 0 || asked > PAGE_SIZE ? PAGE_SIZE : asked,
      ascending: flag(query.ascending, "ascending"),
    },
    format,
    attachments: flag(query.attachments, "attachments"),
  };
}

type Columns = typeof xapiStatements;
/** The same table under another name: the statement a StatementRef points at. */
const targetTable = () => alias(xapiStatements, "target");
type Target = ReturnType<typeof targetTable>;

/** The filters that are about the statement itself, not time: a StatementRef to a match matches too. */
function ownConditions(t: Columns | Target, f: StatementFilter): SQL[] {
  const conditions: SQL[] = [];
  if (f.agent)
    conditions.push(
      f.relatedAgents
        ? arrayContains(t.relatedAgents, [f.agent])
        : (or(eq(t.actorKey, f.agent), eq(t.objectAgentKey, f.agent)) as SQL),
    );
  if (f.verb) conditions.push(eq(t.verb, f.verb));
  if (f.activity)
    conditions.push(
      f.relatedActivities ? arrayContains(t.relatedActivities, [f.activity]) : eq(t.objectId, f.activity),
    );
  if (f.registration) conditions.push(eq(t.registration, f.registration));
  return conditions;
}

function pageConditions(query: StatementQuery): SQL[] {
  const t = xapiStatements;
  const { since, until, ascending } = query.filter;
  const conditions: SQL[] = [eq(t.voided, false)];
  if (since) conditions.push(gt(t.stored, since));
  if (until) conditions.push(lte(t.stored, until));
  if (query.after) {
    const at = sql`(${new Date(query.after.stored)}::timestamptz, ${query.after.seq}::bigint)`;
    conditions.push(ascending ? sql`(${t.stored}, ${t.seq}) > ${at}` : sql`(${t.stored}, ${t.seq}) < ${at}`);
  }
  return conditions;
}

type Row = { statement: unknown; stored: Date; seq: number };

const before = (a: Row, b: Row) => (a.stored.getTime() - b.stored.getTime() || a.seq - b.seq) > 0;

/**
 * One page of statements that meet the query, newest stored first unless `ascending`, and where the
 * next page starts. Voided statements never appear; a statement pointing at a match (StatementRef)
 * does, as the spec asks for the filters that are not about time. The two are separate queries, each
 * on its own index (an OR of both made PostgreSQL walk the whole store), merged here.
 */
export async function findStatements(tenant: Tenant, query: StatementQuery) {
  const t = xapiStatements;
  const { limit, ascending } = query.filter;
  const own = ownConditions(t, query.filter);
  const order = ascending ? [asc(t.stored), asc(t.seq)] : [desc(t.stored), desc(t.seq)];
  const fields = { statement: t.statement, stored: t.stored, seq: t.seq };
  const direct = tenant
    .select(t, fields, ...own, ...pageConditions(query))
    .orderBy(...order)
    .limit(limit + 1);
  const target = targetTable();
  const referring =
    own.length === 0
      ? Promise.resolve([] as Row[])
      : tenant.db
          .select(fields)
          .from(t)
          .innerJoin(target, tenant.joinOn(target, t, eq(target.id, t.targetStatementId)))
          .where(
            tenant.where(
              t,
              isNotNull(t.targetStatementId),
              ...ownConditions(target, query.filter),
              ...pageConditions(query),
            ),
          )
          .orderBy(...order)
          .limit(limit + 1);
  const [a, b] = await Promise.all([direct, referring]);
  const seen = new Set<number>();
  const rows = [...a, ...b]
    .sort((x, y) => (before(x, y) === ascending ? 1 : -1))
    .filter((r) => !seen.has(r.seq) && seen.add(r.seq))
    .slice(0, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    statements: page.map((r) => r.statement as JsonObject),
    next: rows.length > page.length && last ? { stored: last.stored.toISOString(), seq: last.seq } : null,
  };
}
