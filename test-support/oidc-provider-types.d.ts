/** oidc-provider ships no types: the parts the test identity provider uses. */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface KoaContextWithOIDC {
    path: string;
    body: unknown;
    type: string;
  }
  export interface Interaction {
    uid: string;
    params: Record<string, unknown>;
  }
  export interface Configuration {
    clients?: Record<string, unknown>[];
    adapter?: new (name: string) => unknown;
    ttl?: Record<string, number | (() => number)>;
    jwks?: { keys: Record<string, unknown>[] };
    claims?: Record<string, string[]>;
    features?: Record<string, unknown>;
    interactions?: { url: (ctx: KoaContextWithOIDC, interaction: Interaction) => string };
    findAccount?: (
      ctx: KoaContextWithOIDC,
      id: string,
    ) => { accountId: string; claims: () => Record<string, unknown> } | undefined;
    renderError?: (ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }) => void;
  }
  class Grant {
    constructor(options: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: typeof Grant;
    on(event: string, listener: (...args: unknown[]) => void): void;
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): void;
    callback(): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<Interaction>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
