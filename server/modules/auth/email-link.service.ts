import { createHmac, randomBytes, randomInt } from "node:crypto";
import { and, eq, gt, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import { isLocale } from "../../../common/locales.ts";
import type { Db } from "../../db/client.ts";
import { emailLinkRequests, persons, signInLinks } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError, invalid } from "../../errors.ts";
import type { PasswordGate } from "./auth.service.ts";
import { installationKey } from "../../installation-secrets.ts";
import { recordAudit } from "../../audit.ts";
import { enqueueEmail } from "../notifications/index.ts";
import { activateOnFirstSignIn, CAN_SIGN_IN } from "./first-sign-in.ts";
import { startSession } from "./sessions.ts";
import { hashSecret, newSecret } from "./tokens.ts";

/** A sign-in link and its code live this long (issue 19: 15 minutes). */
export const EMAIL_LINK_MINUTES = 15;
const LIFETIME_MS = EMAIL_LINK_MINUTES * 60_000;
/** Wrong codes allowed per request: five guesses at one in a million each. */
export const CODE_ATTEMPTS = 5;
/**
 * At most this many sign-in emails per person in one lifetime window, whoever asks and from wherever:
 * an inbox is not a megaphone. Per-client limits are the route's.
 */
export const EMAILS_PER_WINDOW = 3;
const DAY_MS = 86_400_000;

/** The cookie that ties a request to the browser that made it: the code works only there. */
export const PENDING_COOKIE = "beklijf_sign_in_request";

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest("base64url");
const codeHash = (requestId: string, code: string) => hashSecret(`${requestId}|${code}`);

/**
 * Stores a request for a sign-in email and answers; the same work for every address (decision 0024).
 * Returns the pending secret for the asking browser's cookie. A submission the web app sends twice
 * (same Idempotency-Key) yields the same secret, so the second insert finds the first row: one request,
 * one email, and both answers set the same cookie.
 */
export async function requestEmailLink(
  db: Db,
  {
    email,
    locale,
    now,
    submissionKey,
  }: { email: string; locale: Locale; now: Date; submissionKey: string | null },
): Promise<{ pendingSecret: string }> {
  const pendingSecret = submissionKey
    ? hmac(await installationKey(db, "email-link-key"), `${submissionKey}|${email}`)
    : randomBytes(32).toString("base64url");
  await db
    .insert(emailLinkRequests)
    .values({
      pendingHash: hashSecret(pendingSecret),
      email,
      locale,
      requestedAt: now,
      expiresAt: new Date(now.getTime() + LIFETIME_MS),
    })
    .onConflictDoNothing();
  return { pendingSecret };
}

/**
 * The worker's job (`auth.send-sign-in-links`): claims the requests not handled yet and mails a link
 * and code to each active person with the address. Returns how many emails it queued.
 */
export async function sendRequestedSignInLinks(db: Db, publicUrl: string, now: Date): Promise<number> {
  // Claimed by stamping: two workers never handle the same request.
  const claimed = await db
    .update(emailLinkRequests)
    .set({ handledAt: now })
    .where(and(isNull(emailLinkRequests.handledAt), gt(emailLinkRequests.expiresAt, now)))
    .returning();
  let queued = 0;
  for (const request of claimed) queued += await mailSignInLink(db, request, publicUrl, now);
  // Requests are personal data with no use after they expire: a day later they are gone.
  await db.delete(emailLinkRequests).where(lt(emailLinkRequests.expiresAt, new Date(now.getTime() - DAY_MS)));
  return queued;
}

async function mailSignInLink(
  db: Db,
  request: typeof emailLinkRequests.$inferSelect,
  publicUrl: string,
  now: Date,
): Promise<number> {
  // Tenant-less on purpose: nobody is known yet; each match continues in its own organisation.
  const matches = await db
    .select({
      organisationId: persons.organisationId,
      id: persons.id,
      name: persons.name,
      locale: persons.locale,
    })
    .from(persons)
    .where(and(eq(persons.email, request.email), inArray(persons.status, CAN_SIGN_IN)));
  let queued = 0;
  for (const person of matches) {
    const sent = await new Tenant(db, person.organisationId).transaction(async (tenant) => {
      if ((await recentLinkCount(tenant, person.id, now)) >= EMAILS_PER_WINDOW) return false;
      const { token, hash } = newSecret();
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      await tenant.db.insert(signInLinks).values(
        tenant.row({
          tokenHash: hash,
          codeHash: codeHash(request.id, code),
          requestId: request.id,
          personId: person.id,
          createdAt: now,
          expiresAt: request.expiresAt,
        }),
      );
      const fallback = isLocale(request.locale) ? request.locale : "nl";
      await enqueueEmail(tenant, request.email, isLocale(person.locale) ? person.locale : fallback, {
        template: "sign-in-link",
        params: {
          name: person.name,
          link: `${publicUrl}/sign-in/link#token=${token}`,
          code: `${code.slice(0, 3)} ${code.slice(3)}`,
          minutes: EMAIL_LINK_MINUTES,
        },
      });
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}

async function recentLinkCount(tenant: Tenant, personId: string, now: Date): Promise<number> {
  const [row] = await tenant
    .select(
      signInLinks,
      { count: sql<number>`count(*)::int` },
      eq(signInLinks.personId, personId),
      gte(signInLinks.createdAt, new Date(now.getTime() - LIFETIME_MS)),
    )
    .limit(1);
  return Number(row?.count ?? 0);
}

interface SignInContext {
  now: Date;
  userAgent: string | null;
  /** Whether the organisation lets this person in without its single sign-on (it may require SSO). */
  passwordAllowed?: PasswordGate;
}

/** A usable link row (unspent, unexpired, its person active), found by the given condition. */
async function findUsableLink(db: Db, now: Date, ...conditions: ReturnType<typeof eq>[]) {
  // Tenant-less on purpose (the secret names the organisation); the join keeps both keys.
  const [row] = await db
    .select({
      organisationId: signInLinks.organisationId,
      id: signInLinks.id,
      personId: signInLinks.personId,
    })
    .from(signInLinks)
    .innerJoin(
      persons,
      and(eq(persons.organisationId, signInLinks.organisationId), eq(persons.id, signInLinks.personId)),
    )
    .where(
      and(
        ...conditions,
        isNull(signInLinks.usedAt),
        gt(signInLinks.expiresAt, now),
        inArray(persons.status, CAN_SIGN_IN),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Spends the link (once: a conditional update) and starts a session, audited, in one transaction. */
async function spendAndSignIn(
  db: Db,
  link: { organisationId: string; id: string; personId: string },
  how: "link" | "code",
  { now, userAgent, passwordAllowed }: SignInContext,
): Promise<{ token: string }> {
  // A link is no way around required single sign-on, like a password or a reset link (decision 0023).
  if (passwordAllowed && !(await passwordAllowed(new Tenant(db, link.organisationId), link.personId)))
    throw new AppError("SSO_REQUIRED");
  return new Tenant(db, link.organisationId).transaction(async (tenant) => {
    const spent = await tenant.db
      .update(signInLinks)
      .set({ usedAt: now })
      .where(tenant.where(signInLinks, eq(signInLinks.id, link.id), isNull(signInLinks.usedAt)))
      .returning({ id: signInLinks.id });
    if (spent.length === 0) throw new AppError("TOKEN_INVALID");
    await activateOnFirstSignIn(tenant, link.personId, now);
    const token = await startSession(tenant, link.personId, now, userAgent, "email-link");
    await recordAudit(
      tenant,
      null,
      "person.signed-in-by-email",
      { type: "person", id: link.personId },
      { how },
    );
    return { token };
  });
}

/** Signs in with the link from the email: once, within 15 minutes, for an active person only. */
export async function redeemEmailLink(
  db: Db,
  { token, ...context }: SignInContext & { token: string },
): Promise<{ token: string }> {
  const link = await findUsableLink(db, context.now, eq(signInLinks.tokenHash, hashSecret(token)));
  if (!link) throw new AppError("TOKEN_INVALID");
  return spendAndSignIn(db, link, "link", context);
}

/**
 * Signs in with the code from the email, typed on the browser that asked (its pending cookie names the
 * request). Every try counts against the request first, for known and unknown addresses alike, so the
 * answers never tell them apart; after five wrong codes the request is spent.
 */
export async function redeemEmailCode(
  db: Db,
  {
    pendingSecret,
    email,
    code,
    ...context
  }: SignInContext & { pendingSecret: string | undefined; email: string; code: string },
): Promise<{ token: string }> {
  if (!pendingSecret) throw new AppError("SIGN_IN_REQUEST_GONE");
  const [request] = await db
    .update(emailLinkRequests)
    .set({ codeAttempts: sql`${emailLinkRequests.codeAttempts} + 1` })
    .where(
      and(
        eq(emailLinkRequests.pendingHash, hashSecret(pendingSecret)),
        eq(emailLinkRequests.email, email),
        gt(emailLinkRequests.expiresAt, context.now),
        lt(emailLinkRequests.codeAttempts, CODE_ATTEMPTS),
      ),
    )
    .returning({ id: emailLinkRequests.id, attempts: emailLinkRequests.codeAttempts });
  if (!request) throw new AppError("SIGN_IN_REQUEST_GONE");
  const link = await findUsableLink(
    db,
    context.now,
    eq(signInLinks.requestId, request.id),
    eq(signInLinks.codeHash, codeHash(request.id, code)),
  );
  if (!link) {
    const left = CODE_ATTEMPTS - request.attempts;
    if (left <= 0) throw new AppError("SIGN_IN_REQUEST_GONE");
    throw new AppError("SIGN_IN_CODE_WRONG", "code does not match", { left }, [
      { field: "code", code: "sign_in_code_wrong" },
    ]);
  }
  return spendAndSignIn(db, link, "code", context);
}

/** Which of the two ways the body asks for; a body with neither names the code as missing. */
export function redeemWith(
  db: Db,
  body: { token?: string | undefined; email?: string | undefined; code?: string | undefined },
  context: SignInContext & { pendingSecret: string | undefined },
): Promise<{ token: string }> {
  if (body.token) return redeemEmailLink(db, { token: body.token, ...context });
  if (!body.email) throw invalid("email", "required");
  if (!body.code) throw invalid("code", "required");
  return redeemEmailCode(db, { email: body.email, code: body.code, ...context });
}
