import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { installationKey } from "../../installation-secrets.ts";

/**
 * One-click links for managers who never sign in: a small signed payload naming one action for one
 * person, valid for a limited time. HMAC-SHA256 with an installation key kept in the database.
 */
export type LinkAction = "talked" | "confirm";

export interface LinkPayload {
  /** organisation, manager, learner */
  o: string;
  m: string;
  p: string;
  a: LinkAction;
  /** the application to confirm (for "confirm") */
  x?: string;
  /** expiry, seconds since the epoch */
  e: number;
  /** 1 for a link in the in-app preview: it reads what it would record, and records nothing. */
  v?: 1;
}

export const signingKey = (db: Db): Promise<Buffer> => installationKey(db, "link-signing-key");

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest("base64url");

export function signLink(key: Buffer, payload: LinkPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(key, body)}`;
}

/** The payload when the signature is right and the link has not expired; otherwise null. */
export function readLink(key: Buffer, token: string, now: Date): LinkPayload | null {
  const [body, signature] = token.split(".");
  if (!body || !signature) return null;
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let payload: LinkPayload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as LinkPayload;
  } catch {
    return null;
  }
  if (typeof payload.e !== "number" || payload.e * 1000 < now.getTime()) return null;
  if (payload.a !== "talked" && payload.a !== "confirm") return null;
  if (payload.v !== undefined && payload.v !== 1) return null;
  return payload;
}

/** The key under which a link's use is recorded: a hash, so the table holds no usable link. */
export function hashLink(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
