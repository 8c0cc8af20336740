import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** Raw bytes (a document, an attachment), as PostgreSQL's bytea on both PGlite and a server. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The identifier of a statement's actor as one text (decision 0021): derived by the database from the
 * statement itself, so Beklijf's own statements stored before the LRS existed are found by the agent
 * filter too. `lrs/agents.ts` builds the same text from a query's `agent` parameter.
 */
const actorKeyExpression = sql`CASE
  WHEN statement->'actor'->>'mbox' IS NOT NULL THEN 'mbox:' || (statement->'actor'->>'mbox')
  WHEN statement->'actor'->>'mbox_sha1sum' IS NOT NULL THEN 'sha1:' || (statement->'actor'->>'mbox_sha1sum')
  WHEN statement->'actor'->>'openid' IS NOT NULL THEN 'openid:' || (statement->'actor'->>'openid')
  WHEN statement->'actor'->'account' IS NOT NULL THEN 'account:' || (statement->'actor'->'account'->>'homePage') || ' ' || (statement->'actor'->'account'->>'name')
  ELSE '' END`;

/**
 * The learning record store (xAPI 1.0.3 and 2.0): Beklijf's own statements (ADL verbs, the actor an
 * account id, never an email address) and those sent by content and clients through `/xapi/`. The
 * columns beside the statement are what the query filters use; the statement itself is kept as sent.
 */
export const xapiStatements = tenantTable(
  "xapi_statements",
  {
    /** The statement's own id, given by whoever made it (xAPI), so no default. */
    id: uuid("id").notNull(),
    /** The Beklijf person the statement is about, when known (own statements, launch credentials). */
    personId: uuid("person_id"),
    actorKey: text("actor_key").generatedAlwaysAs(actorKeyExpression),
    /** The object's identifier when the object is an agent or identified group (the agent filter). */
    objectAgentKey: text("object_agent_key"),
    verb: text("verb").notNull(),
    /** The object's id when it is an activity. */
    objectId: text("object_id"),
    /** The statement a StatementRef object points at (voiding, and filters reaching through refs). */
    targetStatementId: uuid("target_statement_id"),
    registration: uuid("registration"),
    relatedActivities: text("related_activities")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    relatedAgents: text("related_agents")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    voided: boolean("voided").notNull().default(false),
    /** The xAPI client that sent it; none for Beklijf's own statements. */
    clientId: uuid("client_id"),
    statement: jsonb("statement").$type<Record<string, unknown>>().notNull(),
    timestamp: instant("timestamp").notNull(),
    stored: instant("stored").notNull(),
    /** Insertion order: statements stored in the same millisecond still page in a stable order. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    index("xapi_statements_person_idx").on(t.organisationId, t.personId, t.stored),
    index("xapi_statements_actor_verb_idx").on(t.organisationId, t.actorKey, t.verb, t.stored, t.seq),
    index("xapi_statements_object_agent_idx")
      .on(t.organisationId, t.objectAgentKey, t.stored, t.seq)
      .where(sql`${t.objectAgentKey} IS NOT NULL`),
    index("xapi_statements_verb_idx").on(t.organisationId, t.verb, t.stored, t.seq),
    index("xapi_statements_object_idx").on(t.organisationId, t.objectId, t.stored, t.seq),
    index("xapi_statements_registration_idx")
      .on(t.organisationId, t.registration, t.stored, t.seq)
      .where(sql`${t.registration} IS NOT NULL`),
    index("xapi_statements_stored_idx").on(t.organisationId, t.stored, t.seq),
    // Forwarding's cursor (decision 0035): the statements past it, in insertion order.
    index("xapi_statements_seq_idx").on(t.organisationId, t.seq),
    index("xapi_statements_target_idx")
      .on(t.organisationId, t.targetStatementId)
      .where(sql`${t.targetStatementId} IS NOT NULL`),
    index("xapi_statements_related_activities_idx").using("gin", t.relatedActivities),
    index("xapi_statements_related_agents_idx").using("gin", t.relatedAgents),
    personReference(t),
  ],
  { key: ["id"] },
);

/** Attachment contents, by their SHA-2 hash (xAPI identifies them so; one copy per organisation). */
export const xapiAttachments = tenantTable(
  "xapi_attachments",
  {
    sha2: text("sha2").notNull(),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
  },
  () => [],
  { key: ["sha2"] },
);

/**
 * State, activity profile and agent profile documents (one table: they differ only in which keys they
 * have; an absent key is ''). The ETag is the SHA-1 of the content, as the spec's examples use.
 */
export const xapiDocuments = tenantTable(
  "xapi_documents",
  {
    kind: text("kind", { enum: ["state", "activity-profile", "agent-profile"] }).notNull(),
    activityId: text("activity_id").notNull(),
    agentKey: text("agent_key").notNull(),
    registration: text("registration").notNull(),
    documentId: text("document_id").notNull(),
    /** The Beklijf person the agent is, when known (GDPR export and erasure). */
    personId: uuid("person_id"),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    etag: text("etag").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("xapi_documents_key_unique").on(
      t.organisationId,
      t.kind,
      t.activityId,
      t.agentKey,
      t.registration,
      t.documentId,
    ),
    index("xapi_documents_person_idx").on(t.organisationId, t.personId),
    personReference(t),
  ],
);

/**
 * Credentials of an xAPI client (HTTP Basic). The secret is 256 random bits, so its SHA-256 is enough
 * to store (no guessing to slow down) and cheap per request (decision 0021). A launch credential is
 * tied to one person, registration and activity and expires.
 */
export const xapiClients = tenantTable(
  "xapi_clients",
  {
    name: text("name").notNull(),
    /** The public half of the Basic credentials; unique across the installation (it finds the org). */
    key: text("key").notNull(),
    secretHash: text("secret_hash").notNull(),
    kind: text("kind", { enum: ["client", "launch"] }).notNull(),
    personId: uuid("person_id"),
    registration: uuid("registration"),
    activityId: text("activity_id"),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn(),
    expiresAt: instant("expires_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [uniqueIndex("xapi_clients_key_unique").on(t.key), personReference(t)],
);

/** Why forwarding stopped or last failed, in a code the coordinator's page puts into words. */
export interface XapiForwardingProblem {
  code:
    | "unreachable"
    | "server-error"
    | "busy"
    | "credentials-refused"
    | "statements-refused"
    | "secret-unreadable";
  /** The external LRS's HTTP status, when it answered. */
  status?: number | null;
  /** The external LRS's own words, cut short (never a statement or a credential). */
  detail?: string | null;
  at: string;
}

/** A batch the external LRS refused (a 4xx other than 409/429): forwarding waits here until retried. */
export interface XapiForwardingRefusal extends XapiForwardingProblem {
  /** How many statements the refused batch held. */
  count: number;
}

/**
 * Forwarding the organisation's statements to an external LRS it names (decision 0035): one per
 * organisation. The statements table is the outbox and `cursor_seq` the place in it: every statement
 * with a higher `seq` waits, in `seq` order. The Basic key and secret are sealed together
 * (`server/crypto/secrets.ts`) and never leave the server again.
 */
export const xapiForwarding = tenantTable(
  "xapi_forwarding",
  {
    endpoint: text("endpoint").notNull(),
    credentialsSealed: text("credentials_sealed").notNull(),
    enabled: boolean("enabled").notNull().default(false),
    /** The `seq` of the last statement forwarded (or passed over when forwarding was switched on). */
    cursorSeq: bigint("cursor_seq", { mode: "number" }).notNull().default(0),
    lastForwardedAt: instant("last_forwarded_at"),
    /** Failures in a row that are worth retrying (network, 5xx, 429): the backoff grows with them. */
    failures: integer("failures").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at"),
    lastError: jsonb("last_error").$type<XapiForwardingProblem>(),
    refusal: jsonb("refusal").$type<XapiForwardingRefusal>(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("xapi_forwarding_org_unique").on(t.organisationId)],
);
