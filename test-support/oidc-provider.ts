import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID provider (oidc-provider, OpenID-certified) on 127.0.0.1 and a free port, for the
 * integration tests and the browser journeys. Its sign-in page is a plain form asking which account
 * signs in (the accounts and their claims are the test's); consent is given with the sign-in.
 *
 * `tamperIdToken` re-signs the ID token the token endpoint hands out, with the provider's own key, after
 * changing its claims: a correctly signed token for the wrong audience or issuer, as a misconfigured
 * or hostile provider might send.
 */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Account id → the claims the provider vouches for (`email`, `email_verified`, `name`, …). */
  accounts: Map<string, Record<string, unknown>>;
  tamperIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  /** How long an authorization code stays valid (a test of an expired code makes it short). */
  codeTtlSeconds: number;
  close(): Promise<void>;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

function resign(
  idToken: string,
  key: KeyObject,
  change: (claims: Record<string, unknown>) => Record<string, unknown>,
) {
  const [header, payload] = idToken.split(".");
  const claims = change(
    JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>,
  );
  const input = `${header}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(sign("RSA-SHA256", Buffer.from(input), key))}`;
}

/**
 * The provider's storage, in memory for the test's life (the provider's own in-memory store warns
 * on every start that it is for development only).
 */
class MemoryAdapter {
  private static store = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  private readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  private key(id: string) {
    return `${this.name}:${id}`;
  }
  async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
    MemoryAdapter.store.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
  }
  async find(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  }
  async findByUid(uid: string) {
    for (const [key, entry] of MemoryAdapter.store)
      if (key.startsWith(`${this.name}:`) && entry.payload.uid === uid) return entry.payload;
    return undefined;
  }
  async findByUserCode() {
    return undefined;
  }
  async consume(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const [key, entry] of MemoryAdapter.store)
      if (entry.payload.grantId === grantId) MemoryAdapter.store.delete(key);
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, accounts: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="account">Account</label>
<input id="account" name="account" autocomplete="username" list="known">
<datalist id="known">${accounts.map((a) => `<option value="${escapeHtml(a)}">`).join("")}</datalist>
<button type="submit">Sign in at the provider</button>
</form></main></body></html>`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Starts the provider; `redirectUri` is Beklijf's callback address the client is registered with. */
export async function startTestIdentityProvider({
  redirectUri,
  accounts = {},
}: {
  redirectUri: string;
  accounts?: Record<string, Record<string, unknown>>;
}): Promise<TestIdentityProvider> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: TestIdentityProvider = {
    issuer,
    clientId: "beklijf-test",
    clientSecret: "test-client-secret-0123456789abcdef",
    accounts: new Map(Object.entries(accounts)),
    tamperIdToken: null,
    codeTtlSeconds: 60,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const configuration: Configuration = {
    clients: [
      {
        client_id: state.clientId,
        client_secret: state.clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    adapter: MemoryAdapter,
    // Fixed lifetimes: the provider's defaults print a notice on every use.
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: () => state.codeTtlSeconds,
    },
    jwks: { keys: [jwk as never] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const claims = state.accounts.get(id);
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
    // Quiet: a refused request is what some tests are about, not noise for the test output.
    renderError: (ctx, out) => {
      ctx.type = "text/plain";
      ctx.body = `${out.error}: ${out.error_description ?? ""}`;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.on("server_error", () => {});
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && state.tamperIdToken && body?.id_token)
      ctx.body = { ...body, id_token: resign(body.id_token, privateKey, state.tamperIdToken) };
  });

  async function interaction(request: IncomingMessage, response: ServerResponse) {
    const details = await provider.interactionDetails(request, response);
    if (request.method === "GET") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(loginPage(details.uid, [...state.accounts.keys()]));
      return;
    }
    const accountId = (await readForm(request)).get("account") ?? "";
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const callback = provider.callback();
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith("/interaction/")) {
      interaction(request, response).catch(() => {
        response.writeHead(400).end("interaction failed");
      });
      return;
    }
    void callback(request, response);
  });
  return state;
}
