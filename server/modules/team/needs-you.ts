import { addDays } from "../../../common/dates.ts";
import type { ApplicationOutcome } from "../../../common/schemas/action-plans.ts";
import type { NeedsYouItem } from "../../../common/schemas/team.ts";

/**
 * What needs a manager this week, as pure rules over what is known of one team member. The screen, the
 * `GET /api/team/needs-you` route and the weekly digest all use these rules, so they say the same.
 *
 * - **confirm-application**: each application the learner logged as acted on (not "did not act") that
 *   no manager confirmed yet; due the day it happened.
 * - **check-in-before / check-in-after**: the trajectory's manager-check-in tasks on the cohort's
 *   calendar that are not held yet, by the same rule that closes them on the learner's Today (decision
 *   0015, `taskStatesOf` in the learning module), so learner and manager never disagree. Per
 *   conversation (before the practice day, after it) the first one not held shows from a week before its
 *   date; a "before" check-in no longer shows once the practice day has passed (its moment is gone).
 *   Due: its date.
 * - **no-plan**: the last practice day of a cohort has passed and the person has no (unarchived) plan;
 *   due the day after that practice day.
 * - **plan-without-moment**: the person has plans, none has a moment today or later, and nothing was
 *   logged in the last two weeks: ask when the next moment comes. Due the first day both held.
 */

/** How far ahead a planned check-in shows: "this week". */
export const LOOK_AHEAD_DAYS = 7;
/** A plan whose application was logged this recently is alive, whatever its first moment. */
export const RECENT_APPLICATION_DAYS = 14;

export interface MemberFacts {
  personId: string;
  name: string;
  /** The member's today, in their own time zone (ISO date). */
  today: string;
  cohorts: {
    cohortId: string;
    cohortName: string;
    sessionDates: string[];
    /** The trajectory's manager-check-in tasks on this cohort's calendar, and whether each was held. */
    checkIns: { date: string; moment: "before" | "after"; held: boolean }[];
  }[];
  plans: {
    situation: string;
    action: string;
    /** Local date of the plan's first moment. */
    firstMoment: string;
    applications: { id: string; on: string; outcome: ApplicationOutcome; confirmed: boolean }[];
  }[];
}

type Item = NeedsYouItem;
const later = (a: string, b: string) => (a > b ? a : b);

function item(member: MemberFacts, kind: Item["kind"], due: string | null, extra: Partial<Item> = {}): Item {
  const anchor = kind.startsWith("check-in") ? "check-in" : "member";
  return {
    kind,
    personId: member.personId,
    personName: member.name,
    href: `/team#${anchor}-${member.personId}`,
    due,
    detail: null,
    recordId: null,
    ...extra,
  };
}

function applicationsToConfirm(member: MemberFacts): Item[] {
  return member.plans.flatMap((plan) =>
    plan.applications
      .filter((a) => a.outcome !== "did-not-act" && !a.confirmed)
      .map((a) => item(member, "confirm-application", a.on, { detail: plan.situation, recordId: a.id })),
  );
}

function checkInsDue(member: MemberFacts, cohort: MemberFacts["cohorts"][number]): Item[] {
  const practiceDay = cohort.sessionDates[0];
  if (!practiceDay) return [];
  return (["before", "after"] as const).flatMap((moment) => {
    const next = cohort.checkIns
      .filter((c) => c.moment === moment && !c.held)
      .map((c) => c.date)
      .sort()[0];
    if (!next || next > addDays(member.today, LOOK_AHEAD_DAYS)) return [];
    if (moment === "before" && member.today > practiceDay) return [];
    return [item(member, `check-in-${moment}`, next, { detail: cohort.cohortName })];
  });
}

function planItems(member: MemberFacts): Item[] {
  const finished = member.cohorts
    .map((c) => c.sessionDates.at(-1))
    .filter((last): last is string => last !== undefined && last < member.today)
    .sort();
  if (member.plans.length === 0) return finished[0] ? [item(member, "no-plan", addDays(finished[0], 1))] : [];
  const lastMoment = member.plans
    .map((p) => p.firstMoment)
    .sort()
    .at(-1)!;
  const lastApplication = member.plans
    .flatMap((p) => p.applications.map((a) => a.on))
    .sort()
    .at(-1);
  const due = later(
    addDays(lastMoment, 1),
    lastApplication ? addDays(lastApplication, RECENT_APPLICATION_DAYS + 1) : "",
  );
  return due <= member.today ? [item(member, "plan-without-moment", due)] : [];
}

/** Everything that needs the manager for one member, by the rules above. */
export function needsYouFor(member: MemberFacts): Item[] {
  return [
    ...applicationsToConfirm(member),
    ...member.cohorts.flatMap((cohort) => checkInsDue(member, cohort)),
    ...planItems(member),
  ];
}

const kindOrder = (kind: Item["kind"]) =>
  ["confirm-application", "check-in-before", "check-in-after", "no-plan", "plan-without-moment"].indexOf(
    kind,
  );

/** Oldest due first (nothing due last), then by name and kind, so the list reads the same every time. */
export function sortNeedsYou(items: Item[]): Item[] {
  return [...items].sort(
    (a, b) =>
      (a.due ?? "9999").localeCompare(b.due ?? "9999") ||
      a.personName.localeCompare(b.personName) ||
      kindOrder(a.kind) - kindOrder(b.kind),
  );
}
