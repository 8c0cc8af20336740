import { asc, eq, isNotNull } from "drizzle-orm";
import { persons, secondFactorPolicies, secondFactors } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { recordAudit } from "../../audit.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import type { PersonSecondFactor, SecondFactorPolicy } from "../../../common/schemas/second-factor.ts";
import { authorize } from "./auth.policy.ts";
import { forgetEverything } from "./second-factor-profile.service.ts";
import { isSecondFactorRequired } from "./second-factor-step.ts";
import { recoveryCodesLeft } from "./second-factor.service.ts";
import { endAllSessions } from "./sessions.ts";

/** The coordinator's side of second factors (decision 0026): the rule, and the way back for a colleague. */

export async function getSecondFactorPolicy(scope: Scope): Promise<SecondFactorPolicy> {
  authorize(scope.actor, "second-factor.manage");
  return { requiredForStaff: await isSecondFactorRequired(scope.tenant) };
}

/**
 * Switches the requirement on or off. It takes effect at each coordinator's and designer's next sign-in
 * (they are led to set up a factor then); sessions already open stay as they are.
 */
export async function setSecondFactorPolicy(
  scope: Scope,
  { requiredForStaff }: SecondFactorPolicy,
): Promise<SecondFactorPolicy> {
  const { tenant, actor, now } = scope;
  authorize(actor, "second-factor.manage");
  await tenant.transaction(async (tx) => {
    await tx.db
      .insert(secondFactorPolicies)
      .values(tx.row({ requiredForStaff, updatedAt: now }))
      .onConflictDoUpdate({
        target: [secondFactorPolicies.organisationId],
        set: { requiredForStaff, updatedAt: now },
      });
    await recordAudit(
      tx,
      actor,
      "second-factor.policy",
      { type: "organisation", id: tx.organisationId },
      {
        requiredForStaff,
      },
    );
  });
  return { requiredForStaff };
}

async function assertPersonHere(tenant: Tenant, personId: string): Promise<void> {
  const [person] = await tenant.select(persons, { id: persons.id }, eq(persons.id, personId));
  if (!person) throw notFound("person");
}

/** Whether a colleague has a second factor (its kinds, never its secrets), for their page. */
export async function getPersonSecondFactor(
  scope: Scope,
  { personId }: { personId: string },
): Promise<PersonSecondFactor> {
  const { tenant, actor } = scope;
  authorize(actor, "second-factor.manage");
  await assertPersonHere(tenant, personId);
  const rows = await tenant
    .select(
      secondFactors,
      { kind: secondFactors.kind },
      eq(secondFactors.personId, personId),
      isNotNull(secondFactors.confirmedAt),
    )
    .orderBy(asc(secondFactors.kind));
  return {
    kinds: [...new Set(rows.map((row) => row.kind))],
    recoveryCodesLeft: await recoveryCodesLeft(tenant, personId),
  };
}

/**
 * The way back for a colleague who lost their factor and their recovery codes: another coordinator
 * removes all of it, after checking who asks (in person or by phone). The colleague is signed out
 * everywhere (a lost phone may be in someone's hands) and sets up a new factor at the next sign-in
 * where the organisation requires one. Audited; one's own factors are managed in the profile instead.
 */
export async function resetPersonSecondFactor(
  scope: Scope,
  { personId }: { personId: string },
): Promise<void> {
  const { tenant, actor } = scope;
  authorize(actor, "second-factor.manage");
  await assertPersonHere(tenant, personId);
  if (personId === actor.personId) throw new AppError("SECOND_FACTOR_OWN_RESET");
  await tenant.transaction(async (tx) => {
    await forgetEverything(tx, personId);
    await endAllSessions(tx, personId);
    await recordAudit(tx, actor, "second-factor.reset", { type: "person", id: personId });
  });
}

/** A person's second factors in their data export: kinds, names and dates, never a secret. */
export async function collectSecondFactors(tenant: Tenant, personId: string) {
  const rows = await tenant.select(
    secondFactors,
    {
      kind: secondFactors.kind,
      label: secondFactors.label,
      createdAt: secondFactors.createdAt,
      lastUsedAt: secondFactors.lastUsedAt,
    },
    eq(secondFactors.personId, personId),
    isNotNull(secondFactors.confirmedAt),
  );
  return rows.map((row) => ({
    kind: row.kind,
    label: row.label,
    addedAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Erasure: every factor, code, remembered device and challenge of the person goes. */
export async function eraseSecondFactors(tenant: Tenant, personId: string): Promise<void> {
  await forgetEverything(tenant, personId);
}
