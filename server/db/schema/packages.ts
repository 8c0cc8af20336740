import {
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";
import { cohorts, trajectories } from "./trajectories.ts";

/** Raw bytes, as PostgreSQL's bytea on both PGlite and a server (as in peer-feedback.ts). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

export type PackageStandard = "scorm12" | "scorm2004" | "cmi5";

/** One playable unit of a package: a SCORM SCO or a cmi5 AU. */
export interface PackageUnit {
  id: string;
  title: string;
  /** The launch file inside the package (SCORM), or the AU's URL (cmi5), with its parameters. */
  href: string;
  /** 0–1, from adlcp:masteryscore (1.2, per cent / 100), imsss:minNormalizedMeasure (2004) or cmi5 masteryScore. */
  masteryScore: number | null;
  /** cmi5 only: what the course structure says of the AU (cmi5 Quartz §13.1.4). */
  cmi5?: Cmi5Unit;
}

export type Cmi5MoveOn =
  "Passed" | "Completed" | "CompletedAndPassed" | "CompletedOrPassed" | "NotApplicable";
export type Cmi5LaunchMode = "Normal" | "Browse" | "Review";

export interface Cmi5Unit {
  courseId: string;
  /** The blocks the AU sits in, outermost first. */
  blocks: { id: string; title: string }[];
  moveOn: Cmi5MoveOn;
  launchMethod: "AnyWindow" | "OwnWindow";
  launchParameters: string | null;
  entitlementKey: string | null;
  /** Ids of the objectives the AU refers to. */
  objectives: string[];
}

/**
 * A content package (SCORM 1.2, SCORM 2004 or cmi5) a designer uploaded for a trajectory. Its files
 * are kept in the database (decision 0022), so a backup holds them and both databases serve them.
 */
export const contentPackages = tenantTable(
  "content_packages",
  {
    trajectoryId: uuid("trajectory_id").notNull(),
    standard: text("standard").$type<PackageStandard>().notNull(),
    /** "1.2", "2004 3rd Edition", "2004 4th Edition", "cmi5 Quartz". */
    edition: text("edition").notNull(),
    title: text("title").notNull(),
    units: jsonb("units").$type<PackageUnit[]>().notNull(),
    /** SHA-256 of the zip: the same zip uploaded again for the trajectory is the same package. */
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    fileCount: integer("file_count").notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("content_packages_zip_uq").on(t.organisationId, t.trajectoryId, t.sha256),
    tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade"),
  ],
);

/** One file of a package, by its path inside the zip (forward slashes, checked against zip slip). */
export const packageFiles = tenantTable(
  "package_files",
  {
    packageId: uuid("package_id").notNull(),
    path: text("path").notNull(),
    content: bytea("content").notNull(),
  },
  (t) => [tenantReference(t, t.packageId, contentPackages).onDelete("cascade")],
  { key: ["packageId", "path"], throughParent: true },
);

/**
 * A learner's SCORM attempt at one SCO of a package activity of a cohort: the CMI data as the runtime
 * committed it, with the fields Beklijf reads (status, score, time) lifted out.
 */
export const packageAttempts = tenantTable(
  "package_attempts",
  {
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    activityId: text("activity_id").notNull(),
    packageId: uuid("package_id").notNull(),
    /** The SCO this attempt is at: a package with several SCOs keeps one attempt per SCO. */
    unitId: text("unit_id").notNull().default(""),
    /** The whole CMI tree as scorm-again's `json` commit format sends it (interactions included). */
    cmi: jsonb("cmi").$type<Record<string, unknown>>().notNull(),
    completion: text("completion").notNull().default("unknown"),
    success: text("success").notNull().default("unknown"),
    /** Scaled score 0–1 when the package reported one. */
    score: doublePrecision("score"),
    location: text("location"),
    suspendData: text("suspend_data"),
    /** Seconds of all sessions so far: each session_time added once, when its session ends. */
    totalSeconds: integer("total_seconds").notNull().default(0),
    startedAt: instant("started_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    finishedAt: instant("finished_at"),
  },
  (t) => [
    index("package_attempts_cohort_idx").on(t.organisationId, t.cohortId),
    personReference(t),
    tenantReference(t, t.cohortId, cohorts).onDelete("cascade"),
    tenantReference(t, t.packageId, contentPackages).onDelete("cascade"),
  ],
  { key: ["personId", "cohortId", "activityId", "unitId"], throughParent: true },
);

/**
 * A learner's cmi5 registration for a package activity of a cohort (cmi5 §9.3): one per learner and
 * activity, kept across sessions, so every launch of the course speaks of the same registration.
 */
export const cmi5Registrations = tenantTable(
  "cmi5_registrations",
  {
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    activityId: text("activity_id").notNull(),
    packageId: uuid("package_id").notNull(),
    registration: uuid("registration").notNull(),
    createdAt: instant("created_at").notNull(),
    /** When the course was satisfied (every AU's moveOn met or waived). */
    satisfiedAt: instant("satisfied_at"),
  },
  (t) => [
    uniqueIndex("cmi5_registrations_registration_uq").on(t.organisationId, t.registration),
    personReference(t),
    tenantReference(t, t.cohortId, cohorts).onDelete("cascade"),
    tenantReference(t, t.packageId, contentPackages).onDelete("cascade"),
  ],
  { key: ["personId", "cohortId", "activityId"], throughParent: true },
);

/**
 * One launch of an AU (a cmi5 session). The fetch token is kept as a hash; the auth token waits here
 * until the AU fetches it once, then it is cleared (cmi5 §8.2).
 */
export const cmi5Sessions = tenantTable(
  "cmi5_sessions",
  {
    personId: uuid("person_id").notNull(),
    registration: uuid("registration").notNull(),
    auId: text("au_id").notNull(),
    launchMode: text("launch_mode").$type<Cmi5LaunchMode>().notNull(),
    fetchTokenHash: text("fetch_token_hash").notNull(),
    authToken: text("auth_token"),
    fetchExpiresAt: instant("fetch_expires_at").notNull(),
    fetchedAt: instant("fetched_at"),
    launchedAt: instant("launched_at").notNull(),
    terminatedAt: instant("terminated_at"),
    abandonedAt: instant("abandoned_at"),
  },
  (t) => [
    uniqueIndex("cmi5_sessions_fetch_uq").on(t.fetchTokenHash),
    index("cmi5_sessions_registration_idx").on(t.organisationId, t.registration),
    personReference(t),
  ],
);
