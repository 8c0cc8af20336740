import { eq, inArray, isNull } from "drizzle-orm";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import type { Db } from "../../db/client.ts";
import { digestLinkUses, persons, teamMemberships } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { translator } from "../../i18n.ts";
import { applicationById, recordConfirmation } from "../action-plans/index.ts";
import { awardEarnedBadges } from "../badges/index.ts";
import { enqueueEmail, findRecipients, hasRowIn } from "../notifications/index.ts";
import { claimStamp, withPreferences } from "../reminders/index.ts";
import { saveCheckIn, teamViewOf } from "../team/index.ts";
import { canUseLink, linkConfirms } from "./digest.policy.ts";
import { hashLink, readLink, signingKey, signLink, type LinkPayload } from "./signed-links.ts";
import { localClock, todayIn } from "../../../common/dates.ts";
import { managesPerson } from "../organisations/index.ts";

/** Digests go out on Monday from 08:00 in the manager's own time zone. */
export const DIGEST_HOUR = 8;
const LINK_DAYS = 14;

function isDigestMoment(timeZone: string, now: Date): boolean {
  const { weekday, hour } = localClock(timeZone, now);
  return weekday === 1 && hour >= DIGEST_HOUR;
}

type Member = TeamView["teams"][number]["members"][number];
type Translate = ReturnType<typeof translator>;

/** One concrete question for this week, chosen from where the person is in their trajectory. */
export function questionFor(member: Member, t: Translate, today: string): string {
  const unconfirmed = member.plans.flatMap((p) =>
    p.applications.filter((a) => !a.confirmed && a.outcome !== "did-not-act").map(() => p),
  );
  if (unconfirmed[0])
    return t("emails.digest.askApplied", { name: member.name, action: unconfirmed[0].action });
  const upcoming = member.cohorts.find((c) => c.phase === "before");
  if (upcoming) return t("emails.digest.askBefore", { name: member.name, cohort: upcoming.cohortName });
  const plan = member.plans[0];
  if (plan && plan.firstMoment.slice(0, 10) <= today)
    return t("emails.digest.askPlan", { name: member.name, action: plan.action });
  if (plan) return t("emails.digest.askSupport", { name: member.name, action: plan.action });
  return t("emails.digest.askSituation", { name: member.name });
}

function itemFor(
  member: Member,
  context: {
    key: Buffer;
    organisationId: string;
    managerId: string;
    site: string;
    now: Date;
    today: string;
    t: Translate;
  },
): string {
  const expires = Math.floor(context.now.getTime() / 1000) + LINK_DAYS * 86_400;
  const link = (payload: Omit<LinkPayload, "o" | "m" | "e">) =>
    `${context.site}/digest-action#token=${signLink(context.key, { ...payload, o: context.organisationId, m: context.managerId, e: expires })}`;
  const lines = [
    `${member.name}: ${questionFor(member, context.t, context.today)}`,
    `  ${context.t("emails.digest.talked")}: ${link({ p: member.personId, a: "talked" })}`,
  ];
  const application = member.plans
    .flatMap((p) => p.applications)
    .find((a) => !a.confirmed && a.outcome !== "did-not-act");
  if (application)
    lines.push(
      `  ${context.t("emails.digest.sawIt")}: ${link({ p: member.personId, a: "confirm", x: application.id })}`,
    );
  return lines.join("\n");
}

/**
 * Every active manager, in every organisation, with the day their last digest went out. A sweep: not
 * tenant-scoped, each manager's own work continues scoped to their organisation.
 */
async function managers(db: Db) {
  const isManager = hasRowIn(db, teamMemberships, eq(teamMemberships.isManager, true));
  return withPreferences(db, await findRecipients(db, isManager));
}

/**
 * The weekly digest for managers who never open a learning platform: per team member in a training, one
 * question to ask this week and one-click links ("we talked", "I saw it applied") that work without
 * signing in. Once a week per manager, claimed before the email is queued.
 */
export async function sendDigests(db: Db, site: string, now: Date): Promise<number> {
  const key = await signingKey(db);
  let sent = 0;
  for (const manager of await managers(db)) {
    const today = todayIn(manager.timeZone, now);
    if (manager.preferences?.lastDigestOn === today || !isDigestMoment(manager.timeZone, now)) continue;
    const { locale } = manager;
    const tenant = new Tenant(db, manager.organisationId);
    const view = await teamViewOf(tenant, { managerId: manager.personId, locale, now });
    const members = view.teams.flatMap((team) => team.members).filter((m) => m.cohorts.length > 0);
    if (members.length === 0) continue;
    const t = translator(locale);
    const items = members.map((member) =>
      itemFor(member, {
        key,
        organisationId: manager.organisationId,
        managerId: manager.personId,
        site,
        now,
        today,
        t,
      }),
    );
    const queued = await tenant.transaction(async (tx) => {
      if (!(await claimStamp(tx, manager.personId, "lastDigestOn", today))) return false;
      await enqueueEmail(tx, manager.email, locale, {
        template: "manager-digest",
        params: { name: manager.name, items: items.join("\n\n"), teamLink: `${site}/team` },
      });
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}

const invalidLink = () => new AppError("TOKEN_INVALID", "digest link invalid or expired");

/**
 * Carries out a digest link's one action, once. The signature must hold, the manager and the learner
 * must both still be active, and the manager must still manage the person. The link's use is recorded
 * (keyed by the token's hash) in the same transaction as the action, so a second click, a replay or two
 * clicks at once record nothing more and answer that it was already recorded.
 */
export async function performLinkAction(
  db: Db,
  { token, now, site }: { token: string; now: Date; site: string },
): Promise<{ done: "talked" | "confirmed"; learner: string; alreadyRecorded: boolean }> {
  const payload = readLink(await signingKey(db), token, now);
  if (!payload) throw invalidLink();
  const tenant = new Tenant(db, payload.o);
  const people = await tenant.select(
    persons,
    { id: persons.id, name: persons.name },
    inArray(persons.id, [payload.m, payload.p]),
    eq(persons.status, "active"),
    isNull(persons.erasedAt),
  );
  const learner = people.find((person) => person.id === payload.p);
  const facts = {
    managerActive: people.some((person) => person.id === payload.m),
    learnerActive: learner !== undefined,
    managesLearner: await managesPerson(tenant, payload.m, payload.p),
  };
  // A deactivated (or erased) manager's links stop working, as their sign-in does.
  if (!learner || !canUseLink(facts)) throw invalidLink();
  const done = payload.a === "talked" ? ("talked" as const) : ("confirmed" as const);
  const application = payload.a === "confirm" ? await applicationById(tenant, payload.x ?? "") : undefined;
  if (payload.a === "confirm" && !(application && linkConfirms({ application, learnerId: payload.p })))
    throw invalidLink();
  const firstUse = await tenant.transaction(async (tx) => {
    const claimed = await tx.db
      .insert(digestLinkUses)
      .values(tx.row({ linkHash: hashLink(token), managerId: payload.m, usedAt: now }))
      .onConflictDoNothing()
      .returning({ linkHash: digestLinkUses.linkHash });
    if (claimed.length === 0) return false;
    if (payload.a === "talked")
      await saveCheckIn(tx, {
        managerId: payload.m,
        personId: payload.p,
        kind: "talked",
        agreements: "",
        source: "email-link",
        now,
        site,
      });
    else
      await recordConfirmation(tx, {
        applicationId: application!.id,
        learnerId: payload.p,
        managerId: payload.m,
        now,
        site,
      });
    return true;
  });
  if (firstUse && done === "confirmed") await awardEarnedBadges(tenant, payload.p, site, now);
  return { done, learner: learner.name, alreadyRecorded: !firstUse };
}
