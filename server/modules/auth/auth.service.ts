import { and, eq, gt, isNull } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import { isLocale } from "../../../common/locales.ts";
import type { TokenInfo } from "../../../common/schemas/auth.ts";
import type { Db } from "../../db/client.ts";
import { oneTimeTokens, organisations, passwordResetRequests, persons } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { enqueueEmail } from "../notifications/index.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import { endAllSessions, endOtherSessions, endSession, startSession } from "./sessions.ts";
import { hashSecret, newSecret } from "./tokens.ts";

export const INVITATION_DAYS = 7;

/**
 * Whether a person may sign in with a password or a link in their organisation (false when it requires
 * single sign-on and they are not its break-glass coordinator). Given by the composition root, so this
 * module does not depend on the sso module, which depends on it.
 */
export type PasswordGate = (tenant: Tenant, personId: string) => Promise<boolean>;
const everyoneMay: PasswordGate = async () => true;
export const RESET_HOURS = 1;

/**
 * Checks email and password and starts a new session (a new id and token: signing in never reuses one).
 * Email lookup is the one query that cannot be tenant-scoped (nobody is signed in yet); the same address
 * may exist in several organisations, and the first whose password matches wins.
 *
 * Wrong email and wrong password fail the same way and take the same time: every candidate costs one
 * argon2 verification, against a dummy hash when the person has no password yet (invited, not yet
 * accepted), and an unknown or deactivated address costs one dummy verification too.
 */
export async function signIn(
  db: Db,
  {
    email,
    password,
    now,
    userAgent = null,
    replacing = null,
    passwordAllowed = everyoneMay,
  }: {
    email: string;
    password: string;
    now: Date;
    userAgent?: string | null;
    /** The session this browser had before, if any: it ends when the new one starts (rotation). */
    replacing?: Actor | null;
    passwordAllowed?: PasswordGate;
  },
): Promise<{ token: string }> {
  const candidates = await db
    .select({ organisationId: persons.organisationId, id: persons.id, passwordHash: persons.passwordHash })
    .from(persons)
    .where(and(eq(persons.email, email), eq(persons.status, "active")));
  for (const candidate of candidates) {
    if (!candidate.passwordHash) {
      await verifyAgainstDummy(password);
      continue;
    }
    if (await verifyPassword(candidate.passwordHash, password)) {
      // Asked only after the password matched, so the answer tells a stranger nothing.
      if (!(await passwordAllowed(new Tenant(db, candidate.organisationId), candidate.id)))
        throw new AppError("SSO_REQUIRED");
      const token = await startSession(
        new Tenant(db, candidate.organisationId),
        candidate.id,
        now,
        userAgent,
      );
      if (replacing) await endSession(new Tenant(db, replacing.organisationId), replacing.sessionId);
      return { token };
    }
  }
  if (candidates.length === 0) await verifyAgainstDummy(password);
  throw new AppError("INVALID_CREDENTIALS");
}

/**
 * Changes the signed-in person's password. The current password is asked (a session left open on a
 * shared computer must not be enough), the new one follows the usual rules (checked by the schema), and
 * every other session ends: whoever might know the old password is signed out everywhere else.
 */
export async function changePassword(
  scope: Scope,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const { tenant, actor, now } = scope;
  const [person] = await tenant.select(
    persons,
    { passwordHash: persons.passwordHash },
    eq(persons.id, actor.personId),
  );
  const matches = person?.passwordHash
    ? await verifyPassword(person.passwordHash, input.currentPassword)
    : (await verifyAgainstDummy(input.currentPassword), false);
  if (!matches)
    throw new AppError("CURRENT_PASSWORD_WRONG", "current password does not match", {}, [
      { field: "currentPassword", code: "current_password_wrong" },
    ]);
  const passwordHash = await hashPassword(input.newPassword);
  return tenant.transaction(async (tx) => {
    await tx.db
      .update(persons)
      .set({ passwordHash, updatedAt: now })
      .where(tx.where(persons, eq(persons.id, actor.personId)));
    return { endedSessions: await endOtherSessions({ tenant: tx, actor }) };
  });
}

/** Creates a single-use link token for a person; only its hash is stored. */
export async function issueToken(
  tenant: Tenant,
  personId: string,
  purpose: "invitation" | "password-reset",
  now: Date,
): Promise<string> {
  const { token, hash } = newSecret();
  const lifetime = purpose === "invitation" ? INVITATION_DAYS * 86_400_000 : RESET_HOURS * 3_600_000;
  // A new link makes older links of the same purpose useless.
  await tenant.db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      tenant.where(
        oneTimeTokens,
        eq(oneTimeTokens.personId, personId),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  await tenant.db
    .insert(oneTimeTokens)
    .values(
      tenant.row({ tokenHash: hash, personId, purpose, expiresAt: new Date(now.getTime() + lifetime) }),
    );
  return token;
}

/** Requests older than this are dropped unhandled: the person has long asked again or given up. */
const RESET_REQUEST_MAX_AGE_MS = RESET_HOURS * 3_600_000;

/**
 * Queues a "forgot password" request. It does the same for every address, known or not — one insert —
 * so neither the answer nor its timing tells whether the address has an account. The worker
 * (`auth.send-reset-links`) looks the address up and mails a link if it belongs to someone.
 */
export async function queuePasswordReset(db: Db, email: string, locale: Locale, now: Date): Promise<void> {
  await db.insert(passwordResetRequests).values({ email, locale, requestedAt: now });
}

/** Handles queued reset requests (the worker's job); returns how many were handled. */
export async function sendRequestedResetLinks(db: Db, publicUrl: string, now: Date): Promise<number> {
  // Claimed by deleting: two workers never handle the same request, and a crash loses at most a request
  // the person can repeat.
  const claimed = await db.delete(passwordResetRequests).returning();
  for (const request of claimed) {
    if (now.getTime() - request.requestedAt.getTime() > RESET_REQUEST_MAX_AGE_MS) continue;
    const locale = isLocale(request.locale) ? request.locale : "nl";
    await requestPasswordReset(db, request.email, publicUrl, locale, now);
  }
  return claimed.length;
}

/**
 * Emails a reset link if the address belongs to an active person. Says nothing about whether it
 * does, so the form cannot be used to find out who works where.
 */
async function requestPasswordReset(
  db: Db,
  email: string,
  publicUrl: string,
  fallbackLocale: Locale,
  now: Date,
): Promise<void> {
  const matches = await db
    .select({
      organisationId: persons.organisationId,
      id: persons.id,
      name: persons.name,
      locale: persons.locale,
    })
    .from(persons)
    .where(and(eq(persons.email, email), eq(persons.status, "active")));
  for (const person of matches) {
    await new Tenant(db, person.organisationId).transaction(async (tenant) => {
      const token = await issueToken(tenant, person.id, "password-reset", now);
      const locale = isLocale(person.locale) ? person.locale : fallbackLocale;
      await enqueueEmail(tenant, email, locale, {
        template: "password-reset",
        params: { name: person.name, link: `${publicUrl}/reset-password#token=${token}` },
      });
    });
  }
}

async function findUsableToken(db: Db, token: string, purpose: "invitation" | "password-reset", now: Date) {
  const [row] = await db
    .select({
      organisationId: oneTimeTokens.organisationId,
      tokenId: oneTimeTokens.id,
      personId: oneTimeTokens.personId,
      name: persons.name,
      email: persons.email,
      status: persons.status,
      organisationName: organisations.name,
    })
    .from(oneTimeTokens)
    // Tenant-less on purpose (the token names the organisation), but the join keeps both keys.
    .innerJoin(
      persons,
      and(eq(persons.organisationId, oneTimeTokens.organisationId), eq(persons.id, oneTimeTokens.personId)),
    )
    .innerJoin(organisations, eq(organisations.id, oneTimeTokens.organisationId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashSecret(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .limit(1);
  if (!row || row.status === "deactivated") throw new AppError("TOKEN_INVALID");
  return row;
}

/** What the invitation page shows before the person chooses a password. */
export async function describeInvitation(db: Db, token: string, now: Date): Promise<TokenInfo> {
  const row = await findUsableToken(db, token, "invitation", now);
  return { name: row.name, email: row.email, organisationName: row.organisationName };
}

/**
 * Spends an invitation or reset link: sets the password, activates the person, signs them out
 * elsewhere and signs them in here. The link works once.
 */
export async function redeemToken(
  db: Db,
  {
    token,
    purpose,
    password,
    now,
    userAgent = null,
    passwordAllowed = everyoneMay,
  }: {
    token: string;
    purpose: "invitation" | "password-reset";
    password: string;
    now: Date;
    userAgent?: string | null;
    passwordAllowed?: PasswordGate;
  },
): Promise<{ token: string }> {
  const row = await findUsableToken(db, token, purpose, now);
  // A reset or invitation link must not become a way around required single sign-on.
  if (!(await passwordAllowed(new Tenant(db, row.organisationId), row.personId)))
    throw new AppError("SSO_REQUIRED");
  const passwordHash = await hashPassword(password);
  return new Tenant(db, row.organisationId).transaction(async (tenant) => {
    const spent = await tenant.db
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(tenant.where(oneTimeTokens, eq(oneTimeTokens.id, row.tokenId), isNull(oneTimeTokens.usedAt)))
      .returning({ id: oneTimeTokens.id });
    if (spent.length === 0) throw new AppError("TOKEN_INVALID");
    await tenant.db
      .update(persons)
      .set({ passwordHash, status: "active", updatedAt: now })
      .where(tenant.where(persons, eq(persons.id, row.personId)));
    await endAllSessions(tenant, row.personId);
    return { token: await startSession(tenant, row.personId, now, userAgent, "link") };
  });
}
