import type { FastifyReply } from "fastify";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { isLocale } from "../../../common/locales.ts";
import type { Role } from "../../../common/roles.ts";
import type { Db } from "../../db/client.ts";
import { personRoles, persons, sessions } from "../../db/schema/index.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import { secondFactorOwed, type SecondFactorStep } from "./second-factor-step.ts";
import { hashSecret, newSecret } from "./tokens.ts";

export const SESSION_COOKIE = "beklijf_session";
/** The longest any session lives, and the session cookie's lifetime in the browser. */
export const SESSION_DAYS = 14;

/**
 * Puts a new session on the browser: http-only, SameSite=Lax (a link from an email or the identity
 * provider's redirect arrives signed in), for the session's absolute lifetime. Every way in uses it.
 */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long a session lives (absolute) and how long it may sit unused (idle), by what the person can do.
 * A coordinator sees and exports everyone's personal data and manages who has access: NIST SP 800-63B's
 * AAL2 limits (30 minutes idle, 12 hours in all). Everyone else mostly sees their own learning, often on
 * a phone a few times a week: a week idle, two weeks in all, so a learner is not asked for a password at
 * every five-minute practice. See docs/decisions/0010-sign-in-throttling-and-sessions.md.
 */
export const SESSION_LIMITS = {
  coordinator: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  everyone: { idleMs: 7 * 24 * HOUR, absoluteMs: SESSION_DAYS * 24 * HOUR },
} as const;

/** Last-seen is written at most once a minute: enough for the idle limit, cheap on every request. */
export const LAST_SEEN_INTERVAL_MS = MINUTE;

export function sessionLimits(roles: Iterable<Role>): { idleMs: number; absoluteMs: number } {
  return [...roles].includes("coordinator") ? SESSION_LIMITS.coordinator : SESSION_LIMITS.everyone;
}

/** Whether a session is still usable at `now`: within its absolute lifetime and its idle limit. */
export function isSessionLive(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  roles: Iterable<Role>,
  now: Date,
): boolean {
  const limits = sessionLimits(roles);
  const end = Math.min(
    session.expiresAt.getTime(),
    session.createdAt.getTime() + limits.absoluteMs,
    session.lastSeenAt.getTime() + limits.idleMs,
  );
  return now.getTime() < end;
}

const rolesOf = sql<
  Role[]
>`array(select ${personRoles.role} from ${personRoles} where ${personRoles.organisationId} = ${sessions.organisationId} and ${personRoles.personId} = ${sessions.personId})`;

/** A session row with its person and roles, as the lookup reads it on every signed-in request. */
export interface SessionOfActor {
  actor: Actor;
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date };
}

/**
 * Reads the session a cookie names, with its active person and their roles, in one query. The token hash
 * is the only pre-tenant lookup: the session row names the organisation, and everything after is scoped
 * to it.
 */
export async function readSession(db: Db, token: string): Promise<SessionOfActor | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      organisationId: sessions.organisationId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      personId: persons.id,
      name: persons.name,
      email: persons.email,
      locale: persons.locale,
      secondFactor: sessions.secondFactor,
      // Roles come along in the same query: this lookup runs on every signed-in request.
      roles: rolesOf,
    })
    .from(sessions)
    .innerJoin(
      persons,
      and(eq(persons.organisationId, sessions.organisationId), eq(persons.id, sessions.personId)),
    )
    .where(and(eq(sessions.tokenHash, hashSecret(token)), eq(persons.status, "active")))
    .limit(1);
  if (!row) return null;
  const { createdAt, lastSeenAt, expiresAt } = row;
  return {
    session: { createdAt, lastSeenAt, expiresAt },
    actor: {
      personId: row.personId,
      organisationId: row.organisationId,
      sessionId: row.sessionId,
      name: row.name,
      email: row.email,
      locale: isLocale(row.locale) ? row.locale : null,
      roles: new Set(row.roles),
      pendingSecondFactor: row.secondFactor,
    },
  };
}

/**
 * Checks a read session at `now`: one past its absolute or idle limit is ended here (null); a live one has
 * its last-seen moved on, at most once a minute (the returned session carries the new stamp).
 */
export async function keepSessionAlive(
  db: Db,
  { actor, session }: SessionOfActor,
  now: Date,
): Promise<SessionOfActor | null> {
  const tenant = new Tenant(db, actor.organisationId);
  if (!isSessionLive(session, actor.roles, now)) {
    await endSession(tenant, actor.sessionId);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() < LAST_SEEN_INTERVAL_MS) return { actor, session };
  await tenant.db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(tenant.where(sessions, eq(sessions.id, actor.sessionId)));
  return { actor, session: { ...session, lastSeenAt: now } };
}

/**
 * Resolves a session cookie to its actor, straight from the database. Requests go through the actor
 * cache (`actor-cache.ts`), which calls the same two steps.
 */
export async function findActorBySessionToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  const read = await readSession(db, token);
  return read ? ((await keepSessionAlive(db, read, now))?.actor ?? null) : null;
}

/** How a session began: shown in the person's session list, so a card or link use is visible to them. */
export type SignInMethod = "password" | "email-link" | "sign-in-card" | "link" | "sso";

/**
 * Starts a session and returns the cookie token (only its hash is stored). Every way of signing in comes
 * through here, so every one of them owes the second factor the person has or must set up (decision
 * 0026); `secondFactor` is given only when a second factor was just proved or set up.
 */
export async function startSession(
  tenant: Tenant,
  personId: string,
  now: Date,
  userAgent: string | null = null,
  method: SignInMethod = "password",
  secondFactor?: SecondFactorStep | null,
): Promise<string> {
  const { token, hash } = newSecret();
  const owed = secondFactor === undefined ? await secondFactorOwed(tenant, personId) : secondFactor;
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await tenant.db.insert(sessions).values(
    tenant.row({
      tokenHash: hash,
      personId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: userAgent ? userAgent.slice(0, 300) : null,
      method,
      secondFactor: owed,
    }),
  );
  return token;
}

export async function endSession(tenant: Tenant, sessionId: string): Promise<void> {
  await tenant.db.delete(sessions).where(tenant.where(sessions, eq(sessions.id, sessionId)));
}

/** Signs a person out everywhere: after a password reset or deactivation. */
export async function endAllSessions(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db.delete(sessions).where(tenant.where(sessions, eq(sessions.personId, personId)));
}

/** Signs a person out on every device but this one; returns how many sessions ended. */
export async function endOtherSessions({ tenant, actor }: Pick<Scope, "tenant" | "actor">): Promise<number> {
  const ended = await tenant.db
    .delete(sessions)
    .where(tenant.where(sessions, eq(sessions.personId, actor.personId), ne(sessions.id, actor.sessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Signs out of this session (the cookie is cleared by the route). */
export async function signOut(scope: Scope): Promise<void> {
  await endSession(scope.tenant, scope.actor.sessionId);
}

/** Ends one of the actor's own sessions; someone else's session (or an unknown id) is NOT_FOUND. */
export async function endOwnSession(scope: Scope, { sessionId }: { sessionId: string }): Promise<void> {
  const { tenant, actor } = scope;
  const ended = await tenant.db
    .delete(sessions)
    .where(tenant.where(sessions, eq(sessions.personId, actor.personId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw notFound("session");
}

/** The actor's live sessions, most recently active first. */
export async function listOwnSessions(scope: Scope) {
  const { tenant, actor, now } = scope;
  const rows = await tenant
    .select(
      sessions,
      {
        id: sessions.id,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        userAgent: sessions.userAgent,
        method: sessions.method,
      },
      eq(sessions.personId, actor.personId),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.filter((row) => isSessionLive(row, actor.roles, now));
}
