import { eq, inArray } from "drizzle-orm";
import { type Locale, recipientLocale } from "../../../common/locales.ts";
import { attendance, measures, persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import { competenceName, type Enrolment, enrolmentsOf, scheduleOf } from "../cohorts/index.ts";
import { taskStatesOf } from "../learning/index.ts";
import { organisationOf } from "../organisations/index.ts";
import { type Hours, hoursOf } from "./hours.ts";

/**
 * A competence proof counts as shown from 70% of its criteria or questions right: the same bar the
 * badges use for "the competence proof must be passed".
 */
const PROOF_PASS_SHARE = 0.7;

export interface RecordPerson {
  id: string;
  name: string;
  employeeNumber: string | null;
  timeZone: string;
  /** Set for a person whose data was erased: no certificate is made for a placeholder. */
  erasedAt: Date | null;
  /** The language of her documents: her own setting, else the organisation's. */
  locale: Locale;
  /** The organisation's country: Dutch documents of a Belgian organisation use Flemish wording. */
  country: string;
}

/** One cohort on a certificate or a training record: what, when, how long, what was shown. */
export interface CohortRecord {
  cohortId: string;
  cohortName: string;
  trajectoryTitle: string;
  /** The first and last day of the cohort's schedule (preparation and follow-up included). */
  startDate: string;
  endDate: string;
  sessionDates: string[];
  hours: Hours;
  competencesShown: string[];
}

/** The person the record is about, in this organisation; anyone else is not found. */
export async function recordPersonOf(tenant: Tenant, personId: string): Promise<RecordPerson> {
  const [row] = await tenant.select(
    persons,
    {
      id: persons.id,
      name: persons.name,
      employeeNumber: persons.employeeNumber,
      locale: persons.locale,
      timeZone: persons.timeZone,
      erasedAt: persons.erasedAt,
    },
    eq(persons.id, personId),
  );
  if (!row) throw notFound("person");
  const organisation = await organisationOf(tenant);
  return {
    ...row,
    locale: recipientLocale(row.locale, organisation.defaultLocale),
    country: organisation.country,
  };
}

/** Her register entries for the cohorts, as statuses: today's register knows only present or absent. */
async function attendanceOf(tenant: Tenant, personId: string, cohortIds: string[]) {
  const rows = await tenant.select(
    attendance,
    { cohortId: attendance.cohortId, sessionDate: attendance.sessionDate, present: attendance.present },
    eq(attendance.personId, personId),
    inArray(attendance.cohortId, cohortIds),
  );
  return rows.map((row) => ({ ...row, status: row.present ? "present" : "absent" }));
}

/** The competence ids whose proof she passed, per cohort. */
async function proofsPassedOf(tenant: Tenant, personId: string, cohortIds: string[]) {
  const rows = await tenant.select(
    measures,
    {
      cohortId: measures.cohortId,
      competenceId: measures.competenceId,
      correct: measures.correct,
      total: measures.total,
    },
    eq(measures.personId, personId),
    eq(measures.kind, "competence-proof"),
    inArray(measures.cohortId, cohortIds),
  );
  return rows.filter((row) => row.total > 0 && row.correct / row.total >= PROOF_PASS_SHARE);
}

function cohortRecord(
  enrolment: Enrolment,
  facts: {
    attendance: Awaited<ReturnType<typeof attendanceOf>>;
    proofs: Awaited<ReturnType<typeof proofsPassedOf>>;
    done: ReadonlySet<string>;
  },
): CohortRecord {
  const schedule = scheduleOf(enrolment);
  const dates = [...schedule.map((item) => item.date), ...enrolment.sessionDates].sort();
  const shown = new Set(
    facts.proofs.filter((p) => p.cohortId === enrolment.cohortId).map((p) => p.competenceId),
  );
  return {
    cohortId: enrolment.cohortId,
    cohortName: enrolment.cohortName,
    trajectoryTitle: enrolment.document.title,
    startDate: dates[0]!,
    endDate: dates.at(-1)!,
    sessionDates: enrolment.sessionDates,
    hours: hoursOf({
      schedule,
      sessionDates: enrolment.sessionDates,
      attendance: facts.attendance.filter((entry) => entry.cohortId === enrolment.cohortId),
      doneActivityIds: facts.done,
    }),
    competencesShown: enrolment.document.competences
      .filter((competence) => competence.id && shown.has(competence.id))
      .map((competence) => competenceName(enrolment.document, competence.id!)),
  };
}

/**
 * The person's cohorts (or the one asked for), oldest first, each with its dates, hours and the
 * competences she showed. A cancelled cohort is not on the record: no training took place under it.
 */
export async function cohortRecordsOf(
  tenant: Tenant,
  personId: string,
  cohortId?: string,
): Promise<CohortRecord[]> {
  const enrolments = await enrolmentsOf(tenant, personId, cohortId);
  if (enrolments.length === 0) return [];
  const cohortIds = enrolments.map((e) => e.cohortId);
  const [register, proofs, states] = await Promise.all([
    attendanceOf(tenant, personId, cohortIds),
    proofsPassedOf(tenant, personId, cohortIds),
    taskStatesOf(tenant, personId, enrolments),
  ]);
  return enrolments
    .map((enrolment) => {
      const done = new Set(
        (states.get(enrolment.cohortId) ?? []).filter((s) => s.done).map((s) => s.activityId),
      );
      return cohortRecord(enrolment, { attendance: register, proofs, done });
    })
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}
