import { eq } from "drizzle-orm";
import { cmi5Registrations, cmi5Sessions, packageAttempts } from "../../db/schema/index.ts";
import { columnsOf, type Tenant } from "../../db/tenant.ts";

/** The learner's package attempts for a GDPR export: the CMI data as the package committed it. */
export async function collectPackageData(tenant: Tenant, personId: string) {
  return tenant.select(
    packageAttempts,
    columnsOf(
      packageAttempts,
      "cohortId",
      "activityId",
      "unitId",
      "completion",
      "success",
      "score",
      "location",
      "suspendData",
      "totalSeconds",
      "cmi",
      "startedAt",
      "updatedAt",
      "finishedAt",
    ),
    eq(packageAttempts.personId, personId),
  );
}

/** The learner's cmi5 registrations and their sessions (no tokens) for a GDPR export. */
export async function collectCmi5Data(tenant: Tenant, personId: string) {
  return {
    registrations: await tenant.select(
      cmi5Registrations,
      columnsOf(cmi5Registrations, "cohortId", "activityId", "registration", "createdAt", "satisfiedAt"),
      eq(cmi5Registrations.personId, personId),
    ),
    sessions: await tenant.select(
      cmi5Sessions,
      columnsOf(
        cmi5Sessions,
        "id",
        "registration",
        "auId",
        "launchMode",
        "launchedAt",
        "terminatedAt",
        "abandonedAt",
      ),
      eq(cmi5Sessions.personId, personId),
    ),
  };
}

/**
 * Erasure: what the package stored in the learner's words or state (the CMI tree with interaction
 * responses, suspend data, location) goes; status, score and time stay under the anonymous placeholder,
 * as test scores do, so group figures stay true.
 */
export async function erasePackageData(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db
    .update(packageAttempts)
    .set({ cmi: {}, location: null, suspendData: null })
    .where(tenant.where(packageAttempts, eq(packageAttempts.personId, personId)));
  // cmi5 sessions say when the person played what; registrations (satisfied or not) stay, like scores.
  await tenant.db.delete(cmi5Sessions).where(tenant.where(cmi5Sessions, eq(cmi5Sessions.personId, personId)));
}
