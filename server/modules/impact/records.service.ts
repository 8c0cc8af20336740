import { eq, inArray } from "drizzle-orm";
import type {
  AttendanceBody,
  AttendanceMark,
  AttendanceStatus,
  AttendanceView,
} from "../../../common/schemas/attendance.ts";
import { attendance, cohorts, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { participantsOf } from "../cohorts/index.ts";
import { authorize } from "./impact.policy.ts";
import { recordAudit } from "../../audit.ts";

/** The cohort with its trajectory document and participants, or NOT_FOUND in this organisation. */
export async function cohortWithPeople(tenant: Tenant, cohortId: string) {
  const [cohort] = await tenant.db
    .select({ cohort: cohorts, document: trajectories.document })
    .from(cohorts)
    .innerJoin(trajectories, tenant.refersTo(cohorts.trajectoryId, trajectories))
    .where(tenant.where(cohorts, eq(cohorts.id, cohortId)));
  if (!cohort) throw notFound("cohort");
  const people = await participantsOf(tenant, [cohortId]);
  return { ...cohort.cohort, document: cohort.document, people };
}

type AttendanceRow = typeof attendance.$inferSelect;

const statusOf = (row: Pick<AttendanceRow, "present" | "excused">): AttendanceStatus =>
  row.present ? "present" : row.excused ? "excused" : "absent";

const markOf = (row: AttendanceRow): AttendanceMark => ({ status: statusOf(row), note: row.note });

/** The day a register may be taken up to: today (UTC, like the rest of the schedule). */
const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Each participant's status and note on each practice day of a cohort (null: not recorded yet). */
export async function getAttendance(
  scope: Scope,
  { cohortId }: { cohortId: string },
): Promise<AttendanceView> {
  const { tenant, actor, now } = scope;
  authorize(actor, "impact.record");
  const cohort = await cohortWithPeople(tenant, cohortId);
  const rows = await tenant.selectRows(attendance, eq(attendance.cohortId, cohortId));
  const recorded = (personId: string, date: string) =>
    rows.find((r) => r.personId === personId && r.sessionDate === date);
  return {
    sessionDates: cohort.sessionDates,
    openDates: cohort.sessionDates.filter((date) => date <= todayOf(now)),
    participants: cohort.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      days: Object.fromEntries(
        cohort.sessionDates.map((date) => {
          const row = recorded(p.personId, date);
          return [date, row ? markOf(row) : null];
        }),
      ),
    })),
  };
}

/**
 * Records part or all of one practice day's register: only the listed people change. Taking the same
 * register twice leaves one row per person and day; a changed status or note overwrites the row and
 * is audited as a correction with what it was.
 */
export async function recordAttendance(
  scope: Scope,
  { cohortId, sessionDate, entries }: { cohortId: string } & AttendanceBody,
): Promise<AttendanceView> {
  const { tenant, actor, now } = scope;
  authorize(actor, "impact.record");
  const cohort = await cohortWithPeople(tenant, cohortId);
  if (!cohort.sessionDates.includes(sessionDate)) throw invalid("sessionDate", "not_a_practice_day");
  if (sessionDate > todayOf(now)) throw invalid("sessionDate", "date_in_future");
  const members = new Set(cohort.people.map((p) => p.personId));
  if (entries.some((e) => !members.has(e.personId))) throw invalid("entries", "not_a_participant");
  if (new Set(entries.map((e) => e.personId)).size !== entries.length)
    throw invalid("entries", "person_twice");
  await tenant.transaction(async (tx) => {
    const earlier = await tx.selectRows(
      attendance,
      eq(attendance.cohortId, cohortId),
      eq(attendance.sessionDate, sessionDate),
      inArray(
        attendance.personId,
        entries.map((e) => e.personId),
      ),
    );
    const corrections: { personId: string; from: AttendanceStatus; to: AttendanceStatus }[] = [];
    for (const entry of entries) {
      const values = {
        present: entry.status === "present",
        excused: entry.status === "excused",
        note: entry.note ? entry.note : null,
        recordedBy: actor.personId,
        recordedAt: now,
      };
      const before = earlier.find((r) => r.personId === entry.personId);
      if (before && statusOf(before) === entry.status && before.note === values.note) continue;
      if (before) corrections.push({ personId: entry.personId, from: statusOf(before), to: entry.status });
      await tx.db
        .insert(attendance)
        .values(tx.row({ cohortId, personId: entry.personId, sessionDate, ...values }))
        .onConflictDoUpdate({
          target: [
            attendance.organisationId,
            attendance.cohortId,
            attendance.personId,
            attendance.sessionDate,
          ],
          set: values,
        });
    }
    if (entries.some((e) => !earlier.some((r) => r.personId === e.personId)))
      await recordAudit(
        tx,
        actor,
        "impact.attendance-recorded",
        { type: "cohort", id: cohortId },
        { sessionDate },
      );
    // Ids and statuses only: the note stays out of the trail, it is personal free text.
    if (corrections.length > 0)
      await recordAudit(
        tx,
        actor,
        "impact.attendance-corrected",
        { type: "cohort", id: cohortId },
        { sessionDate, corrections },
      );
  });
  return getAttendance(scope, { cohortId });
}
