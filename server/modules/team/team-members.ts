import { count, desc, eq, gte, inArray } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { answers, checkIns, persons, teamMemberships } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { plansOf } from "../action-plans/index.ts";
import { enrolmentsOf, type Enrolment } from "../cohorts/index.ts";
import { taskStatesOf, type TaskState } from "../learning/index.ts";
import { todayIn } from "../../../common/dates.ts";
import { teamsOf } from "../organisations/index.ts";
import { canChangeCheckIn } from "./team.policy.ts";
import { needsYouFor, type MemberFacts } from "./needs-you.ts";
import type { NeedsYouItem } from "../../../common/schemas/team.ts";

const notAToDo = new Set(["practice-session", "retrieval-practice"]);

export type MemberView = Omit<TeamView["teams"][number]["members"][number], "waiting">;

/**
 * Activities done out of those due by today (the member's today, in their time zone): progress, not
 * results. "Done" is what the learner's own Today counts as done, tool tasks closed by their record
 * included.
 */
async function progressOf(
  tenant: Tenant,
  personId: string,
  enrolments: Enrolment[],
  tasks: Map<string, TaskState[]>,
  today: string,
  now: Date,
) {
  const practised = await tenant
    .select(
      answers,
      { cohortId: answers.cohortId, n: count() },
      eq(answers.personId, personId),
      eq(answers.context, "practice"),
      gte(answers.answeredAt, new Date(now.getTime() - 7 * 86_400_000)),
    )
    .groupBy(answers.cohortId);
  return enrolments.map((e) => {
    const due = (tasks.get(e.cohortId) ?? []).filter(
      (a) => a.date <= today && a.mandatory && !notAToDo.has(a.type) && a.phase !== "session",
    );
    return {
      cohortId: e.cohortId,
      cohortName: e.cohortName,
      practiceDay: e.sessionDates[0]!,
      // Which check-in guide fits: before the practice day, or after it.
      phase: (today <= e.sessionDates[0]! ? "before" : "after") as "before" | "after",
      activitiesDone: due.filter((a) => a.done).length,
      activitiesDue: due.length,
      // Whether they practised, never what they answered.
      practisedLastWeek: practised.some((p) => p.cohortId === e.cohortId && p.n > 0),
    };
  });
}

export const presentCheckIn = (row: typeof checkIns.$inferSelect) => ({
  id: row.id,
  at: row.at.toISOString(),
  kind: row.kind,
  agreements: row.agreements,
});

/** The cohort's check-in tasks, each with whether the learner's Today counts it as held. */
const checkInTasks = (tasks: TaskState[] = []) =>
  tasks
    .filter((a) => a.type === "manager-check-in")
    .map((a) => ({ date: a.date, moment: a.moment, held: a.done }));

/** One member: what the team screen shows and what needs the manager, read once. */
async function memberOf(
  tenant: Tenant,
  member: { personId: string; name: string; timeZone: string },
  { managerId, locale, now }: { managerId: string; locale: Locale; now: Date },
): Promise<{ view: MemberView; needsYou: NeedsYouItem[] }> {
  const today = todayIn(member.timeZone, now);
  const enrolments = await enrolmentsOf(tenant, member.personId);
  const [plans, [last], tasks] = await Promise.all([
    plansOf(tenant, member.personId, locale),
    tenant.selectRows(checkIns, eq(checkIns.personId, member.personId)).orderBy(desc(checkIns.at)).limit(1),
    taskStatesOf(tenant, member.personId, enrolments),
  ]);
  const view: MemberView = {
    personId: member.personId,
    name: member.name,
    cohorts: await progressOf(tenant, member.personId, enrolments, tasks, today, now),
    lastCheckIn: last
      ? { ...presentCheckIn(last), mine: canChangeCheckIn({ actorId: managerId, authorId: last.managerId }) }
      : null,
    plans: plans.map(({ id, situation, action, firstMoment, applications, pulses }) => ({
      id,
      situation,
      action,
      firstMoment,
      applications,
      pulses,
    })),
  };
  const localDay = (iso: string | Date) => todayIn(member.timeZone, new Date(iso));
  const facts: MemberFacts = {
    personId: member.personId,
    name: member.name,
    today,
    cohorts: enrolments.map((e) => ({
      cohortId: e.cohortId,
      cohortName: e.cohortName,
      sessionDates: e.sessionDates,
      checkIns: checkInTasks(tasks.get(e.cohortId)),
    })),
    plans: plans.map((p) => ({
      situation: p.situation,
      action: p.action,
      firstMoment: localDay(p.firstMoment),
      applications: p.applications.map((a) => ({
        id: a.id,
        on: localDay(a.occurredAt),
        outcome: a.outcome,
        confirmed: a.confirmed,
      })),
    })),
  };
  return { view, needsYou: needsYouFor(facts) };
}

/**
 * Every team the manager manages with each (active or invited) member: the team screen's view of them
 * and what needs the manager. Only the manager's own teams are read, so nobody else's people appear.
 */
export async function managedTeams(
  tenant: Tenant,
  context: { managerId: string; locale: Locale; now: Date },
) {
  const managed = await teamsOf(tenant, context.managerId, true);
  if (managed.length === 0) return [];
  const members = await tenant.db
    .select({
      teamId: teamMemberships.teamId,
      personId: persons.id,
      name: persons.name,
      timeZone: persons.timeZone,
    })
    .from(teamMemberships)
    .innerJoin(persons, tenant.refersTo(teamMemberships.personId, persons))
    .where(
      tenant.where(
        teamMemberships,
        inArray(
          teamMemberships.teamId,
          managed.map((t) => t.id),
        ),
        eq(teamMemberships.isManager, false),
        inArray(persons.status, ["active", "invited"]),
      ),
    )
    .orderBy(persons.name);
  const read = await Promise.all(
    members.map(async (member) => ({ teamId: member.teamId, ...(await memberOf(tenant, member, context)) })),
  );
  return managed.map((team) => ({ ...team, members: read.filter((m) => m.teamId === team.id) }));
}
