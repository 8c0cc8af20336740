import { and, count, desc, eq, gte, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Locale } from "../../../common/locales.ts";
import type { PlanView, TeamView } from "../../../common/schemas/action-plans.ts";
import { answers, checkIns, persons, teamMemberships } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import { plansOfPeople } from "../action-plans/index.ts";
import { enrolmentsOfPeople, type Enrolment } from "../cohorts/index.ts";
import { taskStatesOfPeople, type TaskState } from "../learning/index.ts";
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

interface Member {
  personId: string;
  name: string;
  timeZone: string;
}

/** What the team screen and "needs you" are built from for one member. */
interface MemberInputs {
  enrolments: Enrolment[];
  plans: PlanView[];
  tasks: Map<string, TaskState[]>;
}

/** Each member's enrolments, plans and task states, read for all of them at once. */
async function memberInputsOf(
  tenant: Tenant,
  personIds: string[],
  locale: Locale,
): Promise<Map<string, MemberInputs>> {
  const found = await enrolmentsOfPeople(tenant, personIds);
  const enrolments = new Map(personIds.map((id) => [id, found.get(id) ?? []]));
  const [plans, tasks] = await Promise.all([
    plansOfPeople(tenant, personIds, locale),
    taskStatesOfPeople(tenant, enrolments),
  ]);
  return new Map(
    personIds.map((id) => [
      id,
      { enrolments: enrolments.get(id)!, plans: plans.get(id)!, tasks: tasks.get(id)! },
    ]),
  );
}

/** What needs the manager about one member, by the rules of `needs-you.ts`: no database. */
function needsYouOfMember(member: Member, { enrolments, plans, tasks }: MemberInputs, now: Date) {
  const localDay = (iso: string | Date) => todayIn(member.timeZone, new Date(iso));
  const facts: MemberFacts = {
    personId: member.personId,
    name: member.name,
    today: todayIn(member.timeZone, now),
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
  return needsYouFor(facts);
}

/** One member: what the team screen shows and what needs the manager. */
async function memberOf(
  tenant: Tenant,
  member: Member,
  inputs: MemberInputs,
  { managerId, now }: { managerId: string; now: Date },
): Promise<{ view: MemberView; needsYou: NeedsYouItem[] }> {
  const today = todayIn(member.timeZone, now);
  const [last] = await tenant
    .selectRows(checkIns, eq(checkIns.personId, member.personId))
    .orderBy(desc(checkIns.at))
    .limit(1);
  const view: MemberView = {
    personId: member.personId,
    name: member.name,
    cohorts: await progressOf(tenant, member.personId, inputs.enrolments, inputs.tasks, today, now),
    lastCheckIn: last
      ? { ...presentCheckIn(last), mine: canChangeCheckIn({ actorId: managerId, authorId: last.managerId }) }
      : null,
    plans: inputs.plans.map(({ id, situation, action, firstMoment, applications, pulses }) => ({
      id,
      situation,
      action,
      firstMoment,
      applications,
      pulses,
    })),
  };
  return { view, needsYou: needsYouOfMember(member, inputs, now) };
}

/** Active or invited people who are members (not managers) of a team, as a join condition. */
const isCountedMember = () =>
  and(eq(teamMemberships.isManager, false), inArray(persons.status, ["active", "invited"]));

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
        isCountedMember(),
      ),
    )
    .orderBy(persons.name);
  const inputs = await memberInputsOf(tenant, [...new Set(members.map((m) => m.personId))], context.locale);
  const read = await Promise.all(
    members.map(async (member) => ({
      teamId: member.teamId,
      ...(await memberOf(tenant, member, inputs.get(member.personId)!, context)),
    })),
  );
  return managed.map((team) => ({ ...team, members: read.filter((m) => m.teamId === team.id) }));
}

/**
 * What needs each of `managerIds` (managers of the tenant) about the members of the teams they manage,
 * before ordering: one set of queries for the whole group, so a sweep reads a hundred managers' people
 * at once. A person in two of a manager's teams is listed under both, as the team screen shows them.
 */
export async function needsYouOfManagers(
  tenant: Tenant,
  managerIds: string[],
  { locale, now }: { locale: Locale; now: Date },
): Promise<Map<string, NeedsYouItem[]>> {
  const byManager = new Map<string, NeedsYouItem[]>(managerIds.map((id) => [id, []]));
  if (managerIds.length === 0) return byManager;
  const manages = alias(teamMemberships, "manages");
  const rows = await tenant.db
    .select({
      managerId: manages.personId,
      personId: persons.id,
      name: persons.name,
      timeZone: persons.timeZone,
    })
    .from(teamMemberships)
    .innerJoin(persons, tenant.refersTo(teamMemberships.personId, persons))
    .innerJoin(
      manages,
      and(
        eq(manages.organisationId, teamMemberships.organisationId),
        eq(manages.teamId, teamMemberships.teamId),
        eq(manages.isManager, true),
        oneOrMany(manages.personId, managerIds),
      ),
    )
    .where(tenant.where(teamMemberships, isCountedMember()));
  const people = new Map(rows.map((row) => [row.personId, row]));
  const inputs = await memberInputsOf(tenant, [...people.keys()], locale);
  const itemsOf = new Map(
    [...people.values()].map((member) => [
      member.personId,
      needsYouOfMember(member, inputs.get(member.personId)!, now),
    ]),
  );
  for (const row of rows) byManager.get(row.managerId)!.push(...itemsOf.get(row.personId)!);
  return byManager;
}
