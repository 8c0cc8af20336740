import type { Db } from "../client.ts";
import { organisations, personRoles, persons } from "../schema/index.ts";
import { Tenant } from "../tenant.ts";

export const STARTER_ORGANISATION = "Bakker Elektra";
export const STARTER_COORDINATOR = "start@demo.beklijf.nl";

/**
 * A second demo organisation that has only just begun: its office manager and nobody else, so the
 * coordinator's home shows the first steps (and a browser journey can watch them tick off).
 */
export async function createStarterOrganisation(db: Db, passwordHash: string): Promise<void> {
  const [org] = await db
    .insert(organisations)
    .values({ name: STARTER_ORGANISATION, defaultLocale: "nl" })
    .returning({ id: organisations.id });
  const tenant = new Tenant(db, org!.id);
  const [person] = await tenant.db
    .insert(persons)
    .values(
      tenant.row({
        name: "Ingrid Bakker",
        email: STARTER_COORDINATOR,
        status: "active" as const,
        passwordHash,
      }),
    )
    .returning({ id: persons.id });
  await tenant.db
    .insert(personRoles)
    .values(
      tenant.rows(
        ["coordinator" as const, "designer" as const].map((role) => ({ personId: person!.id, role })),
      ),
    );
}
