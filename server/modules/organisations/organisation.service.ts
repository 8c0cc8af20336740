import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { updateMeBody, updateOrganisationBody } from "../../../common/schemas/me.ts";
import { organisations, persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Actor } from "../../http/context.ts";
import { getOrganisation } from "./home.service.ts";
import { authorize } from "./organisations.policy.ts";
import { recordAudit } from "../../audit.ts";

export async function getOrganisationSettings(tenant: Tenant, _actor: Actor) {
  return getOrganisation(tenant);
}

export async function updateOrganisation(
  tenant: Tenant,
  actor: Actor,
  patch: z.infer<typeof updateOrganisationBody>,
) {
  authorize(actor, "organisation.update");
  await tenant.transaction(async (tx) => {
    if (Object.keys(patch).length > 0) {
      await tx.db.update(organisations).set(patch).where(eq(organisations.id, tx.organisationId));
    }
    await recordAudit(
      tx,
      actor,
      "organisation.updated",
      { type: "organisation", id: tx.organisationId },
      { fields: Object.keys(patch) },
    );
  });
  return getOrganisation(tenant);
}

/** Anyone may change their own name, language and time zone. */
export async function updateMe(
  tenant: Tenant,
  actor: Actor,
  patch: z.infer<typeof updateMeBody>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await tenant.db
    .update(persons)
    .set({ ...patch, updatedAt: new Date() })
    .where(tenant.where(persons, eq(persons.id, actor.personId)));
}
