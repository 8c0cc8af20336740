import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { installationKey } from "../../installation-secrets.ts";

/**
 * Device cookies (OWASP's answer to account lockout as a denial of service): after a successful sign-in
 * the browser gets a signed cookie naming the account. While an account is slowed down by failed
 * attempts from elsewhere, a browser that carries its cookie still signs in with the right password, so
 * an attacker cannot lock the owner out of the devices they already use.
 *
 * The cookie holds a random nonce, the address and an HMAC over both with an installation key kept in
 * the database (like the digest link key), so every process of one installation accepts it.
 */
export const DEVICE_COOKIE = "beklijf_device";
export const DEVICE_DAYS = 180;

export const deviceKey = (db: Db): Promise<Buffer> => installationKey(db, "device-cookie-key");

const mac = (key: Buffer, nonce: string, email: string) =>
  createHmac("sha256", key).update(`${nonce}|${email}`).digest("base64url");

/** A device cookie value for this address. */
export function issueDeviceToken(key: Buffer, email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${mac(key, nonce, email)}`;
}

/** Whether a device cookie was issued to a browser that signed in to this address. */
export function isTrustedDevice(key: Buffer, token: string | undefined, email: string): boolean {
  if (!token) return false;
  const [nonce, signature] = token.split(".");
  if (!nonce || !signature) return false;
  const expected = Buffer.from(mac(key, nonce, email));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
