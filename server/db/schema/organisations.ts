import { boolean, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, instant, organisationIdColumn, tenantKeyColumn } from "./columns.ts";
import { personReference, tenantPrimaryKey, tenantReference } from "./tenant-keys.ts";

/** The tenant. Everything else hangs off an organisation. */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  defaultLocale: text("default_locale").notNull().default("nl"),
  anonymityThreshold: integer("anonymity_threshold").notNull().default(5),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: createdAtColumn().defaultNow(),
});

export const persons = pgTable(
  "persons",
  {
    organisationId: organisationIdColumn(),
    id: idColumn(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    locale: text("locale"),
    timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
    passwordHash: text("password_hash"),
    status: text("status", { enum: ["invited", "active", "deactivated"] })
      .notNull()
      .default("invited"),
    employeeNumber: text("employee_number"),
    /** Set when the person's data was erased (GDPR): the row stays as an anonymous placeholder. */
    erasedAt: instant("erased_at"),
    createdAt: createdAtColumn().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    unique("persons_org_email_unique").on(t.organisationId, t.email),
    index("persons_email_idx").on(t.email),
  ],
);

export const personRoles = pgTable(
  "person_roles",
  {
    organisationId: tenantKeyColumn(),
    personId: uuid("person_id").notNull(),
    role: text("role", { enum: ["coordinator", "designer", "manager", "learner", "coach"] }).notNull(),
  },
  (t) => [tenantPrimaryKey(t, t.personId, t.role), personReference(t)],
);

export const teams = pgTable(
  "teams",
  {
    organisationId: organisationIdColumn(),
    id: idColumn(),
    name: text("name").notNull(),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [tenantPrimaryKey(t), unique("teams_org_name_unique").on(t.organisationId, t.name)],
);

/** A person's place in a team: a member, or one of its managers. */
export const teamMemberships = pgTable(
  "team_memberships",
  {
    organisationId: tenantKeyColumn(),
    teamId: uuid("team_id").notNull(),
    personId: uuid("person_id").notNull(),
    isManager: boolean("is_manager").notNull().default(false),
  },
  (t) => [
    tenantPrimaryKey(t, t.teamId, t.personId),
    index("team_memberships_person_idx").on(t.organisationId, t.personId),
    tenantReference(t, t.teamId, teams).onDelete("cascade"),
    personReference(t),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    organisationId: organisationIdColumn(),
    id: idColumn(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: createdAtColumn().defaultNow(),
  },
  (t) => [tenantPrimaryKey(t), index("audit_events_at_idx").on(t.organisationId, t.at)],
);
