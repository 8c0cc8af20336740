import { and, eq, inArray, isNull } from "drizzle-orm";
import { type Locale, recipientLocale } from "../../../common/locales.ts";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import type { Db } from "../../db/client.ts";
import {
  applicationConfirmations,
  digestLinkUses,
  learnerPreferences,
  organisations,
  persons,
  planApplications,
  teamMemberships,
} from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { translator } from "../../i18n.ts";
import { awardEarnedBadges } from "../badges/index.ts";
import { enqueueEmail } from "../notifications/index.ts";
import { claimStamp } from "../reminders/index.ts";
import { getTeamView, recordCheckIn } from "../team/index.ts";
import { hashLink, readLink, signingKey, signLink, type LinkPayload } from "./signed-links.ts";
import { todayIn } from "../../../common/dates.ts";
import { managesPerson } from "../organisations/index.ts";

/** Digests go out on Monday from 08:00 in the manager's own time zone. */
export const DIGEST_HOUR = 8;
const LINK_DAYS = 14;

function isDigestMoment(timeZone: string, now: Date): boolean {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "numeric",
    hourCycle: "h23",
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return parts.weekday === "Mon" && Number(parts.hour) >= DIGEST_HOUR;
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
  context: { key: Buffer; organisationId: string; managerId: string; site: string; now: Date; t: Translate },
): string {
  const expires = Math.floor(context.now.getTime() / 1000) + LINK_DAYS * 86_400;
  const link = (payload: Omit<LinkPayload, "o" | "m" | "e">) =>
    `${context.site}/digest-action#token=${signLink(context.key, { ...payload, o: context.organisationId, m: context.managerId, e: expires })}`;
  const lines = [
    `${member.name}: ${questionFor(member, context.t, todayIn("Europe/Amsterdam", context.now))}`,
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

async function managers(db: Db) {
  return db
    .selectDistinct({
      organisationId: persons.organisationId,
      personId: persons.id,
      name: persons.name,
      email: persons.email,
      locale: persons.locale,
      timeZone: persons.timeZone,
      defaultLocale: organisations.defaultLocale,
      lastDigestOn: learnerPreferences.lastDigestOn,
    })
    .from(teamMemberships)
    .innerJoin(
      persons,
      and(
        eq(persons.organisationId, teamMemberships.organisationId),
        eq(persons.id, teamMemberships.personId),
      ),
    )
    .innerJoin(organisations, eq(organisations.id, persons.organisationId))
    .leftJoin(
      learnerPreferences,
      and(
        eq(learnerPreferences.organisationId, persons.organisationId),
        eq(learnerPreferences.personId, persons.id),
      ),
    )
    .where(and(eq(teamMemberships.isManager, true), eq(persons.status, "active"), isNull(persons.erasedAt)));
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
    if (manager.lastDigestOn === today || !isDigestMoment(manager.timeZone, now)) continue;
    const locale: Locale = recipientLocale(manager.locale, manager.defaultLocale);
    const tenant = new Tenant(db, manager.organisationId);
    const view = await getTeamView(tenant, manager.personId, locale, now);
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
  token: string,
  now: Date,
  site: string,
): Promise<{ done: "talked" | "confirmed"; learner: string; alreadyRecorded: boolean }> {
  const payload = readLink(await signingKey(db), token, now);
  if (!payload) throw invalidLink();
  const tenant = new Tenant(db, payload.o);
  const people = await tenant.db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(
      tenant.where(
        persons,
        inArray(persons.id, [payload.m, payload.p]),
        eq(persons.status, "active"),
        isNull(persons.erasedAt),
      ),
    );
  const learner = people.find((person) => person.id === payload.p);
  // A deactivated (or erased) manager's links stop working, as their sign-in does.
  if (!learner || !people.some((person) => person.id === payload.m)) throw invalidLink();
  if (!(await managesPerson(tenant, payload.m, payload.p))) throw invalidLink();
  const done = payload.a === "talked" ? ("talked" as const) : ("confirmed" as const);
  const application =
    payload.a === "confirm"
      ? (
          await tenant.db
            .select()
            .from(planApplications)
            .where(
              tenant.where(
                planApplications,
                eq(planApplications.id, payload.x ?? ""),
                eq(planApplications.personId, payload.p),
              ),
            )
        )[0]
      : undefined;
  if (payload.a === "confirm" && (!application || application.outcome === "did-not-act")) throw invalidLink();
  const firstUse = await tenant.transaction(async (tx) => {
    const claimed = await tx.db
      .insert(digestLinkUses)
      .values(tx.row({ linkHash: hashLink(token), managerId: payload.m, usedAt: now }))
      .onConflictDoNothing()
      .returning({ linkHash: digestLinkUses.linkHash });
    if (claimed.length === 0) return false;
    if (payload.a === "talked") {
      await recordCheckIn(
        tx,
        payload.m,
        { personId: payload.p, kind: "talked", agreements: "" },
        "email-link",
        now,
      );
    } else {
      await tx.db
        .insert(applicationConfirmations)
        .values(tx.row({ applicationId: application!.id, confirmedBy: payload.m, confirmedAt: now }))
        .onConflictDoNothing();
    }
    return true;
  });
  if (firstUse && done === "confirmed") await awardEarnedBadges(tenant, payload.p, site, now);
  return { done, learner: learner.name, alreadyRecorded: !firstUse };
}
