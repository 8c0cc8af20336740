import { eq } from "drizzle-orm";
import { packageAttempts } from "../../db/schema/index.ts";
import { columnsOf, type Tenant } from "../../db/tenant.ts";

/** The learner's package attempts for a GDPR export: the CMI data as the package committed it. */
export async function collectPackageData(tenant: Tenant, personId: string) {
  return tenant.select(
    packageAttempts,
    columnsOf(
      packageAttempts,
      "cohortId",
      "activityId",
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
}
