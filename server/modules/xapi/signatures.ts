import { X509Certificate, createPublicKey, verify } from "node:crypto";
import { type JsonObject, canonicalJson, isObject } from "./formats.ts";
import { invalid } from "./xapi-errors.ts";

/** xAPI signed statements (Data 2.6): a JWS (RFC 7515, compact) as an attachment of this usage type. */
export const SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

const ALGORITHMS: Record<string, string> = { RS256: "sha256", RS384: "sha384", RS512: "sha512" };

function decodeJson(part: string, what: string): JsonObject {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    if (isObject(value)) return value;
  } catch {
    // fall through to the refusal below
  }
  throw invalid(`the signature's ${what} is not a JSON object`);
}

/** Durations compare to the hundredth of a second (xAPI 2.0, 4.2.7): finer digits are dropped. */
function withHundredths(statement: JsonObject): JsonObject {
  const result = statement.result;
  if (!isObject(result) || typeof result.duration !== "string") return statement;
  const duration = result.duration
    .replace(/(\d+)\.(\d{1,2})\d*S$/, "$1.$2S")
    .replace(/\.0+S$|(\.\d*?)0+S$/, "$1S");
  return { ...statement, result: { ...result, duration } };
}

/** The statement as it was before it was signed: the signature attachment and LRS-set fields left out. */
function signedPart(statement: JsonObject): string {
  const { attachments, authority: _a, stored: _s, version: _v, ...rest } = statement;
  const others = Array.isArray(attachments)
    ? attachments.filter((a) => !isObject(a) || a.usageType !== SIGNATURE_USAGE)
    : [];
  return canonicalJson(withHundredths(others.length ? { ...rest, attachments: others } : rest));
}

/**
 * Checks a signed statement: the signature part is a compact JWS with RS256/384/512, its payload is
 * this statement, and when the header carries a certificate (x5c) the signature verifies against it.
 * Without a certificate the LRS cannot know the key, so it keeps the signature for the reader to check.
 */
export function checkSignature(statement: JsonObject, parts: { sha2: string; content: Buffer }[]): void {
  const list = Array.isArray(statement.attachments) ? statement.attachments : [];
  const signature = list.find((a) => isObject(a) && a.usageType === SIGNATURE_USAGE) as
    JsonObject | undefined;
  if (!signature) return;
  if (signature.contentType !== "application/octet-stream")
    throw invalid("a signature must be sent as application/octet-stream");
  const part = parts.find((p) => p.sha2 === signature.sha2);
  if (!part) throw invalid("the signature was not sent");
  const segments = part.content.toString("utf8").trim().split(".");
  if (segments.length !== 3) throw invalid("the signature is not a compact JWS");
  const [header64 = "", payload64 = "", signature64 = ""] = segments;
  const header = decodeJson(header64, "header");
  const hash = ALGORITHMS[String(header.alg)];
  if (!hash) throw invalid("a signature must use RS256, RS384 or RS512");
  const payload = decodeJson(payload64, "payload");
  const { id: payloadId, ...payloadRest } = payload;
  const { id, ...statementRest } = statement;
  if (payloadId !== undefined && String(payloadId).toLowerCase() !== String(id).toLowerCase())
    throw invalid("the signed payload is another statement");
  if (signedPart(payloadRest) !== signedPart(statementRest))
    throw invalid("the signed payload differs from the statement");
  verifyWithCertificate(header, `${header64}.${payload64}`, signature64, hash);
}

function verifyWithCertificate(header: JsonObject, signed: string, signature64: string, hash: string): void {
  const chain = header.x5c;
  if (!Array.isArray(chain) || typeof chain[0] !== "string") return;
  let key;
  try {
    key = createPublicKey(
      new X509Certificate(Buffer.from(chain[0], "base64")).publicKey.export({ format: "pem", type: "spki" }),
    );
  } catch {
    throw invalid("the signature's certificate cannot be read");
  }
  if (!verify(hash, Buffer.from(signed), key, Buffer.from(signature64, "base64url")))
    throw invalid("the signature does not verify");
}
