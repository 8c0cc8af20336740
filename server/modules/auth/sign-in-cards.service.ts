import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { isLocale } from "../../../common/locales.ts";
import type { SignInCardView } from "../../../common/schemas/auth.ts";
import { recordAudit } from "../../audit.ts";
import type { Db } from "../../db/client.ts";
import { organisations, personRoles, persons, signInCards } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { PasswordGate } from "./auth.service.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "./auth.policy.ts";
import { renderSignInCard } from "./sign-in-card.pdf.ts";
import { activateOnFirstSignIn, CAN_SIGN_IN } from "./first-sign-in.ts";
import { startSession } from "./sessions.ts";
import { hashSecret, newSecret } from "./tokens.ts";

/**
 * Printed QR sign-in cards (decision 0024). The card carries a 256-bit token in the fragment of a link
 * (`/sign-in/card#token=…`; a fragment never reaches a server log); only its hash is kept. One live card
 * per person: printing a new one revokes the old in the same transaction. Coordinators cannot have one.
 */

const isCoordinator = (tenant: Tenant, personId: string) =>
  tenant
    .select(
      personRoles,
      { role: personRoles.role },
      eq(personRoles.personId, personId),
      eq(personRoles.role, "coordinator"),
    )
    .then((rows) => rows.length > 0);

async function cardHolder(scope: Scope, personId: string) {
  const [person] = await scope.tenant.select(
    persons,
    { id: persons.id, name: persons.name, status: persons.status, locale: persons.locale },
    eq(persons.id, personId),
  );
  if (!person) throw notFound("person");
  return person;
}

const liveCard = (personId: string, now: Date) =>
  and(
    eq(signInCards.personId, personId),
    isNull(signInCards.revokedAt),
    or(isNull(signInCards.expiresAt), gt(signInCards.expiresAt, now)),
  );

/** The person's live card as the coordinator sees it (never the token: it exists only on paper). */
export async function getSignInCard(
  scope: Scope,
  { personId }: { personId: string },
): Promise<SignInCardView> {
  authorize(scope.actor, "sign-in-card.manage");
  await cardHolder(scope, personId);
  const [card] = await scope.tenant.select(
    signInCards,
    {
      createdAt: signInCards.createdAt,
      expiresAt: signInCards.expiresAt,
      lastUsedAt: signInCards.lastUsedAt,
      uses: signInCards.uses,
    },
    liveCard(personId, scope.now),
  );
  if (!card) return { card: null };
  return {
    card: {
      printedAt: card.createdAt.toISOString(),
      expiresAt: card.expiresAt?.toISOString() ?? null,
      lastUsedAt: card.lastUsedAt?.toISOString() ?? null,
      uses: card.uses,
    },
  };
}

/**
 * Prints a new card for the person (a PDF in their language) and revokes any older one, audited. The
 * token lives only in the PDF returned here: it cannot be printed again, only replaced.
 */
export async function printSignInCard(
  scope: Scope,
  { personId, validMonths, publicUrl }: { personId: string; validMonths: number | null; publicUrl: string },
): Promise<{ fileName: string; body: Buffer }> {
  const { tenant, actor, now } = scope;
  authorize(actor, "sign-in-card.manage");
  const person = await cardHolder(scope, personId);
  if (person.status === "deactivated") throw invalid("status", "deactivated");
  if (await isCoordinator(tenant, personId)) throw new AppError("SIGN_IN_CARD_NOT_ALLOWED");
  const [organisation] = await tenant.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  const { token, hash } = newSecret();
  const expiresAt = validMonths ? addMonths(now, validMonths) : null;
  const body = await renderSignInCard({
    name: person.name,
    organisationName: organisation?.name ?? "",
    link: `${publicUrl}/sign-in/card#token=${token}`,
    printedAt: now,
    expiresAt,
    locale: isLocale(person.locale) ? person.locale : scope.locale,
  });
  await tenant.transaction(async (tx) => {
    const revoked = await revokeLiveCards(tx, personId, now);
    await tx.db
      .insert(signInCards)
      .values(tx.row({ tokenHash: hash, personId, createdBy: actor.personId, createdAt: now, expiresAt }));
    await recordAudit(
      tx,
      actor,
      "sign-in-card.printed",
      { type: "person", id: personId },
      {
        validMonths,
        revokedOlder: revoked,
      },
    );
  });
  return { fileName: `sign-in-card-${person.name.replace(/[^\p{L}\p{N}]+/gu, "-")}.pdf`, body };
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

async function revokeLiveCards(tenant: Tenant, personId: string, now: Date): Promise<number> {
  const revoked = await tenant.db
    .update(signInCards)
    .set({ revokedAt: now })
    .where(tenant.where(signInCards, eq(signInCards.personId, personId), isNull(signInCards.revokedAt)))
    .returning({ id: signInCards.id });
  return revoked.length;
}

/** Blocks the person's card (a lost card, someone who left the van crew), audited. */
export async function revokeSignInCard(scope: Scope, { personId }: { personId: string }): Promise<void> {
  const { tenant, actor, now } = scope;
  authorize(actor, "sign-in-card.manage");
  await cardHolder(scope, personId);
  await tenant.transaction(async (tx) => {
    const revoked = await revokeLiveCards(tx, personId, now);
    if (revoked > 0) await recordAudit(tx, actor, "sign-in-card.revoked", { type: "person", id: personId });
  });
}

/**
 * Signs in with the card's token: a live card of an active person who is not a coordinator (a
 * learner who became coordinator after printing cannot use it). Each use is counted, audited with the
 * person as actor, and shows in their session list ("with your sign-in card").
 */
export async function signInWithCard(
  db: Db,
  {
    token,
    now,
    userAgent,
    passwordAllowed,
  }: { token: string; now: Date; userAgent: string | null; passwordAllowed?: PasswordGate },
): Promise<{ token: string }> {
  // Tenant-less on purpose (the card's token names the organisation); the join keeps both keys.
  const [card] = await db
    .select({
      organisationId: signInCards.organisationId,
      id: signInCards.id,
      personId: signInCards.personId,
    })
    .from(signInCards)
    .innerJoin(
      persons,
      and(eq(persons.organisationId, signInCards.organisationId), eq(persons.id, signInCards.personId)),
    )
    .where(and(eq(signInCards.tokenHash, hashSecret(token)), inArray(persons.status, CAN_SIGN_IN)))
    .limit(1);
  if (!card) throw new AppError("TOKEN_INVALID");
  const tenant = new Tenant(db, card.organisationId);
  if (await isCoordinator(tenant, card.personId)) throw new AppError("TOKEN_INVALID");
  // A card is no way around required single sign-on either (decision 0023).
  if (passwordAllowed && !(await passwordAllowed(tenant, card.personId))) throw new AppError("SSO_REQUIRED");
  return tenant.transaction(async (tx) => {
    const used = await tx.db
      .update(signInCards)
      .set({ lastUsedAt: now, uses: sql`${signInCards.uses} + 1` })
      .where(tx.where(signInCards, eq(signInCards.id, card.id), liveCard(card.personId, now)))
      .returning({ id: signInCards.id });
    if (used.length === 0) throw new AppError("TOKEN_INVALID");
    await activateOnFirstSignIn(tx, card.personId, now);
    const session = await startSession(tx, card.personId, now, userAgent, "sign-in-card");
    // Nobody is signed in yet: the subject (the card holder) is who acted.
    await recordAudit(tx, null, "sign-in-card.used", { type: "person", id: card.personId });
    return { token: session };
  });
}
