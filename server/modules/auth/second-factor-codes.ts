import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/**
 * The codes behind the second factor (decision 0026), as pure functions: TOTP (RFC 6238: SHA-1, six
 * digits, 30 seconds, the parameters every authenticator app reads from a QR code) and recovery codes.
 */

const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed as it turned over. */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The TOTP generator for a secret, labelled as the app will list it ("Beklijf: name@company.nl"). */
export function totpOf(secret: string, account: string): TOTP {
  return new TOTP({
    issuer: "Beklijf",
    label: account,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/**
 * The time step a code is accepted for, or null. A step at or before `lastStep` is refused, so a code
 * seen over someone's shoulder (or sent twice) never works a second time.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const delta = totpOf(secret, "").validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / (PERIOD_SECONDS * 1000)) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** How many recovery codes a person gets at once. */
export const RECOVERY_CODE_COUNT = 10;
// 32 letters and digits without the look-alikes (l, o, 0, 1): 16 of them are 80 random bits, too many
// to guess from a leaked SHA-256, so a plain hash suffices.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** A recovery code as stored and compared: 16 characters, no dashes. */
export function newRecoveryCode(): string {
  return [...randomBytes(16)].map((byte) => ALPHABET[byte & 31]).join("");
}

/** As printed for the person: four groups of four. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}
