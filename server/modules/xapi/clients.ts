import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { desc, eq, isNull } from "drizzle-orm";
import { xapiClients } from "../../db/schema/index.ts";
import type { Db } from "../../db/client.ts";
import { Tenant } from "../../db/tenant.ts";
import { recordAudit } from "../../audit.ts";
import { notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorizerFor } from "../../policy.ts";
import { agentKey } from "./agents.ts";
import type { XapiCaller } from "./statements-store.ts";

/**
 * Credentials of xAPI clients: HTTP Basic, a public key and a secret of 256 random bits shown once.
 * Only the SHA-256 of the secret is stored: with that much randomness there is nothing to guess, so a
 * slow password hash (argon2, ~50 ms) would add no safety and cap the LRS at a few requests per second
 * per core. A short in-process cache saves the lookup per request; revoking clears it (decision 0021).
 */

const authorize = authorizerFor({ "xapi-clients.manage": ["coordinator"] });

const hashOf = (secret: string) => createHash("sha256").update(secret).digest();
const newKey = () => randomBytes(12).toString("base64url");
const newSecret = () => randomBytes(32).toString("base64url");

export interface CreatedCredentials {
  id: string;
  key: string;
  secret: string;
}

/** A coordinator creates a client for the organisation; the secret is returned this once. */
export async function createXapiClient(scope: Scope, options: { name: string }): Promise<CreatedCredentials> {
  authorize(scope.actor, "xapi-clients.manage");
  const key = newKey();
  const secret = newSecret();
  return scope.tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(xapiClients)
      .values(
        tx.row({
          name: options.name,
          key,
          secretHash: hashOf(secret).toString("hex"),
          kind: "client" as const,
          createdBy: scope.actor.personId,
          createdAt: scope.now,
        }),
      )
      .returning({ id: xapiClients.id });
    await recordAudit(tx, scope.actor, "xapi-client.create", { type: "xapi-client", id: row!.id });
    return { id: row!.id, key, secret };
  });
}

/** The organisation's clients (not the per-launch credentials), newest first. */
export async function findXapiClients(scope: Scope) {
  authorize(scope.actor, "xapi-clients.manage");
  const c = xapiClients;
  return scope.tenant
    .select(
      c,
      { id: c.id, name: c.name, key: c.key, createdAt: c.createdAt, revokedAt: c.revokedAt },
      eq(c.kind, "client"),
    )
    .orderBy(desc(c.createdAt));
}

/** Revokes a client: its credentials stop working at once in this process (the cache is cleared). */
export async function revokeXapiClient(scope: Scope, options: { clientId: string }): Promise<void> {
  authorize(scope.actor, "xapi-clients.manage");
  await scope.tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .update(xapiClients)
      .set({ revokedAt: scope.now })
      .where(
        tx.where(
          xapiClients,
          eq(xapiClients.id, options.clientId),
          eq(xapiClients.kind, "client"),
          isNull(xapiClients.revokedAt),
        ),
      )
      .returning({ key: xapiClients.key });
    if (!row) {
      const [exists] = await tx.select(
        xapiClients,
        { id: xapiClients.id },
        eq(xapiClients.id, options.clientId),
        eq(xapiClients.kind, "client"),
      );
      if (!exists) throw notFound("xAPI client");
      return;
    }
    forget(row.key);
    await recordAudit(tx, scope.actor, "xapi-client.revoke", { type: "xapi-client", id: options.clientId });
  });
}

export interface LaunchCredentialsOptions {
  personId: string;
  registration: string;
  activityId: string;
  expiresInMinutes: number;
  /** The actor the content will use; defaults to the person's account on this installation. */
  site: string;
  now: Date;
}

/**
 * Basic credentials for one launch of a package (cmi5): they speak only for that person, expire, and
 * cannot void. Returns the `Authorization` header value and its parts.
 */
export async function issueLaunchCredentials(tenant: Tenant, options: LaunchCredentialsOptions) {
  const key = newKey();
  const secret = newSecret();
  const expiresAt = new Date(options.now.getTime() + options.expiresInMinutes * 60_000);
  await tenant.db.insert(xapiClients).values(
    tenant.row({
      name: "launch",
      key,
      secretHash: hashOf(secret).toString("hex"),
      kind: "launch" as const,
      personId: options.personId,
      registration: options.registration,
      activityId: options.activityId,
      createdAt: options.now,
      expiresAt,
    }),
  );
  const actor = { objectType: "Agent", account: { homePage: options.site, name: options.personId } };
  return {
    key,
    secret,
    authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`,
    actor,
    expiresAt,
  };
}

interface CachedClient {
  organisationId: string;
  id: string;
  secretHash: Buffer;
  kind: "client" | "launch";
  personId: string | null;
  registration: string | null;
  site: string;
  expiresAt: Date | null;
  revoked: boolean;
  cachedAt: number;
}

/** Seconds a looked-up client is trusted without reading it again (bounds a revocation in another process). */
const CACHE_MS = 30_000;
const cache = new Map<string, CachedClient>();
const forget = (key: string) => cache.delete(key);

async function lookUp(db: Db, key: string, site: string, nowMs: number): Promise<CachedClient | null> {
  const hit = cache.get(key);
  if (hit && nowMs - hit.cachedAt < CACHE_MS) return hit;
  // By key before the organisation is known: the key is unique across the installation and names it.
  const [row] = await db.select().from(xapiClients).where(eq(xapiClients.key, key)).limit(1);
  if (!row) return null;
  const entry: CachedClient = {
    organisationId: row.organisationId,
    id: row.id,
    secretHash: Buffer.from(row.secretHash, "hex"),
    kind: row.kind,
    personId: row.personId,
    registration: row.registration,
    site,
    expiresAt: row.expiresAt,
    revoked: row.revokedAt !== null,
    cachedAt: nowMs,
  };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, entry);
  return entry;
}

/**
 * The caller behind an `Authorization: Basic` header, with the organisation it belongs to; null for
 * missing, unknown, wrong, revoked or expired credentials.
 */
export async function authenticateXapi(
  db: Db,
  header: string | undefined,
  site: string,
  now: Date,
): Promise<{ tenant: Tenant; caller: XapiCaller } | null> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  const key = decoded.slice(0, colon);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) return null;
  const client = await lookUp(db, key, site, now.getTime());
  if (!client || client.revoked || (client.expiresAt && client.expiresAt <= now)) return null;
  if (!timingSafeEqual(hashOf(decoded.slice(colon + 1)), client.secretHash)) return null;
  const actorKey = client.personId ? agentKey({ account: { homePage: site, name: client.personId } }) : null;
  return {
    tenant: new Tenant(db, client.organisationId),
    caller: {
      clientId: client.id,
      key,
      kind: client.kind,
      actorKey: client.kind === "launch" ? actorKey : null,
      personId: client.personId,
      registration: client.kind === "launch" ? client.registration : null,
    },
  };
}

/** Deletes per-launch credentials of a person (erasure); they stop working at once in this process. */
export async function deleteLaunchCredentialsOf(tenant: Tenant, personId: string): Promise<void> {
  const deleted = await tenant.db
    .delete(xapiClients)
    .where(tenant.where(xapiClients, eq(xapiClients.personId, personId), eq(xapiClients.kind, "launch")))
    .returning({ key: xapiClients.key });
  for (const { key } of deleted) forget(key);
}
