import { and, eq, gt } from "drizzle-orm";
import { rememberedDevices } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import { endSession, startSession } from "./sessions.ts";
import { pendingSession, type SecondFactorStep } from "./second-factor-step.ts";
import { hashSecret, newSecret } from "./tokens.ts";

/** The cookie of a remembered device: only sent to the second-factor routes that read it. */
export const REMEMBERED_DEVICE_COOKIE = "beklijf_remembered";
export const REMEMBERED_DEVICE_PATH = "/api/auth/second-factor";
/** How long "remember this device" lasts: a month of sign-ins on one's own laptop without a factor. */
export const REMEMBERED_DEVICE_DAYS = 30;

/** A full session that replaced the one that owed a step, and the remembered-device cookie if asked. */
export interface SettledSession {
  sessionToken: string;
  deviceToken: string | null;
}

/**
 * Settles what the session owed: the half session ends and a new full one starts (a new id and token,
 * as on any rise in what a session may do), the same way in as the half one. Run inside the
 * transaction that checked the factor.
 */
export async function settleSession(
  tx: Tenant,
  scope: Pick<Scope, "actor" | "now">,
  { step, rememberDevice = false }: { step: SecondFactorStep; rememberDevice?: boolean },
): Promise<SettledSession> {
  const { actor, now } = scope;
  const pending = await pendingSession(tx, actor.sessionId, step);
  await endSession(tx, actor.sessionId);
  const sessionToken = await startSession(
    tx,
    actor.personId,
    now,
    pending.userAgent,
    pending.method ?? "password",
    null,
  );
  const deviceToken = rememberDevice
    ? await rememberThisDevice(tx, actor.personId, pending.userAgent, now)
    : null;
  return { sessionToken, deviceToken };
}

async function rememberThisDevice(tx: Tenant, personId: string, userAgent: string | null, now: Date) {
  const { token, hash } = newSecret();
  await tx.db.insert(rememberedDevices).values(
    tx.row({
      personId,
      tokenHash: hash,
      userAgent,
      createdAt: now,
      expiresAt: new Date(now.getTime() + REMEMBERED_DEVICE_DAYS * 86_400_000),
    }),
  );
  return token;
}

/** Whether this browser's remembered-device cookie is a live one of this person. */
export async function isRememberedDevice(
  tenant: Tenant,
  personId: string,
  token: string | undefined,
  now: Date,
): Promise<boolean> {
  if (!token) return false;
  const [row] = await tenant.select(
    rememberedDevices,
    { id: rememberedDevices.id },
    and(
      eq(rememberedDevices.tokenHash, hashSecret(token)),
      eq(rememberedDevices.personId, personId),
      gt(rememberedDevices.expiresAt, now),
    ),
  );
  return Boolean(row);
}
