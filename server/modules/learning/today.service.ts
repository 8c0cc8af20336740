import { isNull, sql } from "drizzle-orm";
import type { TodayItem, TodayResponse } from "../../../common/schemas/learning.ts";
import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import { actionPlans, activityProgress, planApplications, remediations } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { scheduleOf } from "../cohorts/index.ts";
import { presentScheduled } from "./learning.presenter.ts";
import { planSessions, type SessionPlan } from "../practice/index.ts";
import { competenceName, type Enrolment, readingMinutes } from "../cohorts/index.ts";
import { addDays } from "../../../common/dates.ts";
import { pulseTodayItemsOfPeople } from "../action-plans/index.ts";
import { closedAt, type TaskFacts, taskFactsOfPeople, taskToolOf, toolHref } from "./task-tools.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import { notFound } from "../../errors.ts";

/** Done on the practice day itself, or by the practice session: never a separate to-do. */
const notAToDo = new Set(["practice-session", "retrieval-practice"]);
const UPCOMING_DAYS = 7;

type Progress = typeof activityProgress.$inferSelect;

function activityItem(
  enrolment: Enrolment,
  activity: ScheduledActivity,
  today: string,
  choice: TodayItem["choice"],
): TodayItem {
  const status = activity.date < today ? "earlier" : activity.date === today ? "today" : "upcoming";
  const tool = taskToolOf(activity.type);
  const activityHref = `/learn/${enrolment.cohortId}/${activity.activityId}`;
  return {
    key: `${enrolment.cohortId}:${activity.activityId}`,
    kind: activity.type === "practice-session" ? "practice-day" : "activity",
    cohortId: enrolment.cohortId,
    cohortName: enrolment.cohortName,
    activityId: activity.activityId,
    competenceId: null,
    ...presentScheduled(activity),
    status,
    choice,
    // A feedback request or a plan opens its form at once; a check-in opens the page that explains it.
    href: (tool && toolHref(tool, enrolment.cohortId)) ?? activityHref,
    tool,
  };
}

/** Practice-day work happens in the room; only the day itself is shown, never a to-do afterwards. */
const isShownOnToday = (activity: ScheduledActivity) =>
  activity.type !== "retrieval-practice" &&
  (activity.phase !== "session" || activity.type === "practice-session");

const noFacts: TaskFacts = {
  checkIns: [],
  feedbackCohorts: new Map(),
  planCohorts: new Map(),
  cohortCreated: new Map(),
};

/**
 * Sorts one cohort's activities into the learner's list, menu, preview and skipped list. Done items
 * leave the list (a tool task is done when its record exists); skipped optional ones leave the menu for
 * the skipped list, where they can be taken back; overdue ones stay, calmly marked "earlier".
 */
export function sortActivities(
  enrolment: Enrolment,
  progress: Progress[],
  today: string,
  facts: TaskFacts = noFacts,
) {
  const list: TodayItem[] = [];
  const menu: TodayItem[] = [];
  const upcoming: TodayItem[] = [];
  const skipped: TodayItem[] = [];
  const horizon = addDays(today, UPCOMING_DAYS);
  for (const activity of scheduleOf(enrolment)) {
    if (!isShownOnToday(activity)) continue;
    const state = progress.find(
      (p) => p.cohortId === enrolment.cohortId && p.activityId === activity.activityId,
    );
    if (state?.status === "skipped" && !activity.mandatory)
      skipped.push(activityItem(enrolment, activity, today, "skipped"));
    if (state?.status === "done" || state?.status === "skipped") continue;
    if (closedAt(enrolment, activity, facts)) continue;
    const choice = activity.mandatory ? null : state?.status === "chosen" ? "chosen" : null;
    const item = activityItem(enrolment, activity, today, choice);
    if (activity.date > today) {
      if (activity.date <= horizon) upcoming.push(item);
    } else if (activity.type === "practice-session") {
      if (activity.date === today) list.push(item);
    } else if (!activity.mandatory && choice === null) {
      menu.push(item);
    } else if (!notAToDo.has(activity.type)) {
      list.push(item);
    }
  }
  return { list, menu, upcoming, skipped };
}

const phaseOrder = ["before", "kickoff", "session", "between", "after"];
function byDateThenPhase(a: TodayItem, b: TodayItem): number {
  const rank = (item: TodayItem) =>
    item.kind === "practice-day" ? -1 : item.phase ? phaseOrder.indexOf(item.phase) : phaseOrder.length;
  return a.date.localeCompare(b.date) || rank(a) - rank(b) || a.title.localeCompare(b.title);
}

/** Everything due for the learner today across their cohorts, in the order to do it. */
export async function getToday(tenant: Tenant, personId: string, now: Date): Promise<TodayResponse> {
  const today = (await getTodays(tenant, [personId], now)).get(personId);
  if (!today) throw notFound("person");
  return today;
}

/**
 * `getToday` for many learners of the tenant at once (a sweep's batch): one query per kind of record
 * for the whole group, then each learner's list built from their share. Someone not in the
 * organisation is left out.
 */
export async function getTodays(
  tenant: Tenant,
  personIds: string[],
  now: Date,
): Promise<Map<string, TodayResponse>> {
  const practices = await planSessions(tenant, personIds, now);
  const people = [...practices.keys()];
  if (people.length === 0) return new Map();
  const [progress, openRemediations, facts, plans, pulses] = await Promise.all([
    tenant.selectRows(activityProgress, oneOrMany(activityProgress.personId, people)),
    tenant.selectRows(
      remediations,
      oneOrMany(remediations.personId, people),
      isNull(remediations.materialDoneAt),
    ),
    taskFactsOfPeople(tenant, new Map(people.map((id) => [id, practices.get(id)!.enrolments]))),
    openPlansOf(tenant, people),
    pulseTodayItemsOfPeople(
      tenant,
      people.map((id) => ({ personId: id, ...practices.get(id)! })),
    ),
  ]);
  const mine = <T extends { personId: string }>(rows: T[], personId: string) =>
    rows.filter((row) => row.personId === personId);
  return new Map(
    people.map((id) => [
      id,
      todayFrom({
        practice: practices.get(id)!,
        progress: mine(progress, id),
        openRemediations: mine(openRemediations, id),
        facts: facts.get(id)!,
        plans: mine(plans, id),
        pulses: pulses.get(id)!,
      }),
    ]),
  );
}

interface TodayInputs {
  practice: SessionPlan;
  progress: Progress[];
  openRemediations: (typeof remediations.$inferSelect)[];
  facts: TaskFacts;
  plans: OpenPlan[];
  pulses: TodayItem[];
}

/** One learner's Today from what was read for them: no database. */
function todayFrom({
  practice,
  progress,
  openRemediations,
  facts,
  plans,
  pulses,
}: TodayInputs): TodayResponse {
  const { today, enrolments } = practice;
  const items: TodayItem[] = [];
  const menu: TodayItem[] = [];
  const upcoming: TodayItem[] = [];
  const skipped: TodayItem[] = [];
  for (const enrolment of enrolments) {
    const sorted = sortActivities(enrolment, progress, today, facts);
    items.push(...sorted.list);
    menu.push(...sorted.menu);
    upcoming.push(...sorted.upcoming);
    skipped.push(...sorted.skipped);
  }
  items.sort(byDateThenPhase);
  if (practice.session.length > 0) items.push(practiceItem(practice, enrolments));
  items.push(...extraMaterialItems(enrolments, openRemediations, today));
  items.push(...planItems(plans, enrolments, today));
  items.push(...pulses);
  return {
    date: today,
    items,
    menu: menu.sort(byDateThenPhase),
    upcoming: upcoming.sort(byDateThenPhase),
    doneToday: doneTodayCount(enrolments, progress, facts, today),
    pausedUntil: practice.pausedUntil,
    skipped: skipped.sort(byDateThenPhase),
  };
}

/**
 * What the learner finished today: activities marked done today, and tool tasks whose record (the
 * check-in, the request, the plan) first closed them today. A task done both ways counts once.
 */
function doneTodayCount(enrolments: Enrolment[], progress: Progress[], facts: TaskFacts, today: string) {
  const isToday = (at: Date) => at.toISOString().slice(0, 10) === today;
  const marked = progress.filter((p) => p.status === "done" && isToday(p.updatedAt));
  const closed = enrolments.flatMap((enrolment) =>
    scheduleOf(enrolment).filter((activity) => {
      if (!isShownOnToday(activity)) return false;
      const at = closedAt(enrolment, activity, facts);
      const ticked = progress.some(
        (p) =>
          p.cohortId === enrolment.cohortId && p.activityId === activity.activityId && p.status === "done",
      );
      return at !== null && isToday(at) && !ticked;
    }),
  );
  return marked.length + closed.length;
}

function practiceItem(practice: SessionPlan, enrolments: Enrolment[]): TodayItem {
  const first = enrolments.find((e) => e.cohortId === practice.session[0]!.cohortId)!;
  return {
    key: "practice",
    kind: "practice",
    cohortId: first.cohortId,
    cohortName: first.cohortName,
    activityId: null,
    competenceId: null,
    title: "",
    type: "retrieval-practice",
    phase: null,
    date: practice.today,
    durationMinutes: Math.max(1, Math.ceil(practice.sessionSeconds / 60)),
    mandatory: true,
    status: "today",
    choice: null,
    href: "/practice",
  };
}

function extraMaterialItems(
  enrolments: Enrolment[],
  open: (typeof remediations.$inferSelect)[],
  today: string,
): TodayItem[] {
  return open.flatMap((remediation) => {
    const enrolment = enrolments.find((e) => e.cohortId === remediation.cohortId);
    const material = enrolment?.document.competences.find(
      (c) => c.id === remediation.competenceId,
    )?.extraMaterial;
    if (!enrolment || !material) return [];
    return [
      {
        key: `extra:${remediation.cohortId}:${remediation.competenceId}`,
        kind: "extra-material" as const,
        cohortId: enrolment.cohortId,
        cohortName: enrolment.cohortName,
        activityId: null,
        competenceId: remediation.competenceId,
        title: competenceName(enrolment.document, remediation.competenceId),
        type: null,
        phase: null,
        date: today,
        durationMinutes: readingMinutes(material),
        mandatory: false,
        status: "today" as const,
        choice: null,
        href: `/learn/${enrolment.cohortId}/extra/${remediation.competenceId}`,
      },
    ];
  });
}

type OpenPlan = { personId: string; plan: typeof actionPlans.$inferSelect; logged: number };

/** The learners' unarchived plans, each with how often it was logged. */
async function openPlansOf(tenant: Tenant, personIds: string[]): Promise<OpenPlan[]> {
  const rows = await tenant.db
    .select({ plan: actionPlans, logged: sql<number>`count(${planApplications.id})`.mapWith(Number) })
    .from(actionPlans)
    .leftJoin(planApplications, tenant.refersTo(planApplications.planId, actionPlans))
    // An archived plan asks nothing of the learner.
    .where(
      tenant.where(actionPlans, oneOrMany(actionPlans.personId, personIds), isNull(actionPlans.archivedAt)),
    )
    .groupBy(actionPlans.organisationId, actionPlans.id);
  return rows.map((row) => ({ personId: row.plan.personId, ...row }));
}

/**
 * An if-then plan whose expected moment has come and that has not been logged yet: a reminder around
 * the planned moment, and one tap to log how it went.
 */
function planItems(plans: OpenPlan[], enrolments: Enrolment[], today: string): TodayItem[] {
  return plans
    .filter(({ plan, logged }) => logged === 0 && plan.firstMoment.toISOString().slice(0, 10) <= today)
    .flatMap(({ plan }) => {
      const enrolment = enrolments.find((e) => e.cohortId === plan.cohortId) ?? enrolments[0];
      if (!enrolment) return [];
      const date = plan.firstMoment.toISOString().slice(0, 10);
      return [
        {
          key: `plan:${plan.id}`,
          kind: "plan" as const,
          cohortId: enrolment.cohortId,
          cohortName: enrolment.cohortName,
          activityId: null,
          competenceId: plan.competenceId,
          title: plan.action,
          type: null,
          phase: null,
          date,
          durationMinutes: 1,
          mandatory: false,
          status: date < today ? ("earlier" as const) : ("today" as const),
          choice: null,
          href: "/plans",
        },
      ];
    });
}
