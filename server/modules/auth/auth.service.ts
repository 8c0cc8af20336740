import { and, eq, gt, isNull } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import { isLocale } from "../../../common/locales.ts";
import type { TokenInfo } from "../../../common/schemas/auth.ts";
import type { Db } from "../../db/client.ts";
import { oneTimeTokens, organisations, persons } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { enqueueEmail } from "../notifications/outbox.service.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { endAllSessions, startSession } from "./sessions.ts";
import { hashSecret, newSecret } from "./tokens.ts";

export const INVITATION_DAYS = 7;
export const RESET_HOURS = 1;

/**
 * Checks email and password and starts a session. Email lookup is the one query that cannot be
 * tenant-scoped (nobody is signed in yet); the same address may exist in several organisations, and
 * the first whose password matches wins. Wrong email and wrong password fail the same way.
 */
export async function signIn(db: Db, email: string, password: string, now: Date): Promise<{ token: string }> {
  const candidates = await db
    .select({ organisationId: persons.organisationId, id: persons.id, passwordHash: persons.passwordHash })
    .from(persons)
    .where(and(eq(persons.email, email), eq(persons.status, "active")));
  for (const candidate of candidates) {
    if (candidate.passwordHash && (await verifyPassword(candidate.passwordHash, password))) {
      const token = await startSession(new Tenant(db, candidate.organisationId), candidate.id, now);
      return { token };
    }
  }
  if (candidates.length === 0) await verifyAgainstDummy(password);
  throw new AppError("INVALID_CREDENTIALS");
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

/**
 * Emails a reset link if the address belongs to an active person. Says nothing about whether it
 * does, so the form cannot be used to find out who works where.
 */
export async function requestPasswordReset(
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
  token: string,
  purpose: "invitation" | "password-reset",
  password: string,
  now: Date,
): Promise<{ token: string }> {
  const row = await findUsableToken(db, token, purpose, now);
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
    return { token: await startSession(tenant, row.personId, now) };
  });
}
