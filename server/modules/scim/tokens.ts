import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { recordAudit } from "../../audit.ts";
import type { Db } from "../../db/client.ts";
import { scimTokens } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "./scim.policy.ts";

/**
 * Provisioning tokens (decision 0027): 256 random bits, shown to the coordinator once, stored as a
 * SHA-256. No cache: a revoked token stops at the next request, in every process.
 */

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
/** A prefix says what the secret is when it turns up in a password manager or a leaked paste. */
const newToken = () => `bkscim_${randomBytes(32).toString("base64url")}`;

/** A coordinator creates a token for a directory; the token is in this answer only. */
export async function createScimToken(scope: Scope, options: { name: string }) {
  authorize(scope.actor, "scim.manage");
  const token = newToken();
  return scope.tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(scimTokens)
      .values(
        tx.row({
          name: options.name,
          tokenHash: hashOf(token),
          createdBy: scope.actor.personId,
          createdAt: scope.now,
        }),
      )
      .returning({ id: scimTokens.id, name: scimTokens.name, createdAt: scimTokens.createdAt });
    await recordAudit(tx, scope.actor, "scim-token.create", { type: "scim-token", id: row!.id });
    return { id: row!.id, name: row!.name, token };
  });
}

/** The organisation's tokens, newest first (never the token itself). */
export async function findScimTokens(scope: Scope) {
  authorize(scope.actor, "scim.manage");
  const t = scimTokens;
  return scope.tenant
    .select(t, {
      id: t.id,
      name: t.name,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
    })
    .orderBy(desc(t.createdAt));
}

/** Revokes a token: the directory's next request is refused. Revoking twice is fine. */
export async function revokeScimToken(scope: Scope, options: { tokenId: string }): Promise<void> {
  authorize(scope.actor, "scim.manage");
  await scope.tenant.transaction(async (tx) => {
    const [exists] = await tx.select(
      scimTokens,
      { revokedAt: scimTokens.revokedAt },
      eq(scimTokens.id, options.tokenId),
    );
    if (!exists) throw notFound("SCIM token");
    if (exists.revokedAt) return;
    await tx.db
      .update(scimTokens)
      .set({ revokedAt: scope.now })
      .where(tx.where(scimTokens, eq(scimTokens.id, options.tokenId)));
    await recordAudit(tx, scope.actor, "scim-token.revoke", { type: "scim-token", id: options.tokenId });
  });
}

export interface ScimCaller {
  tenant: Tenant;
  tokenId: string;
}

const LAST_USED_EVERY_MS = 60_000;

/**
 * The organisation behind an `Authorization: Bearer …` header; null for a missing, unknown or revoked
 * token. By hash before the organisation is known: the token names it (architecture, tenancy table).
 */
export async function authenticateScim(
  db: Db,
  header: string | undefined,
  now: Date,
): Promise<ScimCaller | null> {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header ?? "");
  if (!match) return null;
  const hash = hashOf(match[1]!);
  const [row] = await db
    .select({
      id: scimTokens.id,
      organisationId: scimTokens.organisationId,
      lastUsedAt: scimTokens.lastUsedAt,
    })
    .from(scimTokens)
    .where(and(eq(scimTokens.tokenHash, hash), isNull(scimTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  const tenant = new Tenant(db, row.organisationId);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    const stale = new Date(now.getTime() - LAST_USED_EVERY_MS);
    await db
      .update(scimTokens)
      .set({ lastUsedAt: now })
      .where(
        tenant.where(
          scimTokens,
          eq(scimTokens.id, row.id),
          or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, stale)),
        ),
      );
  }
  return { tenant, tokenId: row.id };
}
