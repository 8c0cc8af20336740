import { count, gt, max } from "drizzle-orm";
import type { z } from "zod";
import type {
  XapiForwardingTestView,
  XapiForwardingView,
  xapiForwardingBody,
} from "../../../common/schemas/xapi-forwarding.ts";
import { recordAudit } from "../../audit.ts";
import { type SecretSealer, SecretUnreadable } from "../../crypto/secrets.ts";
import { xapiForwarding, xapiStatements } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorizerFor } from "../../policy.ts";
import { checkAbout } from "./forwarding-http.ts";
import { credentialsContext } from "./forwarding.ts";

/** The coordinator's side of forwarding (decision 0035): the settings, their state, and a test. */

const authorize = authorizerFor({ "xapi-forwarding.manage": ["coordinator"] });

export interface ForwardingDeps {
  sealer: () => Promise<SecretSealer>;
  production: boolean;
}

type Settings = typeof xapiForwarding.$inferSelect;
type Body = z.output<typeof xapiForwardingBody>;

async function findSettings(tenant: Tenant): Promise<Settings | undefined> {
  const [row] = await tenant.selectRows(xapiForwarding);
  return row;
}

async function waitingCount(tenant: Tenant, settings: Settings): Promise<number> {
  if (!settings.enabled) return 0;
  const [row] = await tenant.select(
    xapiStatements,
    { waiting: count() },
    gt(xapiStatements.seq, settings.cursorSeq),
  );
  return row?.waiting ?? 0;
}

const problemView = (p: Settings["lastError"]) =>
  p ? { code: p.code, status: p.status ?? null, detail: p.detail ?? null, at: p.at } : null;

/** Forwarding's settings and state as the coordinator sees them: never the key or the secret. */
export async function getForwarding(scope: Scope): Promise<XapiForwardingView> {
  authorize(scope.actor, "xapi-forwarding.manage");
  const settings = await findSettings(scope.tenant);
  if (!settings)
    return {
      configured: false,
      endpoint: null,
      enabled: false,
      lastForwardedAt: null,
      waiting: 0,
      nextAttemptAt: null,
      lastError: null,
      refusal: null,
    };
  return {
    configured: true,
    endpoint: settings.endpoint,
    enabled: settings.enabled,
    lastForwardedAt: settings.lastForwardedAt?.toISOString() ?? null,
    waiting: await waitingCount(scope.tenant, settings),
    nextAttemptAt: settings.nextAttemptAt?.toISOString() ?? null,
    lastError: problemView(settings.lastError),
    refusal: settings.refusal ? { ...problemView(settings.refusal)!, count: settings.refusal.count } : null,
  };
}

/** The newest statement now: switching forwarding on starts after it (what was stored before stays here). */
async function currentSeq(tenant: Tenant): Promise<number> {
  const [row] = await tenant.select(xapiStatements, { last: max(xapiStatements.seq) });
  return Number(row?.last ?? 0);
}

function checkCredentials(before: Settings | undefined, body: Body): void {
  if (body.lrsKey && !body.lrsSecret) throw invalid("lrsSecret", "required");
  if (body.lrsSecret && !body.lrsKey) throw invalid("lrsKey", "required");
  if (!before && !body.lrsKey) throw invalid("lrsKey", "required");
}

/**
 * Saves the settings. A new key and secret are sealed at once; empty keeps the stored pair. Switching
 * on starts after the newest statement stored. Saving clears a refusal and any backoff, so it is also
 * how a coordinator says "try again" after fixing what the external LRS refused.
 */
export async function saveForwarding(scope: Scope, deps: ForwardingDeps, body: Body): Promise<void> {
  const { tenant, actor, now } = scope;
  authorize(actor, "xapi-forwarding.manage");
  // The schema lets an LRS on this machine use plain HTTP for trying things out; production never.
  if (deps.production && new URL(body.endpoint).protocol !== "https:")
    throw invalid("endpoint", "https_required");
  const before = await findSettings(tenant);
  checkCredentials(before, body);
  const credentialsSealed = body.lrsKey
    ? (await deps.sealer()).seal(
        JSON.stringify({ key: body.lrsKey, secret: body.lrsSecret }),
        credentialsContext(tenant.organisationId),
      )
    : before!.credentialsSealed;
  const switchedOn = body.enabled && !before?.enabled;
  await tenant.transaction(async (tx) => {
    const values = {
      endpoint: body.endpoint,
      credentialsSealed,
      enabled: body.enabled,
      ...(switchedOn && { cursorSeq: await currentSeq(tx) }),
      failures: 0,
      nextAttemptAt: null,
      refusal: null,
      updatedAt: now,
    };
    await tx.db
      .insert(xapiForwarding)
      .values(tx.row(values))
      .onConflictDoUpdate({ target: xapiForwarding.organisationId, set: values });
    // The audit names what changed, never the key or the secret.
    await recordAudit(
      tx,
      actor,
      "xapi-forwarding.configured",
      { type: "xapi-forwarding" },
      { endpoint: body.endpoint, credentialsChanged: Boolean(body.lrsKey), enabled: body.enabled },
    );
  });
}

/** "Test connection": asks the external LRS's `/about` with the stored credentials. */
export async function testForwarding(scope: Scope, deps: ForwardingDeps): Promise<XapiForwardingTestView> {
  authorize(scope.actor, "xapi-forwarding.manage");
  const settings = await findSettings(scope.tenant);
  if (!settings) throw invalid("endpoint", "required");
  const at = scope.now.toISOString();
  let credentials: { key: string; secret: string };
  try {
    const sealer = await deps.sealer();
    credentials = JSON.parse(
      sealer.open(settings.credentialsSealed, credentialsContext(scope.tenant.organisationId)),
    ) as {
      key: string;
      secret: string;
    };
  } catch (error) {
    if (!(error instanceof SecretUnreadable)) throw error;
    return {
      ok: false,
      versions: [],
      problem: { code: "secret-unreadable", status: null, detail: null, at },
    };
  }
  const about = await checkAbout({ endpoint: settings.endpoint, ...credentials });
  if (about.ok) return { ok: true, versions: about.versions, problem: null };
  return {
    ok: false,
    versions: [],
    problem: { code: about.code, status: about.status, detail: about.detail, at },
  };
}
