import { and, eq, isNull } from "drizzle-orm";
import { type Locale, recipientLocale } from "../../../common/locales.ts";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import type { Db } from "../../db/client.ts";
import {
  applicationConfirmations,
  learnerPreferences,
  organisations,
  persons,
  planApplications,
  teamMemberships,
} from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { translator } from "../../i18n.ts";
import { managesPerson } from "../action-plans/action-plans.service.ts";
import { awardEarnedBadges } from "../badges/badges.service.ts";
import { todayIn } from "../cohorts/schedule.ts";
import { enqueueEmail } from "../notifications/outbox.service.ts";
import { claimStamp } from "../reminders/preferences.service.ts";
import { getTeamView, recordCheckIn } from "../team/team.service.ts";
import { readLink, signingKey, signLink, type LinkPayload } from "./signed-links.ts";

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

/** Carries out a digest link's one action, if the signature holds and the manager still manages the person. */
export async function performLinkAction(
  db: Db,
  token: string,
  now: Date,
  site: string,
): Promise<{ done: "talked" | "confirmed"; learner: string }> {
  const payload = readLink(await signingKey(db), token, now);
  if (!payload) throw invalidLink();
  const tenant = new Tenant(db, payload.o);
  if (!(await managesPerson(tenant, payload.m, payload.p))) throw invalidLink();
  const [learner] = await tenant.db
    .select({ name: persons.name })
    .from(persons)
    .where(tenant.where(persons, eq(persons.id, payload.p)));
  if (!learner) throw invalidLink();
  if (payload.a === "talked") {
    await recordCheckIn(
      tenant,
      payload.m,
      { personId: payload.p, kind: "talked", agreements: "" },
      "email-link",
      now,
    );
    return { done: "talked", learner: learner.name };
  }
  const [application] = await tenant.db
    .select()
    .from(planApplications)
    .where(
      tenant.where(
        planApplications,
        eq(planApplications.id, payload.x ?? ""),
        eq(planApplications.personId, payload.p),
      ),
    );
  if (!application || application.outcome === "did-not-act") throw invalidLink();
  await tenant.db
    .insert(applicationConfirmations)
    .values(tenant.row({ applicationId: application.id, confirmedBy: payload.m, confirmedAt: now }))
    .onConflictDoNothing();
  await awardEarnedBadges(tenant, payload.p, site, now);
  return { done: "confirmed", learner: learner.name };
}
