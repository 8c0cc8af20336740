import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { personRoles, secondFactorPolicies, secondFactors, sessions } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import type { SignInMethod } from "./sessions.ts";

/** What a new session owes before it is a full session (decision 0026). */
export type SecondFactorStep = "verify" | "enrol";

/** The roles that see or shape other people's data: the organisation may require a factor of them. */
export const STAFF_ROLES = ["coordinator", "designer"] as const;

/** Whether the person has a second factor they have finished setting up. */
export async function hasSecondFactor(tenant: Tenant, personId: string): Promise<boolean> {
  const [row] = await tenant
    .select(
      secondFactors,
      { id: secondFactors.id },
      eq(secondFactors.personId, personId),
      isNotNull(secondFactors.confirmedAt),
    )
    .limit(1);
  return Boolean(row);
}

/** Whether the organisation requires a second factor of its coordinators and designers. */
export async function isSecondFactorRequired(tenant: Tenant): Promise<boolean> {
  const [policy] = await tenant.select(secondFactorPolicies, {
    required: secondFactorPolicies.requiredForStaff,
  });
  return policy?.required ?? false;
}

/** Whether the organisation's rule applies to this person (a coordinator or designer there). */
export async function isRequiredOf(tenant: Tenant, personId: string): Promise<boolean> {
  if (!(await isSecondFactorRequired(tenant))) return false;
  const [staff] = await tenant
    .select(
      personRoles,
      { role: personRoles.role },
      eq(personRoles.personId, personId),
      inArray(personRoles.role, [...STAFF_ROLES]),
    )
    .limit(1);
  return Boolean(staff);
}

/**
 * What a session starting now owes: a person with a factor proves it whatever their role (they chose
 * it); one without is led to set one up only where the organisation requires it of their role.
 */
export async function secondFactorOwed(tenant: Tenant, personId: string): Promise<SecondFactorStep | null> {
  if (await hasSecondFactor(tenant, personId)) return "verify";
  return (await isRequiredOf(tenant, personId)) ? "enrol" : null;
}

/**
 * The session that owes a step, read again inside the transaction that settles it: two tabs finishing
 * at once settle it once (the second finds the session gone).
 */
export async function pendingSession(
  tenant: Tenant,
  sessionId: string,
  step: SecondFactorStep,
): Promise<{ personId: string; method: SignInMethod | null; userAgent: string | null }> {
  const [row] = await tenant.select(
    sessions,
    { personId: sessions.personId, method: sessions.method, userAgent: sessions.userAgent },
    and(eq(sessions.id, sessionId), eq(sessions.secondFactor, step)),
  );
  if (!row) throw new AppError("SECOND_FACTOR_NOT_PENDING");
  return row;
}
