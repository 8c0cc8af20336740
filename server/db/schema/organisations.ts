import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** The tenant. Everything else hangs off an organisation. */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  defaultLocale: text("default_locale").notNull().default("nl"),
  anonymityThreshold: integer("anonymity_threshold").notNull().default(5),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: createdAt(),
});

export const persons = pgTable(
  "persons",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
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
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("persons_org_email_unique").on(t.organisationId, t.email),
    index("persons_email_idx").on(t.email),
  ],
);

export const personRoles = pgTable(
  "person_roles",
  {
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id").notNull(),
    role: text("role", { enum: ["coordinator", "designer", "manager", "learner", "coach"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.personId, t.role] }),
    foreignKey({
      columns: [t.organisationId, t.personId],
      foreignColumns: [persons.organisationId, persons.id],
    }).onDelete("cascade"),
  ],
);

export const teams = pgTable(
  "teams",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("teams_org_name_unique").on(t.organisationId, t.name),
  ],
);

/** A person's place in a team: a member, or one of its managers. */
export const teamMemberships = pgTable(
  "team_memberships",
  {
    organisationId: uuid("organisation_id").notNull(),
    teamId: uuid("team_id").notNull(),
    personId: uuid("person_id").notNull(),
    isManager: boolean("is_manager").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.teamId, t.personId] }),
    index("team_memberships_person_idx").on(t.organisationId, t.personId),
    foreignKey({
      columns: [t.organisationId, t.teamId],
      foreignColumns: [teams.organisationId, teams.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.organisationId, t.personId],
      foreignColumns: [persons.organisationId, persons.id],
    }).onDelete("cascade"),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("audit_events_at_idx").on(t.organisationId, t.at),
  ],
);
