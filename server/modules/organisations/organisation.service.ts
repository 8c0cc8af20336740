import { eq } from "drizzle-orm";
import type { z } from "zod";
import { defaultLocale, isLocale, type Locale } from "../../../common/locales.ts";
import type { updateMeBody, updateOrganisationBody } from "../../../common/schemas/me.ts";
import { organisations, persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { recordAudit } from "../../audit.ts";
import { authorize } from "./organisations.policy.ts";

/** The organisation's row, with its default language checked (an unknown value reads as Dutch). */
export type Organisation = Omit<typeof organisations.$inferSelect, "defaultLocale"> & {
  defaultLocale: Locale;
};

/**
 * The one way to load the tenant's own organisation row (name, default language, time zone, anonymity
 * threshold). NOT_FOUND only if the organisation was removed under a live session.
 */
export async function organisationOf(tenant: Tenant): Promise<Organisation> {
  const [org] = await tenant.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  if (!org) throw notFound("organisation");
  return { ...org, defaultLocale: isLocale(org.defaultLocale) ? org.defaultLocale : defaultLocale };
}

/** Organisation settings: every signed-in person may read them (the web app shows the name). */
export async function getOrganisationSettings(scope: Scope): Promise<Organisation> {
  return organisationOf(scope.tenant);
}

export async function updateOrganisation(
  scope: Scope,
  patch: z.infer<typeof updateOrganisationBody>,
): Promise<Organisation> {
  const { tenant, actor } = scope;
  authorize(actor, "organisation.update");
  // Monday first: the stored week reads the same however the form sent it.
  const values = patch.workingDays
    ? { ...patch, workingDays: [...patch.workingDays].sort((a, b) => a - b) }
    : patch;
  await tenant.transaction(async (tx) => {
    if (Object.keys(values).length > 0) {
      await tx.db.update(organisations).set(values).where(eq(organisations.id, tx.organisationId));
    }
    await recordAudit(
      tx,
      actor,
      "organisation.updated",
      { type: "organisation", id: tx.organisationId },
      { fields: Object.keys(patch) },
    );
  });
  return organisationOf(tenant);
}

/** Anyone may change their own name, language and time zone. */
export async function updateMe(scope: Scope, patch: z.infer<typeof updateMeBody>): Promise<void> {
  const { tenant, actor, now } = scope;
  if (Object.keys(patch).length === 0) return;
  await tenant.db
    .update(persons)
    .set({ ...patch, updatedAt: now })
    .where(tenant.where(persons, eq(persons.id, actor.personId)));
}
