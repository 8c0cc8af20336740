import { boolean, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { countries, defaultWorkingDays } from "../../../common/working-week.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** The tenant. Everything else hangs off an organisation. */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  defaultLocale: text("default_locale").notNull().default("nl"),
  anonymityThreshold: integer("anonymity_threshold").notNull().default(5),
  isDemo: boolean("is_demo").notNull().default(false),
  /** Whose public holidays are days off (the schedule moves activities off them). */
  country: text("country", { enum: countries }).notNull().default("NL"),
  /** ISO weekdays people work (1 is Monday … 7 is Sunday), at least one. */
  workingDays: integer("working_days")
    .array()
    .notNull()
    .default([...defaultWorkingDays]),
  createdAt: createdAtColumn().defaultNow(),
});

export const persons = tenantTable(
  "persons",
  {
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
    unique("persons_org_email_unique").on(t.organisationId, t.email),
    index("persons_email_idx").on(t.email),
  ],
);

export const personRoles = tenantTable(
  "person_roles",
  {
    personId: uuid("person_id").notNull(),
    role: text("role", { enum: ["coordinator", "designer", "manager", "learner", "coach"] }).notNull(),
  },
  (t) => [personReference(t)],
  { key: ["personId", "role"], throughParent: true },
);

export const teams = tenantTable(
  "teams",
  {
    name: text("name").notNull(),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [unique("teams_org_name_unique").on(t.organisationId, t.name)],
);

/** A person's place in a team: a member, or one of its managers. */
export const teamMemberships = tenantTable(
  "team_memberships",
  {
    teamId: uuid("team_id").notNull(),
    personId: uuid("person_id").notNull(),
    isManager: boolean("is_manager").notNull().default(false),
  },
  (t) => [
    index("team_memberships_person_idx").on(t.organisationId, t.personId),
    tenantReference(t, t.teamId, teams).onDelete("cascade"),
    personReference(t),
  ],
  { key: ["teamId", "personId"], throughParent: true },
);

export const auditEvents = tenantTable(
  "audit_events",
  {
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: createdAtColumn().defaultNow(),
  },
  (t) => [index("audit_events_at_idx").on(t.organisationId, t.at)],
);
