import { eq } from "drizzle-orm";
import type { SsoFailureReason } from "../../../common/schemas/sso.ts";
import { recordAudit } from "../../audit.ts";
import { SecretUnreadable } from "../../crypto/secrets.ts";
import type { Db } from "../../db/client.ts";
import { ssoConfigurations, ssoDomains } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import { endSession, startSession } from "../auth/index.ts";
import { matchAccount } from "./accounts.ts";
import { organisationBySlug } from "./direct-start.ts";
import { domainOf, trustedEmail } from "./claims.ts";
import {
  findConfiguration,
  recordTestResult,
  redirectUriOf,
  secretContext,
  type SsoConfiguration,
  type SsoDeps,
} from "./configuration.service.ts";
import { openFlow, sealFlow, type FlowState } from "./flow-state.ts";
import {
  beginSignIn,
  connect,
  describeProviderFailure,
  finishSignIn,
  type ProviderFailure,
} from "./provider.ts";
import { authorize } from "./sso.policy.ts";

/** Where the browser goes next, and the flow cookie to set (a start) or clear (a callback). */
export type StartAnswer = { redirectTo: string; flowCookie: string | null };

/** Opens the stored secret and discovers the provider. */
async function providerFor(deps: SsoDeps, configuration: SsoConfiguration) {
  const sealer = await deps.sealer();
  const clientSecret = sealer.open(
    configuration.clientSecretSealed,
    secretContext(configuration.organisationId),
  );
  return connect(
    { issuerUrl: configuration.issuerUrl, clientId: configuration.clientId, clientSecret },
    { production: deps.production },
  );
}

/** A secret sealed under another key (SECRETS_KEY set or changed later) reads as a provider refusal. */
function failureOf(error: unknown): ProviderFailure {
  if (error instanceof SecretUnreadable)
    return { kind: "provider-refused", detail: "client secret unreadable" };
  return describeProviderFailure(error);
}

async function begin(
  deps: SsoDeps,
  configuration: SsoConfiguration,
  flow: Pick<FlowState, "purpose" | "testerId">,
  now: Date,
  loginHint?: string,
): Promise<StartAnswer> {
  const provider = await providerFor(deps, configuration);
  const { url, checks } = await beginSignIn(provider, {
    redirectUri: redirectUriOf(deps.publicUrl),
    loginHint,
  });
  const sealer = await deps.sealer();
  const flowCookie = sealFlow(sealer, { organisationId: configuration.organisationId, ...flow }, checks, now);
  return { redirectTo: url, flowCookie };
}

const signInPage = (reason: SsoFailureReason) => `/sign-in?sso=${reason}`;

/**
 * Starts a sign-in from the address a person typed: its domain names the organisation whose provider
 * is switched on. The answer is the same redirect for an unknown domain and for a domain without
 * single sign-on, and says nothing about whether the address has an account.
 */
export async function startSignIn(
  db: Db,
  deps: SsoDeps,
  { email, now }: { email: string; now: Date },
): Promise<StartAnswer> {
  // Before anyone is known: the domain names the organisation (like the email lookup of a password sign-in).
  const [claim] = await db
    .select({ organisationId: ssoDomains.organisationId })
    .from(ssoDomains)
    .where(eq(ssoDomains.domain, domainOf(email)));
  const configuration = claim ? await findConfiguration(new Tenant(db, claim.organisationId)) : undefined;
  if (!configuration?.enabled) return { redirectTo: signInPage("unavailable"), flowCookie: null };
  try {
    return await begin(deps, configuration, { purpose: "sign-in", testerId: null }, now, email);
  } catch (error) {
    return {
      redirectTo: signInPage(failureOf(error).kind === "unreachable" ? "unreachable" : "failed"),
      flowCookie: null,
    };
  }
}

/**
 * Starts a sign-in from the organisation's own link (`/api/auth/oidc/{slug}/start`, for an intranet
 * page or a bookmark): no address typed, the provider asks for the account. An unknown slug goes back
 * to the sign-in page like an unknown domain does.
 */
export async function startSignInBySlug(
  db: Db,
  deps: SsoDeps,
  { slug, now }: { slug: string; now: Date },
): Promise<StartAnswer> {
  const organisationId = await organisationBySlug(db, slug);
  const configuration = organisationId ? await findConfiguration(new Tenant(db, organisationId)) : undefined;
  if (!configuration?.enabled) return { redirectTo: signInPage("unavailable"), flowCookie: null };
  try {
    return await begin(deps, configuration, { purpose: "sign-in", testerId: null }, now);
  } catch (error) {
    return {
      redirectTo: signInPage(failureOf(error).kind === "unreachable" ? "unreachable" : "failed"),
      flowCookie: null,
    };
  }
}

/**
 * A coordinator's test of the saved configuration (switched on or not): the same flow as a sign-in,
 * but it signs nobody in; it records what happened for the organisation page. A provider that cannot
 * even be discovered is recorded at once, and there is nowhere to go.
 */
export async function startTest(scope: Scope, deps: SsoDeps): Promise<StartAnswer | { redirectTo: null }> {
  const { tenant, actor, now } = scope;
  authorize(actor, "sso.manage");
  const configuration = await findConfiguration(tenant);
  if (!configuration) throw new AppError("SSO_NOT_CONFIGURED");
  try {
    return await begin(deps, configuration, { purpose: "test", testerId: actor.personId }, now);
  } catch (error) {
    const failure = failureOf(error);
    await recordTestResult(
      tenant,
      actor,
      { outcome: "failed", code: failure.kind, detail: failure.detail },
      now,
    );
    return { redirectTo: null };
  }
}

/** What the callback did: a session to set, or where to send the browser. */
export type CallbackAnswer = { redirectTo: string; sessionToken: string | null };

interface CallbackInput {
  callbackUrl: URL;
  flowCookie: string | undefined;
  /** Who is signed in on this browser (a test must come back to the coordinator who started it). */
  actor: Actor | null;
  now: Date;
  userAgent: string | null;
}

/**
 * The provider sends the browser back here. The flow cookie must be this browser's own and fresh;
 * openid-client checks state, PKCE, the token and its nonce; then the person is matched (`matchAccount`).
 */
export async function completeCallback(db: Db, deps: SsoDeps, input: CallbackInput): Promise<CallbackAnswer> {
  const flow = openFlow(await deps.sealer(), input.flowCookie, input.now);
  if (!flow) return { redirectTo: signInPage("expired"), sessionToken: null };
  const tenant = new Tenant(db, flow.organisationId);
  const configuration = await findConfiguration(tenant);
  if (flow.purpose === "test") return completeTest(tenant, deps, flow, configuration, input);
  if (!configuration?.enabled) return { redirectTo: signInPage("unavailable"), sessionToken: null };
  let claims;
  try {
    claims = await finishSignIn(await providerFor(deps, configuration), input.callbackUrl, flow);
  } catch (error) {
    const failure = failureOf(error);
    await recordAudit(tenant, null, "sso.sign-in-refused", { type: "sso-configuration" }, { ...failure });
    const reason = failure.kind === "unreachable" || failure.kind === "cancelled" ? failure.kind : "failed";
    return { redirectTo: signInPage(reason), sessionToken: null };
  }
  return tenant.transaction(async (tx) => {
    const match = await matchAccount(tx, configuration, claims, input.now);
    if (!match.matched) {
      await recordAudit(
        tx,
        null,
        "sso.sign-in-refused",
        { type: "sso-configuration" },
        { reason: match.reason },
      );
      return { redirectTo: signInPage(match.reason), sessionToken: null };
    }
    const sessionToken = await startSession(tx, match.personId, input.now, input.userAgent, "sso");
    // Signing in ends the session this browser had (rotation, as with a password).
    if (input.actor) await endSession(new Tenant(db, input.actor.organisationId), input.actor.sessionId);
    await recordAudit(tx, null, "sso.signed-in", { type: "person", id: match.personId }, { how: match.how });
    return { redirectTo: "/", sessionToken };
  });
}

const organisationPage = "/organisation?sso-test=done#sso";

/**
 * Records a test's outcome. A success also says what a real sign-in would do with that account (the
 * address and whether it would be trusted), so the coordinator learns about a missing claim before
 * anyone is turned away.
 */
async function completeTest(
  tenant: Tenant,
  deps: SsoDeps,
  flow: FlowState,
  configuration: SsoConfiguration | undefined,
  input: CallbackInput,
): Promise<CallbackAnswer> {
  const tester = input.actor;
  // Only the coordinator who started the test, still signed in on this browser, gets its result.
  if (
    !configuration ||
    !tester ||
    tester.personId !== flow.testerId ||
    tester.organisationId !== flow.organisationId
  )
    return { redirectTo: signInPage("expired"), sessionToken: null };
  try {
    const claims = await finishSignIn(await providerFor(deps, configuration), input.callbackUrl, flow);
    const verdict = trustedEmail(claims, configuration);
    const email = typeof claims.email === "string" ? claims.email : null;
    await recordTestResult(
      tenant,
      tester,
      verdict.trusted
        ? { outcome: "ok", code: "trusted", email: verdict.email }
        : { outcome: "ok", code: verdict.reason, email },
      input.now,
    );
  } catch (error) {
    const failure = failureOf(error);
    await recordTestResult(
      tenant,
      tester,
      { outcome: "failed", code: failure.kind, detail: failure.detail },
      input.now,
    );
  }
  return { redirectTo: organisationPage, sessionToken: null };
}

/** Whether password (or link) sign-in is still open to this person; see `isPasswordSignInAllowed`. */
export async function findPasswordRule(tenant: Tenant) {
  const [row] = await tenant.select(ssoConfigurations, {
    enabled: ssoConfigurations.enabled,
    requireSso: ssoConfigurations.requireSso,
    breakGlassPersonId: ssoConfigurations.breakGlassPersonId,
  });
  return row;
}
