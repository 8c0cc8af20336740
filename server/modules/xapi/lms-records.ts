import { and, eq, inArray } from "drizzle-orm";
import { xapiStatements } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { agentKey, personOfAgent, relatedOf } from "./agents.ts";
import { writeDocument } from "./documents.ts";
import type { JsonObject } from "./formats.ts";

/**
 * What the LMS side of cmi5 (packages module) writes into and reads from the record store: its own
 * statements (launched, satisfied, abandoned, waived), the LMS.LaunchData state document, and a
 * registration's statements for moveOn. Through the store's own code, so clients read them as sent.
 */

/** Beklijf is the authority of the LMS's statements, as of its other own statements (statements.ts). */
const lmsAuthority = (site: string) => ({
  objectType: "Agent",
  account: { homePage: site, name: "beklijf" },
});

/**
 * Stores an LMS statement once: its id is the caller's (deterministic where a statement must be one of
 * a kind, e.g. one `satisfied` per registration and activity). Returns false when it was stored before.
 */
export async function storeLmsStatement(
  tenant: Tenant,
  site: string,
  statement: { id: string } & Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const full: JsonObject & { id: string } = {
    ...(statement as JsonObject & { id: string }),
    timestamp: now.toISOString(),
    stored: now.toISOString(),
    authority: lmsAuthority(site),
    version: "1.0.3",
  };
  const related = relatedOf(full);
  const context = (full.context ?? {}) as JsonObject;
  const inserted = await tenant.db
    .insert(xapiStatements)
    .values(
      tenant.row({
        id: full.id,
        personId: personOfAgent(full.actor, site),
        verb: (full.verb as JsonObject).id as string,
        objectId: (full.object as JsonObject).id as string,
        registration: typeof context.registration === "string" ? context.registration : null,
        relatedActivities: related.activities,
        relatedAgents: related.agents,
        statement: full,
        timestamp: now,
        stored: now,
      }),
    )
    .onConflictDoNothing()
    .returning({ id: xapiStatements.id });
  return inserted.length > 0;
}

/** Writes (replaces) a JSON state document for an agent, activity and registration. */
export async function writeLmsState(
  tenant: Tenant,
  site: string,
  options: {
    activityId: string;
    agent: JsonObject;
    registration: string;
    stateId: string;
    content: unknown;
    now: Date;
  },
): Promise<void> {
  await writeDocument(
    tenant,
    {
      kind: "state",
      activityId: options.activityId,
      agentKey: agentKey(options.agent)!,
      registration: options.registration,
      documentId: options.stateId,
      personId: personOfAgent(options.agent, site),
    },
    {
      mode: "put",
      content: Buffer.from(JSON.stringify(options.content)),
      contentType: "application/json",
      preconditions: {},
      version: "1.0",
      now: options.now,
    },
  );
}

/** The statements of a registration with the given verbs, not voided, oldest first. */
export async function registrationStatements(tenant: Tenant, registration: string, verbIds: string[]) {
  const rows = await tenant
    .select(
      xapiStatements,
      { verb: xapiStatements.verb, objectId: xapiStatements.objectId, statement: xapiStatements.statement },
      and(
        eq(xapiStatements.registration, registration),
        inArray(xapiStatements.verb, verbIds),
        eq(xapiStatements.voided, false),
      ),
    )
    .orderBy(xapiStatements.stored);
  return rows.map((r) => ({ verb: r.verb, objectId: r.objectId, statement: r.statement as JsonObject }));
}
