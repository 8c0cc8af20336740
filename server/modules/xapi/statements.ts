import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { xapiStatements } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/** Verbs from the ADL vocabulary (http://adlnet.gov/expapi/verbs/), the ones a learner's actions map to. */
export const verbs = {
  answered: "answered",
  completed: "completed",
  experienced: "experienced",
  registered: "registered",
  waived: "waived",
  attempted: "attempted",
  scored: "scored",
  preferred: "preferred",
  suspended: "suspended",
  resumed: "resumed",
} as const;
export type Verb = keyof typeof verbs;

const ADL_VERBS = "http://adlnet.gov/expapi/verbs/";
const ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/";

export interface StatementInput {
  personId: string;
  verb: Verb;
  object: {
    path: string;
    name: string;
    type: "cmi.interaction" | "lesson" | "assessment" | "module" | "profile";
  };
  result?: { success?: boolean; response?: string; score?: { scaled: number }; duration?: string };
  /** The cohort: xAPI's registration groups one learner's statements of one enrolment. */
  registration?: string;
  timestamp: Date;
  stored: Date;
}

/**
 * An xAPI 1.0.3 statement. The actor is an account on this installation identified by the person id:
 * no email address or name, so an export or a leak of the store does not identify anyone on its own.
 */
export function buildStatement(site: string, input: StatementInput) {
  return {
    id: randomUUID(),
    actor: { objectType: "Agent", account: { homePage: site, name: input.personId } },
    verb: { id: `${ADL_VERBS}${verbs[input.verb]}`, display: { "en-US": verbs[input.verb] } },
    object: {
      objectType: "Activity",
      id: `${site}/xapi/${input.object.path}`,
      definition: { name: { und: input.object.name }, type: `${ADL_ACTIVITIES}${input.object.type}` },
    },
    ...(input.result ? { result: input.result } : {}),
    context: { platform: "Beklijf", ...(input.registration ? { registration: input.registration } : {}) },
    timestamp: input.timestamp.toISOString(),
    stored: input.stored.toISOString(),
    // Beklijf itself is the authority of its own statements (the LRS stamps a client's key on theirs).
    authority: { objectType: "Agent", account: { homePage: site, name: "beklijf" } },
    version: "1.0.3",
  };
}

/**
 * Stores a statement in the learning record store (the same table the LRS at `/xapi/` serves, so the
 * organisation's clients read Beklijf's own statements too); call inside the action's transaction.
 */
export async function recordStatement(tenant: Tenant, site: string, input: StatementInput): Promise<void> {
  const statement = buildStatement(site, input);
  await tenant.db.insert(xapiStatements).values(
    tenant.row({
      id: statement.id,
      personId: input.personId,
      verb: statement.verb.id,
      objectId: statement.object.id,
      registration: input.registration ?? null,
      relatedActivities: [statement.object.id],
      relatedAgents: [`account:${site} ${input.personId}`, `account:${site} beklijf`],
      statement,
      timestamp: input.timestamp,
      stored: input.stored,
    }),
  );
}

/** Duration as ISO 8601 (PT12.5S), as xAPI wants it. */
export const isoDuration = (ms: number) => `PT${Math.round(ms / 100) / 10}S`;

/** A person's own statements, newest first, as stored in Beklijf's record store. */
export async function statementsOf(tenant: Tenant, personId: string, limit: number) {
  const rows = await tenant
    .select(xapiStatements, { statement: xapiStatements.statement }, eq(xapiStatements.personId, personId))
    .orderBy(desc(xapiStatements.stored))
    .limit(limit);
  return rows.map((r) => r.statement);
}
