import { randomBytes } from "node:crypto";
import type { Role } from "../common/roles.ts";
import type { Locale } from "../common/locales.ts";
import type { Db } from "../server/db/client.ts";
import { organisations, personRoles, persons, teamMemberships, teams } from "../server/db/schema/index.ts";
import { Tenant } from "../server/db/tenant.ts";
import { hashPassword } from "../server/modules/auth/passwords.ts";

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

const unique = () => randomBytes(4).toString("hex");

export async function buildOrganisation(db: Db, overrides: { name?: string; defaultLocale?: string } = {}) {
  const [org] = await db
    .insert(organisations)
    .values({ name: overrides.name ?? `Org ${unique()}`, defaultLocale: overrides.defaultLocale ?? "nl" })
    .returning();
  return org!;
}

export interface BuildPerson {
  organisationId: string;
  roles?: Role[];
  name?: string;
  email?: string;
  status?: "invited" | "active" | "deactivated";
  locale?: Locale | null;
  withPassword?: boolean;
}

export type Person = Awaited<ReturnType<typeof buildPerson>>;

export async function buildPerson(db: Db, options: BuildPerson) {
  const tenant = new Tenant(db, options.organisationId);
  const id = unique();
  const withPassword = options.withPassword ?? true;
  const [person] = await db
    .insert(persons)
    .values(
      tenant.row({
        name: options.name ?? `Person ${id}`,
        email: options.email ?? `person-${id}@example.test`,
        status: options.status ?? "active",
        locale: options.locale ?? null,
        passwordHash: withPassword ? await passwordHash() : null,
      }),
    )
    .returning();
  const roles = options.roles ?? ["learner"];
  await db.insert(personRoles).values(tenant.rows(roles.map((role) => ({ personId: person!.id, role }))));
  return person!;
}

export const buildCoordinator = (db: Db, organisationId: string, extra: Partial<BuildPerson> = {}) =>
  buildPerson(db, {
    organisationId,
    roles: ["coordinator", "designer", "manager", "learner", "coach"],
    ...extra,
  });

export const buildLearner = (db: Db, organisationId: string, extra: Partial<BuildPerson> = {}) =>
  buildPerson(db, { organisationId, roles: ["learner"], ...extra });

export async function buildTeam(
  db: Db,
  organisationId: string,
  options: { name?: string; managerIds?: string[]; memberIds?: string[] } = {},
) {
  const tenant = new Tenant(db, organisationId);
  const [team] = await db
    .insert(teams)
    .values(tenant.row({ name: options.name ?? `Team ${unique()}` }))
    .returning();
  const rows = [
    ...(options.managerIds ?? []).map((personId) => ({ teamId: team!.id, personId, isManager: true })),
    ...(options.memberIds ?? []).map((personId) => ({ teamId: team!.id, personId, isManager: false })),
  ];
  if (rows.length) await db.insert(teamMemberships).values(tenant.rows(rows));
  return team!;
}
