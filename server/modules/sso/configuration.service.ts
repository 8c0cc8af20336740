import { and, asc, eq, ne } from "drizzle-orm";
import { slugOf } from "../../../common/slug.ts";
import type { SsoConfigurationView } from "../../../common/schemas/sso.ts";
import type { ssoConfigurationBody } from "../../../common/schemas/sso.ts";
import type { z } from "zod";
import { recordAudit } from "../../audit.ts";
import { organisations, personRoles, persons, ssoConfigurations, ssoDomains } from "../../db/schema/index.ts";
import type { SsoTestResult } from "../../db/schema/sso.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import type { SecretSealer } from "../../crypto/secrets.ts";
import { authorize, changesConnection } from "./sso.policy.ts";

/** What the module is given by its routes: the sealer of secrets and where Beklijf is reached. */
export interface SsoDeps {
  sealer: () => Promise<SecretSealer>;
  publicUrl: string;
  production: boolean;
}

/** The address the provider sends people back to; the coordinator registers it at the provider. */
export const redirectUriOf = (publicUrl: string): string => `${publicUrl}/api/auth/oidc/callback`;

/** The sealed secret is bound to its organisation: copied to another one, it does not open. */
export const secretContext = (organisationId: string): string => `sso-client-secret:${organisationId}`;

export type SsoConfiguration = typeof ssoConfigurations.$inferSelect;

export async function findConfiguration(tenant: Tenant): Promise<SsoConfiguration | undefined> {
  const [row] = await tenant.selectRows(ssoConfigurations);
  return row;
}

async function activeCoordinators(tenant: Tenant) {
  return tenant.db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .innerJoin(personRoles, tenant.joinOn(personRoles, persons, eq(personRoles.personId, persons.id)))
    .where(tenant.where(persons, eq(persons.status, "active"), eq(personRoles.role, "coordinator")))
    .orderBy(asc(persons.name));
}

/** The organisation's sign-in as the coordinator sees it (never the secret). */
export async function getSsoConfiguration(scope: Scope, deps: SsoDeps): Promise<SsoConfigurationView> {
  authorize(scope.actor, "sso.manage");
  const row = await findConfiguration(scope.tenant);
  const [organisation] = await scope.tenant.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, scope.tenant.organisationId));
  return {
    redirectUri: redirectUriOf(deps.publicUrl),
    signInLink: `${deps.publicUrl}/api/auth/oidc/${slugOf(organisation?.name ?? "")}/start`,
    coordinators: await activeCoordinators(scope.tenant),
    configuration: row
      ? {
          issuerUrl: row.issuerUrl,
          oidcClientId: row.clientId,
          hasClientSecret: true,
          allowedDomains: row.allowedDomains,
          allowJustInTime: row.allowJustInTime,
          requireSso: row.requireSso,
          breakGlassPersonId: row.breakGlassPersonId,
          enabled: row.enabled,
          lastTest:
            row.testResult && row.testedAt
              ? {
                  outcome: row.testResult.outcome,
                  code: row.testResult.code,
                  detail: row.testResult.detail ?? null,
                  email: row.testResult.email ?? null,
                  testedAt: row.testedAt.toISOString(),
                }
              : null,
        }
      : null,
  };
}

type Body = z.output<typeof ssoConfigurationBody>;

/** Requiring single sign-on needs a named coordinator who can still use a password. */
async function checkBreakGlass(tenant: Tenant, body: Body): Promise<void> {
  if (body.requireSso && !body.breakGlassPersonId) throw invalid("breakGlassPersonId", "required");
  if (!body.breakGlassPersonId) return;
  const coordinators = await activeCoordinators(tenant);
  if (!coordinators.some((c) => c.id === body.breakGlassPersonId))
    throw invalid("breakGlassPersonId", "not_a_coordinator");
}

/** Claims the domains for this organisation; a domain another organisation holds is refused by name. */
async function claimDomains(tenant: Tenant, domains: readonly string[]): Promise<void> {
  for (const domain of domains) {
    const [other] = await tenant.db
      .select({ organisationId: ssoDomains.organisationId })
      .from(ssoDomains)
      // Across organisations on purpose: a domain belongs to one organisation on the installation.
      .where(and(eq(ssoDomains.domain, domain), ne(ssoDomains.organisationId, tenant.organisationId)));
    if (other) throw invalid("allowedDomains", "domain_taken", { domain });
  }
  await tenant.db.delete(ssoDomains).where(tenant.where(ssoDomains));
  await tenant.db
    .insert(ssoDomains)
    .values(tenant.rows(domains.map((domain) => ({ domain }))))
    .onConflictDoNothing();
  const claimed = await tenant.select(ssoDomains, { domain: ssoDomains.domain });
  const missing = domains.find((domain) => !claimed.some((row) => row.domain === domain));
  // Another organisation claimed it in the same moment.
  if (missing) throw invalid("allowedDomains", "domain_taken", { domain: missing });
}

/**
 * Saves the organisation's sign-in. The secret is sealed at once; an empty secret keeps the stored one.
 * A change of issuer, client or secret clears the last test and switches sign-in off until it passes a
 * new test, so a typo never locks people out.
 */
export async function saveSsoConfiguration(scope: Scope, deps: SsoDeps, body: Body): Promise<void> {
  const { tenant, actor, now } = scope;
  authorize(actor, "sso.manage");
  const before = await findConfiguration(tenant);
  if (!before && !body.oidcClientSecret) throw invalid("oidcClientSecret", "required");
  // The schema lets a provider on this machine use plain HTTP for trying things out; production never.
  if (deps.production && new URL(body.issuerUrl).protocol !== "https:")
    throw invalid("issuerUrl", "https_required");
  await checkBreakGlass(tenant, body);
  const domains = [...new Set(body.allowedDomains)];
  const sealed = body.oidcClientSecret
    ? (await deps.sealer()).seal(body.oidcClientSecret, secretContext(tenant.organisationId))
    : before!.clientSecretSealed;
  const retest = !before || changesConnection(before, body);
  const values = {
    issuerUrl: body.issuerUrl,
    clientId: body.oidcClientId,
    clientSecretSealed: sealed,
    allowedDomains: domains,
    allowJustInTime: body.allowJustInTime,
    requireSso: body.requireSso,
    breakGlassPersonId: body.breakGlassPersonId,
    updatedAt: now,
    ...(retest && { enabled: false, testedAt: null, testResult: null }),
  };
  await tenant.transaction(async (tx) => {
    await claimDomains(tx, domains);
    if (before) await tx.db.update(ssoConfigurations).set(values).where(tx.where(ssoConfigurations));
    else await tx.db.insert(ssoConfigurations).values(tx.row(values)).onConflictDoNothing();
    // The audit names what changed, never the secret.
    await recordAudit(
      tx,
      actor,
      "sso.configured",
      { type: "sso-configuration" },
      {
        issuerUrl: body.issuerUrl,
        clientId: body.oidcClientId,
        secretChanged: Boolean(body.oidcClientSecret),
        allowedDomains: domains,
        allowJustInTime: body.allowJustInTime,
        requireSso: body.requireSso,
        breakGlassPersonId: body.breakGlassPersonId,
        switchedOff: Boolean(before?.enabled && retest),
      },
    );
  });
}

/** Switches sign-in on (only after a successful test of the current connection) or off. */
export async function setSsoEnabled(scope: Scope, { enabled }: { enabled: boolean }): Promise<void> {
  const { tenant, actor, now } = scope;
  authorize(actor, "sso.manage");
  const row = await findConfiguration(tenant);
  if (!row) {
    if (!enabled) return;
    throw new AppError("SSO_NOT_CONFIGURED");
  }
  if (enabled && row.testResult?.outcome !== "ok") throw new AppError("SSO_NOT_TESTED");
  await tenant.transaction(async (tx) => {
    await tx.db.update(ssoConfigurations).set({ enabled, updatedAt: now }).where(tx.where(ssoConfigurations));
    await recordAudit(tx, actor, enabled ? "sso.enabled" : "sso.disabled", { type: "sso-configuration" });
  });
}

/** Removes the organisation's sign-in; people sign in with their password or a link again. */
export async function deleteSsoConfiguration(scope: Scope): Promise<void> {
  const { tenant, actor } = scope;
  authorize(actor, "sso.manage");
  await tenant.transaction(async (tx) => {
    const removed = await tx.db
      .delete(ssoConfigurations)
      .where(tx.where(ssoConfigurations))
      .returning({ id: ssoConfigurations.id });
    await tx.db.delete(ssoDomains).where(tx.where(ssoDomains));
    if (removed.length > 0) await recordAudit(tx, actor, "sso.removed", { type: "sso-configuration" });
  });
}

/** Stores what a test sign-in found, for the coordinator to read on the organisation page. */
export async function recordTestResult(
  tenant: Tenant,
  tester: Actor,
  result: SsoTestResult,
  now: Date,
): Promise<void> {
  await tenant.transaction(async (tx) => {
    await tx.db
      .update(ssoConfigurations)
      .set({ testedAt: now, testResult: result })
      .where(tx.where(ssoConfigurations));
    await recordAudit(
      tx,
      tester,
      "sso.tested",
      { type: "sso-configuration" },
      {
        outcome: result.outcome,
        code: result.code,
      },
    );
  });
}
