import { eq } from "drizzle-orm";
import { persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/**
 * Who may sign in with an email link or a card: active people, and invited people who have not chosen
 * a password (an installer added by the coordinator may never need one). Deactivated people never.
 */
export const CAN_SIGN_IN: ("active" | "invited")[] = ["active", "invited"];

/**
 * An invited person who signs in with an emailed link proved the address, and one with a card got it
 * from the coordinator in person: either is as good as accepting the invitation, so they become active
 * (sessions only resolve for active people).
 */
export async function activateOnFirstSignIn(tenant: Tenant, personId: string, now: Date): Promise<void> {
  await tenant.db
    .update(persons)
    .set({ status: "active", updatedAt: now })
    .where(tenant.where(persons, eq(persons.id, personId), eq(persons.status, "invited")));
}
