import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { installationKey } from "../installation-secrets.ts";

/**
 * Sealing secrets that Beklijf must read back later (an organisation's single sign-on client secret,
 * later an AI provider's key): AES-256-GCM, a fresh 96-bit nonce per seal, and the secret's place as
 * additional authenticated data, so a sealed value copied to another row or organisation does not open.
 *
 * The key is `SECRETS_KEY` when the installation sets it, else a key made on first use and kept in
 * `installation_secrets` (decision 0023). A sealed value names which key sealed it (a short fingerprint),
 * so a value sealed under the database key and opened after `SECRETS_KEY` was set fails clearly instead of
 * as a garbled secret.
 *
 * Format: `v1.<key fingerprint>.<nonce>.<ciphertext>.<tag>`, each part base64url.
 */
export interface SecretSealer {
  /** Seals `plain` for the place `context` names (e.g. `sso-client-secret:<organisation id>`). */
  seal(plain: string, context: string): string;
  /** Opens a sealed value for the same `context`; throws `SecretUnreadable` otherwise. */
  open(sealed: string, context: string): string;
}

/** A sealed value that this key cannot open: another key, another place, or tampered with. */
export class SecretUnreadable extends Error {
  constructor(reason: string) {
    super(`sealed secret unreadable: ${reason}`);
    this.name = "SecretUnreadable";
  }
}

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const NONCE_BYTES = 12;

const fingerprintOf = (key: Buffer) => createHash("sha256").update(key).digest("base64url").slice(0, 8);

/** A sealer over a 32-byte key. */
export function sealerWithKey(key: Buffer): SecretSealer {
  if (key.length !== 32) throw new RangeError("a sealing key has 32 bytes");
  const fingerprint = fingerprintOf(key);
  return {
    seal(plain, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, nonce);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const parts = [nonce, body, cipher.getAuthTag()].map((part) => part.toString("base64url"));
      return [VERSION, fingerprint, ...parts].join(".");
    },
    open(sealed, context) {
      const [version, keyPrint, nonce, body, tag] = sealed.split(".");
      if (version !== VERSION || nonce === undefined || body === undefined || tag === undefined)
        throw new SecretUnreadable("not a sealed value");
      if (keyPrint !== fingerprint) throw new SecretUnreadable("sealed with another key");
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(nonce, "base64url"));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new SecretUnreadable("authentication failed");
      }
    },
  };
}

/** The installation's sealer: `SECRETS_KEY` when configured, else the key kept in the database. */
export async function secretSealer(db: Db, configuredKey: Buffer | null): Promise<SecretSealer> {
  return sealerWithKey(configuredKey ?? (await installationKey(db, "secret-sealing-key")));
}
