import { eq } from "drizzle-orm";
import { recordAudit } from "../../audit.ts";
import { persons, ssoIdentities } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "./sso.policy.ts";

/** The person's linked provider accounts, for their data export (GDPR art. 15). */
export async function collectSsoIdentities(tenant: Tenant, personId: string) {
  const rows = await tenant.select(
    ssoIdentities,
    { issuer: ssoIdentities.issuer, subject: ssoIdentities.subject, createdAt: ssoIdentities.createdAt },
    eq(ssoIdentities.personId, personId),
  );
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Forgets the person's links to provider accounts (erasure). */
export async function eraseSsoIdentities(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db
    .delete(ssoIdentities)
    .where(tenant.where(ssoIdentities, eq(ssoIdentities.personId, personId)));
}

async function assertPersonHere(tenant: Tenant, personId: string): Promise<void> {
  const [person] = await tenant.select(persons, { id: persons.id }, eq(persons.id, personId));
  if (!person) throw notFound("person");
}

/** The provider accounts that sign a person in, for the coordinator on the person's page. */
export async function listLinkedAccounts(scope: Scope, { personId }: { personId: string }) {
  authorize(scope.actor, "sso.manage");
  await assertPersonHere(scope.tenant, personId);
  const rows = await scope.tenant.select(
    ssoIdentities,
    {
      issuer: ssoIdentities.issuer,
      createdAt: ssoIdentities.createdAt,
      lastUsedAt: ssoIdentities.lastUsedAt,
    },
    eq(ssoIdentities.personId, personId),
  );
  return {
    accounts: rows.map((row) => ({
      issuer: row.issuer,
      linkedAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Unlinks a person's provider accounts: their next sign-in links whichever account the provider vouches
 * for with their address. For an address handed on to a new colleague (the "conflict" refusal), or an
 * account recreated at the provider.
 */
export async function unlinkAccounts(scope: Scope, { personId }: { personId: string }): Promise<void> {
  const { tenant, actor } = scope;
  authorize(actor, "sso.manage");
  await assertPersonHere(tenant, personId);
  await tenant.transaction(async (tx) => {
    const removed = await tx.db
      .delete(ssoIdentities)
      .where(tx.where(ssoIdentities, eq(ssoIdentities.personId, personId)))
      .returning({ issuer: ssoIdentities.issuer });
    if (removed.length > 0)
      await recordAudit(
        tx,
        actor,
        "sso.unlinked",
        { type: "person", id: personId },
        { accounts: removed.length },
      );
  });
}
