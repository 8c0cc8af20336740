import { count, desc, eq, gte, inArray } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { activityProgress, answers, checkIns, persons, teamMemberships } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import { correctRecord, removeRecord } from "../../audit.ts";
import type { Scope } from "../../http/scope.ts";
import { plansOf } from "../action-plans/index.ts";
import { computeSchedule, enrolmentChoices, enrolmentsOf } from "../cohorts/index.ts";
import { todayIn } from "../../../common/dates.ts";
import { notify } from "../notices/index.ts";
import { managesPerson, teamsOf } from "../organisations/index.ts";
import { canChangeCheckIn, canRecordCheckIn } from "./team.policy.ts";

const notAToDo = new Set(["practice-session", "retrieval-practice"]);

/** Activities done out of those due by today (the member's today, in their time zone): progress, not results. */
async function progressOf(tenant: Tenant, personId: string, timeZone: string, now: Date) {
  const today = todayIn(timeZone, now);
  const [enrolments, done, practised] = await Promise.all([
    enrolmentsOf(tenant, personId),
    tenant.select(
      activityProgress,
      { cohortId: activityProgress.cohortId, activityId: activityProgress.activityId },
      eq(activityProgress.personId, personId),
      eq(activityProgress.status, "done"),
    ),
    tenant
      .select(
        answers,
        { cohortId: answers.cohortId, n: count() },
        eq(answers.personId, personId),
        eq(answers.context, "practice"),
        gte(answers.answeredAt, new Date(now.getTime() - 7 * 86_400_000)),
      )
      .groupBy(answers.cohortId),
  ]);
  return enrolments.map((e) => {
    const due = computeSchedule(e.document, e.sessionDates).filter(
      (a) => a.date <= today && a.mandatory && !notAToDo.has(a.type) && a.phase !== "session",
    );
    const doneIds = new Set(done.filter((d) => d.cohortId === e.cohortId).map((d) => d.activityId));
    return {
      cohortId: e.cohortId,
      cohortName: e.cohortName,
      practiceDay: e.sessionDates[0]!,
      // Which check-in guide fits: before the practice day, or after it.
      phase: (today <= e.sessionDates[0]! ? "before" : "after") as "before" | "after",
      activitiesDone: due.filter((a) => doneIds.has(a.activityId)).length,
      activitiesDue: due.length,
      // Whether they practised, never what they answered.
      practisedLastWeek: practised.some((p) => p.cohortId === e.cohortId && p.n > 0),
    };
  });
}

async function lastCheckIn(tenant: Tenant, personId: string, viewerId: string) {
  const [row] = await tenant
    .selectRows(checkIns, eq(checkIns.personId, personId))
    .orderBy(desc(checkIns.at))
    .limit(1);
  return row
    ? {
        ...presentCheckIn(row),
        mine: canChangeCheckIn({ actorId: viewerId, authorId: row.managerId }),
      }
    : null;
}

const presentCheckIn = (row: typeof checkIns.$inferSelect) => ({
  id: row.id,
  at: row.at.toISOString(),
  kind: row.kind,
  agreements: row.agreements,
});

/** The check-in if the signed-in manager recorded it; to anyone else it does not exist. */
async function ownCheckIn(tenant: Tenant, actorId: string, checkInId: string) {
  const [row] = await tenant.selectRows(checkIns, eq(checkIns.id, checkInId));
  if (!row || !canChangeCheckIn({ actorId, authorId: row.managerId })) throw notFound("check-in");
  return row;
}

/**
 * The manager who recorded a check-in corrects its kind or agreements. The learner reads check-ins (in
 * their data export), so the change is audited. Agreements stay required, as when recording it.
 */
export async function updateCheckIn(
  scope: Scope,
  {
    checkInId,
    ...input
  }: { checkInId: string; kind?: "before" | "after" | undefined; agreements?: string | undefined },
) {
  const { tenant, actor } = scope;
  const row = await ownCheckIn(tenant, actor.personId, checkInId);
  if (input.agreements === undefined && row.agreements.trim() === "") throw invalid("agreements", "required");
  const updated = await correctRecord(scope, {
    table: checkIns,
    subject: { type: "check-in", id: checkInId },
    changes: { kind: input.kind, agreements: input.agreements },
    details: { personId: row.personId },
  });
  return presentCheckIn(updated);
}

/** The manager who recorded a check-in removes it (a duplicate, the wrong person); audited. */
export async function deleteCheckIn(scope: Scope, { checkInId }: { checkInId: string }) {
  const row = await ownCheckIn(scope.tenant, scope.actor.personId, checkInId);
  await removeRecord(scope, {
    table: checkIns,
    subject: { type: "check-in", id: checkInId },
    details: { personId: row.personId },
  });
}

interface CheckIn {
  personId: string;
  cohortId?: string | undefined;
  kind: "before" | "after" | "talked";
  agreements: string;
}

/**
 * A check-in the manager held: before the training (expectations, what to practise) or after it (which
 * plan, when, what support), with the agreements made. Only a manager of the person's team records one.
 */
export async function recordCheckIn(scope: Scope, input: CheckIn) {
  const { tenant, actor, now, site } = scope;
  const managesMember = await managesPerson(tenant, actor.personId, input.personId);
  if (!canRecordCheckIn({ managesMember })) throw notFound("person");
  return saveCheckIn(tenant, { ...input, managerId: actor.personId, source: "screen", now, site });
}

/**
 * Stores a check-in; the caller has applied `canRecordCheckIn` (the screen above, or a digest link whose
 * signature and manager were checked: "we talked").
 */
export async function saveCheckIn(
  tenant: Tenant,
  input: CheckIn & { managerId: string; source: "screen" | "email-link"; now: Date; site: string },
) {
  return tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(checkIns)
      .values(
        tx.row({
          managerId: input.managerId,
          personId: input.personId,
          cohortId: input.cohortId ?? null,
          kind: input.kind,
          agreements: input.agreements,
          source: input.source,
          at: input.now,
        }),
      )
      .returning();
    // "We talked" from the digest has no agreements: nothing for the learner to read.
    if (input.agreements.trim() !== "")
      await notify(tx, {
        personId: input.personId,
        kind: "check-in-recorded",
        params: { from: input.managerId },
        href: "/plans#check-ins",
        key: `check-in:${row!.id}`,
        now: input.now,
        site: input.site,
      });
    return presentCheckIn(row!);
  });
}

/** The signed-in manager's one screen. */
export const getTeamView = ({ tenant, actor, locale, now }: Scope): Promise<TeamView> =>
  teamViewOf(tenant, { managerId: actor.personId, locale, now });

/** Every team a manager manages, each member's progress, plans and applications (the screen and the digest). */
export async function teamViewOf(
  tenant: Tenant,
  { managerId, locale, now }: { managerId: string; locale: Locale; now: Date },
): Promise<TeamView> {
  const managed = await teamsOf(tenant, managerId, true);
  if (managed.length === 0) return { teams: [] };
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
  const views = await Promise.all(
    members.map(async (member) => ({
      teamId: member.teamId,
      view: {
        personId: member.personId,
        name: member.name,
        cohorts: await progressOf(tenant, member.personId, member.timeZone, now),
        lastCheckIn: await lastCheckIn(tenant, member.personId, managerId),
        plans: (await plansOf(tenant, member.personId, locale)).map(
          ({ id, situation, action, firstMoment, applications }) => ({
            id,
            situation,
            action,
            firstMoment,
            applications,
          }),
        ),
      },
    })),
  );
  return {
    teams: managed.map((team) => {
      const members = views.filter((v) => v.teamId === team.id).map((v) => v.view);
      return { id: team.id, name: team.name, progress: progressOfTeam(members), members };
    }),
  };
}

type MemberView = TeamView["teams"][number]["members"][number];

/** Totals for the team: how far the group is, not who is ahead. */
function progressOfTeam(members: MemberView[]): TeamView["teams"][number]["progress"] {
  const applications = members.flatMap((m) => m.plans.flatMap((p) => p.applications));
  return {
    inTraining: members.filter((m) => m.cohorts.length > 0).length,
    tasksDone: members.reduce((sum, m) => sum + m.cohorts.reduce((s, c) => s + c.activitiesDone, 0), 0),
    tasksDue: members.reduce((sum, m) => sum + m.cohorts.reduce((s, c) => s + c.activitiesDue, 0), 0),
    withPlan: members.filter((m) => m.plans.length > 0).length,
    applications: applications.filter((a) => a.outcome !== "did-not-act").length,
    confirmed: applications.filter((a) => a.confirmed).length,
  };
}

/** The signed-in learner's cohorts with their competences and practice questions, to choose from in a plan. */
export const myEnrolments = ({ tenant, actor }: Scope) => enrolmentChoices(tenant, actor.personId);
