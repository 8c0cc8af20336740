import { and, eq, gt, sql } from "drizzle-orm";
import { isLocale } from "../../../common/locales.ts";
import type { Role } from "../../../common/roles.ts";
import type { Db } from "../../db/client.ts";
import { personRoles, persons, sessions } from "../../db/schema/index.ts";
import type { Actor } from "../../http/context.ts";
import type { Tenant } from "../../db/tenant.ts";
import { hashSecret, newSecret } from "./tokens.ts";

export const SESSION_COOKIE = "beklijf_session";
export const SESSION_DAYS = 14;

/**
 * Resolves a session cookie to its actor. The token hash is the only pre-tenant lookup: the session
 * row names the organisation, and everything after is scoped to it.
 */
export async function findActorBySessionToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      organisationId: sessions.organisationId,
      personId: persons.id,
      name: persons.name,
      email: persons.email,
      locale: persons.locale,
      // Roles come along in the same query: this lookup runs on every signed-in request.
      roles: sql<
        Role[]
      >`array(select ${personRoles.role} from ${personRoles} where ${personRoles.organisationId} = ${sessions.organisationId} and ${personRoles.personId} = ${sessions.personId})`,
    })
    .from(sessions)
    .innerJoin(
      persons,
      and(eq(persons.organisationId, sessions.organisationId), eq(persons.id, sessions.personId)),
    )
    .where(
      and(
        eq(sessions.tokenHash, hashSecret(token)),
        gt(sessions.expiresAt, now),
        eq(persons.status, "active"),
      ),
    )
    .limit(1);
  if (!row) return null;
  return {
    personId: row.personId,
    organisationId: row.organisationId,
    sessionId: row.sessionId,
    name: row.name,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : null,
    roles: new Set(row.roles),
  };
}

/** Starts a session and returns the cookie token (only its hash is stored). */
export async function startSession(tenant: Tenant, personId: string, now: Date): Promise<string> {
  const { token, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await tenant.db.insert(sessions).values(tenant.row({ tokenHash: hash, personId, expiresAt }));
  return token;
}

export async function endSession(tenant: Tenant, sessionId: string): Promise<void> {
  await tenant.db.delete(sessions).where(tenant.where(sessions, eq(sessions.id, sessionId)));
}

/** Signs a person out everywhere: after a password reset or deactivation. */
export async function endAllSessions(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db.delete(sessions).where(tenant.where(sessions, eq(sessions.personId, personId)));
}
