import { eq } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { checkIns } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import { correctRecord, removeRecord } from "../../audit.ts";
import type { Scope } from "../../http/scope.ts";
import { enrolmentChoices } from "../cohorts/index.ts";
import { managesPerson } from "../organisations/index.ts";
import type { NeedsYouItem, NeedsYouView } from "../../../common/schemas/team.ts";
import { sortNeedsYou } from "./needs-you.ts";
import { managedTeams, needsYouOfManagers, presentCheckIn } from "./team-members.ts";
import { notify } from "../notices/index.ts";
import { canChangeCheckIn, canRecordCheckIn } from "./team.policy.ts";

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

/**
 * Every team a manager manages, each member's progress, plans and applications, and how many things about
 * them wait for the manager. Members with something waiting come first (the oldest waiting first), then
 * the others by name: an order of attention, never of results.
 */
export async function teamViewOf(
  tenant: Tenant,
  context: { managerId: string; locale: Locale; now: Date },
): Promise<TeamView> {
  const teams = await managedTeams(tenant, context);
  return {
    teams: teams.map((team) => {
      const members = byAttention(team.members).map(({ view, needsYou }) => ({
        ...view,
        waiting: needsYou.length,
      }));
      return { id: team.id, name: team.name, progress: progressOfTeam(members), members };
    }),
  };
}

function byAttention<T extends { view: { name: string }; needsYou: NeedsYouItem[] }>(members: T[]): T[] {
  const firstDue = (m: T) => (m.needsYou.length === 0 ? "~" : (sortNeedsYou(m.needsYou)[0]!.due ?? "9999"));
  return [...members].sort(
    (a, b) => firstDue(a).localeCompare(firstDue(b)) || a.view.name.localeCompare(b.view.name),
  );
}

/**
 * What needs the manager this week across all their people, oldest first (the rules are in
 * `needs-you.ts`). Someone who manages no team gets an empty list, as on the team screen.
 */
export async function needsYouOf(
  tenant: Tenant,
  context: { managerId: string; locale: Locale; now: Date },
): Promise<NeedsYouItem[]> {
  return (await needsYouOfManagersInOrder(tenant, [context.managerId], context)).get(context.managerId)!;
}

/** `needsYouOf` for many managers of the tenant at once (the digest sweep's group). */
export async function needsYouOfManagersInOrder(
  tenant: Tenant,
  managerIds: string[],
  context: { locale: Locale; now: Date },
): Promise<Map<string, NeedsYouItem[]>> {
  const found = await needsYouOfManagers(tenant, managerIds, context);
  return new Map([...found].map(([managerId, items]) => [managerId, onceInOrder(items)]));
}

/** A person in two of the manager's teams is one person: their items count once, oldest first. */
function onceInOrder(items: NeedsYouItem[]): NeedsYouItem[] {
  const seen = new Set<string>();
  return sortNeedsYou(
    items.filter((item) => {
      const key = `${item.kind}:${item.personId}:${item.recordId ?? ""}:${item.due ?? ""}:${item.detail ?? ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/** The signed-in manager's list of what needs them this week. */
export const getNeedsYou = async ({ tenant, actor, locale, now }: Scope): Promise<NeedsYouView> => ({
  items: await needsYouOf(tenant, { managerId: actor.personId, locale, now }),
});

type MemberWithWaiting = TeamView["teams"][number]["members"][number];

/** Totals for the team: how far the group is, not who is ahead. */
function progressOfTeam(members: MemberWithWaiting[]): TeamView["teams"][number]["progress"] {
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
