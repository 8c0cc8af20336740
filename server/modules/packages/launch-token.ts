import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { installationKey } from "../../installation-secrets.ts";

/**
 * The launch token in a content address: which organisation's package may be read, until when. It is in
 * the path (not a cookie, which the content origin never gets), so the package's relative links carry
 * it. HMAC-SHA256 with an installation key kept in the database; no person is named in it.
 */
export interface LaunchPayload {
  /** organisation, package */
  o: string;
  p: string;
  /** expiry, seconds since the epoch */
  e: number;
}

/** Long enough for one sitting with a module (pages load from the token), short enough to be useless later. */
export const LAUNCH_LIFETIME_SECONDS = 4 * 3600;

export const launchKey = (db: Db): Promise<Buffer> => installationKey(db, "content-launch-key");

/** 128 bits of HMAC-SHA256 are plenty for a token that lives hours; the address stays under the router's 100-character limit. */
const mac = (key: Buffer, body: Buffer) => createHmac("sha256", key).update(body).digest().subarray(0, 16);

const uuidBytes = (id: string) => Buffer.from(id.replaceAll("-", ""), "hex");
const uuidOf = (bytes: Buffer) =>
  bytes.toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

/** Organisation (16 bytes), package (16), expiry (4), then the MAC (16): 70 characters of base64url. */
export function signLaunch(key: Buffer, payload: LaunchPayload): string {
  const body = Buffer.alloc(36);
  uuidBytes(payload.o).copy(body, 0);
  uuidBytes(payload.p).copy(body, 16);
  body.writeUInt32BE(payload.e, 32);
  return Buffer.concat([body, mac(key, body)]).toString("base64url");
}

/** The payload when the signature is right and the token has not expired; otherwise null. */
export function readLaunch(key: Buffer, token: string, now: Date): LaunchPayload | null {
  if (!/^[A-Za-z0-9_-]{70}$/.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== 52) return null;
  const body = bytes.subarray(0, 36);
  if (!timingSafeEqual(mac(key, body), bytes.subarray(36))) return null;
  const e = body.readUInt32BE(32);
  if (e * 1000 < now.getTime()) return null;
  return { o: uuidOf(body.subarray(0, 16)), p: uuidOf(body.subarray(16, 32)), e };
}

/** A file's address under the token: its path segments encoded, its parameters (from the manifest) kept. */
export function contentAddress(token: string, href: string): string {
  const at = href.search(/[?#]/);
  const [file, rest] = at < 0 ? [href, ""] : [href.slice(0, at), href.slice(at)];
  return `/content/${token}/${file.split("/").map(encodeURIComponent).join("/")}${rest}`;
}
