import { eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import {
  activityProgress,
  cohortParticipants,
  cohorts,
  learnerPreferences,
  organisations,
  persons,
  questions,
  trajectories,
} from "../../db/schema/index.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { WorkingCalendar } from "../../../common/working-week.ts";
import { computeSchedule } from "./schedule.ts";
import { notFound } from "../../errors.ts";

export interface Enrolment {
  cohortId: string;
  cohortName: string;
  trajectoryId: string;
  document: TrajectoryDocument;
  sessionDates: string[];
  /** The organisation's working week and holidays: every consumer of the schedule sees the same dates. */
  calendar: WorkingCalendar;
}

type Schedulable = Pick<Enrolment, "document" | "sessionDates" | "calendar">;
/**
 * Schedules already computed for an enrolment object: Today asks for the same enrolment's schedule
 * several times (its list, its done count, each tool task's state). Keyed by the object, so a schedule
 * lives exactly as long as the enrolment read with it and a changed trajectory or date is never missed.
 */
const schedules = new WeakMap<Schedulable, ScheduledActivity[]>();

/** The enrolment's activities on their dates, off the organisation's days off. */
export function scheduleOf(enrolment: Schedulable): ScheduledActivity[] {
  let schedule = schedules.get(enrolment);
  if (!schedule) {
    schedule = computeSchedule(enrolment.document, enrolment.sessionDates, enrolment.calendar);
    schedules.set(enrolment, schedule);
  }
  return schedule;
}

/**
 * The cohorts a person takes part in, with their trajectory's current document. A cancelled cohort is
 * no longer one: it leaves the Today list, practice, reminders and the calendar feed.
 */
export async function enrolmentsOf(
  tenant: Tenant,
  personId: string,
  cohortId?: string,
): Promise<Enrolment[]> {
  const byPerson = await enrolmentsOfPeople(tenant, [personId], cohortId);
  return byPerson.get(personId) ?? [];
}

/**
 * `enrolmentsOf` for many people in one query (a sweep's batch). People in the same cohort share one
 * enrolment object, so its schedule is computed once for all of them.
 */
export async function enrolmentsOfPeople(
  tenant: Tenant,
  personIds: string[],
  cohortId?: string,
): Promise<Map<string, Enrolment[]>> {
  const byPerson = new Map<string, Enrolment[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await tenant.db
    .select({
      personId: cohortParticipants.personId,
      cohortId: cohorts.id,
      cohortName: cohorts.name,
      trajectoryId: trajectories.id,
      document: trajectories.document,
      sessionDates: cohorts.sessionDates,
      country: organisations.country,
      workingDays: organisations.workingDays,
    })
    .from(cohortParticipants)
    .innerJoin(cohorts, tenant.refersTo(cohortParticipants.cohortId, cohorts))
    // The tenant's own row, read in the same query: the calendar comes with every enrolment for free.
    .innerJoin(organisations, eq(organisations.id, cohorts.organisationId))
    .innerJoin(trajectories, tenant.refersTo(cohorts.trajectoryId, trajectories))
    .where(
      tenant.where(
        cohortParticipants,
        oneOrMany(cohortParticipants.personId, personIds),
        cohortId ? eq(cohortParticipants.cohortId, cohortId) : undefined,
        isNull(cohorts.cancelledAt),
      ),
    );
  const shared = new Map<string, Enrolment>();
  for (const { personId, country, workingDays, ...enrolment } of rows) {
    let one = shared.get(enrolment.cohortId);
    if (!one) {
      one = { ...enrolment, calendar: { country, workingDays } };
      shared.set(enrolment.cohortId, one);
    }
    const list = byPerson.get(personId) ?? [];
    list.push(one);
    byPerson.set(personId, list);
  }
  return byPerson;
}

/** One enrolment of the person; another person's cohort is simply not found. */
export async function enrolmentOf(tenant: Tenant, personId: string, cohortId: string): Promise<Enrolment> {
  const [enrolment] = await enrolmentsOf(tenant, personId, cohortId);
  if (!enrolment) throw notFound("cohort");
  return enrolment;
}

export interface LearnerSettings {
  timeZone: string;
  pausedUntil: string | null;
}

/** The learner's time zone and pause, in one query: both decide what "today" holds. */
export async function learnerSettings(tenant: Tenant, personId: string): Promise<LearnerSettings> {
  const settings = (await learnerSettingsOfPeople(tenant, [personId])).get(personId);
  if (!settings) throw notFound("person");
  return settings;
}

/** `learnerSettings` for many people in one query; someone not in the organisation is left out. */
export async function learnerSettingsOfPeople(
  tenant: Tenant,
  personIds: string[],
): Promise<Map<string, LearnerSettings>> {
  if (personIds.length === 0) return new Map();
  const rows = await tenant.db
    .select({ id: persons.id, timeZone: persons.timeZone, pausedUntil: learnerPreferences.pausedUntil })
    .from(persons)
    .leftJoin(learnerPreferences, tenant.refersTo(learnerPreferences.personId, persons))
    .where(tenant.where(persons, oneOrMany(persons.id, personIds)));
  return new Map(
    rows.map((row) => [row.id, { timeZone: row.timeZone, pausedUntil: row.pausedUntil ?? null }]),
  );
}

/** The person's own time zone: the dates and times they see, and what "today" is for them. */
export async function timeZoneOf(tenant: Tenant, personId: string): Promise<string> {
  const [row] = await tenant.select(persons, { timeZone: persons.timeZone }, eq(persons.id, personId));
  if (!row) throw notFound("person");
  return row.timeZone;
}

/** Practice starts the day after the first practice day: retrieval works on what was learned there. */
export const practiceStarted = (enrolment: Enrolment, today: string) => enrolment.sessionDates[0]! < today;

export function competenceName(document: TrajectoryDocument, competenceId: string): string {
  return document.competences.find((c) => c.id === competenceId)?.name ?? "";
}

/** Reading time at 200 words a minute (a calm pace for work texts), at least one minute. */
export function readingMinutes(markdown: string): number {
  const words = markdown.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 200));
}

/** For the plan form: each cohort's competences and practice questions (the learner practises them anyway). */
export async function enrolmentChoices(tenant: Tenant, personId: string) {
  const enrolments = await enrolmentsOf(tenant, personId);
  const bank = enrolments.length
    ? await tenant
        .select(
          questions,
          {
            id: questions.id,
            prompt: questions.prompt,
            situation: questions.situation,
            competenceId: questions.competenceId,
            trajectoryId: questions.trajectoryId,
            uses: questions.uses,
          },
          inArray(
            questions.trajectoryId,
            enrolments.map((e) => e.trajectoryId),
          ),
          isNull(questions.deletedAt),
        )
        .orderBy(questions.createdAt)
    : [];
  return enrolments.map((e) => ({
    cohortId: e.cohortId,
    cohortName: e.cohortName,
    trajectoryTitle: e.document.title,
    competences: e.document.competences.map((c) => ({ id: c.id ?? "", name: c.name })),
    questions: bank
      .filter((q) => q.trajectoryId === e.trajectoryId && q.uses.includes("practice"))
      // Scenario questions often share a prompt ("What do you do first?"): the situation tells them apart.
      .map(({ id, prompt, situation, competenceId }) => ({
        id,
        prompt: situation ? `${situation} ${prompt}` : prompt,
        competenceId,
      })),
  }));
}

/**
 * What a learner did with an activity of their cohort: done, or (for an optional one) chosen or
 * skipped. Saying it twice keeps the latest.
 */
export async function saveProgress(
  tenant: Tenant,
  progress: {
    personId: string;
    cohortId: string;
    activityId: string;
    status: "done" | "chosen" | "skipped";
    at: Date;
  },
): Promise<void> {
  const { status, at, ...activity } = progress;
  await tenant.db
    .insert(activityProgress)
    .values(tenant.row({ ...activity, status, updatedAt: at }))
    .onConflictDoUpdate({
      target: [
        activityProgress.organisationId,
        activityProgress.personId,
        activityProgress.cohortId,
        activityProgress.activityId,
      ],
      set: { status, updatedAt: at },
    });
}

/**
 * The people taking part in the cohorts, by name; `conditions` narrow them further (on `persons`, say).
 * Erased people stay in, as anonymous placeholders: the cohort's figures count them.
 */
export function participantsOf(tenant: Tenant, cohortIds: string[], ...conditions: SQL[]) {
  return tenant.db
    .select({
      cohortId: cohortParticipants.cohortId,
      personId: persons.id,
      name: persons.name,
      erasedAt: persons.erasedAt,
    })
    .from(cohortParticipants)
    .innerJoin(persons, tenant.refersTo(cohortParticipants.personId, persons))
    .where(tenant.where(cohortParticipants, inArray(cohortParticipants.cohortId, cohortIds), ...conditions))
    .orderBy(persons.name);
}
