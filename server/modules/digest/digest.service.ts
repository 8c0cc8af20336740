import { eq, inArray, isNull } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { DigestLinkView, DigestPreview, NeedsYouItem } from "../../../common/schemas/team.ts";
import type { Db } from "../../db/client.ts";
import { digestLinkUses, persons, teamMemberships } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { applicationById, plansOf, recordConfirmation } from "../action-plans/index.ts";
import { awardEarnedBadges } from "../badges/index.ts";
import {
  enqueueEmails,
  findRecipients,
  hasRowIn,
  type Recipient,
  recipientsOf,
  renderEmail,
} from "../notifications/index.ts";
import { letRequestsThrough } from "../../jobs/let-requests-through.ts";
import { groupsOf } from "../../jobs/sweep-groups.ts";
import { claimStamps, withPreferences } from "../reminders/index.ts";
import { needsYouOf, needsYouOfManagersInOrder, saveCheckIn } from "../team/index.ts";
import { digestHtml, digestItemsText, digestPeople, type LinkFor } from "./digest-content.ts";
import { canUseLink, linkConfirms } from "./digest.policy.ts";
import { hashLink, readLink, signingKey, signLink } from "./signed-links.ts";
import { localClock, todayIn } from "../../../common/dates.ts";
import { managesPerson } from "../organisations/index.ts";

/** Digests go out on Monday from 08:00 in the manager's own time zone. */
export const DIGEST_HOUR = 8;
const LINK_DAYS = 14;

function isDigestMoment(timeZone: string, now: Date): boolean {
  const { weekday, hour } = localClock(timeZone, now);
  return weekday === 1 && hour >= DIGEST_HOUR;
}

interface DigestFor {
  tenant: Tenant;
  manager: Pick<Recipient, "personId" | "name" | "locale">;
  key: Buffer;
  site: string;
  now: Date;
  /** Sign the links as preview links: they show what they would record and record nothing. */
  preview: boolean;
}

/**
 * The one digest builder, for the Monday sweep and the in-app preview alike: the manager's needs-you list
 * (the same rules as the home screen), grouped per person, with signed links valid for two weeks.
 */
export async function buildDigest(digestFor: DigestFor) {
  const { tenant, manager, now } = digestFor;
  const items = await needsYouOf(tenant, { managerId: manager.personId, locale: manager.locale, now });
  return digestOf(digestFor, items);
}

/** The digest's email and page from the manager's needs-you list: no database. */
function digestOf({ tenant, manager, key, site, now, preview }: DigestFor, items: NeedsYouItem[]) {
  const { locale } = manager;
  const expires = Math.floor(now.getTime() / 1000) + LINK_DAYS * 86_400;
  const linkFor: LinkFor = (payload) =>
    `${site}/digest-action#token=${signLink(key, {
      ...payload,
      o: tenant.organisationId,
      m: manager.personId,
      e: expires,
      ...(preview ? { v: 1 as const } : {}),
    })}`;
  const people = digestPeople(items, locale, linkFor);
  const itemsText = people.length > 0 ? digestItemsText(people) : translator(locale)("emails.digest.nothing");
  const email = {
    template: "manager-digest" as const,
    params: { name: manager.name, items: itemsText, teamLink: `${site}/team` },
  };
  const { subject, text } = renderEmail(locale, email);
  return { items, email, subject, text, html: digestHtml({ subject, text, locale }, itemsText, people) };
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
 * Managers read per sweep group: enough to read their people with one set of queries, few enough that
 * a group leaves room for requests in between (PGlite answers on this thread). A manager has about ten
 * people, so a group reads about as many learners as a nudge group.
 */
const GROUP_SIZE = 10;

type Manager = Awaited<ReturnType<typeof managers>>[number];

/** Whether the manager is due this week's digest now: their Monday moment, not sent today yet. */
const dueADigest = (manager: Manager, now: Date) =>
  manager.preferences?.lastDigestOn !== todayIn(manager.timeZone, now) &&
  isDigestMoment(manager.timeZone, now);

/**
 * The weekly digest for managers who never open a learning platform: per team member in a training, one
 * question to ask this week and one-click links ("we talked", "I saw it applied") that work without
 * signing in. Once a week per manager, claimed before the email is queued. Managers are read in groups
 * (one organisation and language each), with the same rules as the manager's own screen.
 */
export async function sendDigests(db: Db, site: string, now: Date): Promise<number> {
  const key = await signingKey(db);
  const due = (await managers(db)).filter((manager) => dueADigest(manager, now));
  let sent = 0;
  for (const group of groupsOf(due, GROUP_SIZE, (m) => `${m.organisationId}:${m.locale}`)) {
    await letRequestsThrough();
    const tenant = new Tenant(db, group[0]!.organisationId);
    const items = await needsYouOfManagersInOrder(
      tenant,
      group.map((manager) => manager.personId),
      { locale: group[0]!.locale, now },
    );
    const digests = group
      .map((manager) => ({
        manager,
        digest: digestOf({ tenant, manager, key, site, now, preview: false }, items.get(manager.personId)!),
      }))
      // Nothing waits for this manager: no email, so the digest keeps meaning "something needs you".
      .filter(({ digest }) => digest.items.length > 0);
    sent += await claimAndQueue(tenant, digests, now);
  }
  return sent;
}

type Digest = { manager: Manager; digest: ReturnType<typeof digestOf> };

/** Claims each manager's stamp for their today and queues the digests of those claimed, in one transaction. */
async function claimAndQueue(tenant: Tenant, digests: Digest[], now: Date): Promise<number> {
  if (digests.length === 0) return 0;
  return tenant.transaction(async (tx) => {
    const claimed: Digest[] = [];
    const dayOf = ({ manager }: Digest) => todayIn(manager.timeZone, now);
    for (const day of new Set(digests.map(dayOf))) {
      const onThatDay = digests.filter((digest) => dayOf(digest) === day);
      const ids = await claimStamps(
        tx,
        onThatDay.map(({ manager }) => manager.personId),
        "lastDigestOn",
        day,
      );
      claimed.push(...onThatDay.filter(({ manager }) => ids.has(manager.personId)));
    }
    await enqueueEmails(
      tx,
      claimed.map(({ manager, digest }) => ({
        to: manager.email,
        locale: manager.locale,
        email: digest.email,
      })),
    );
    return claimed.length;
  });
}

/**
 * The digest as it would be sent to the signed-in manager now, any day of the week. It queues and stamps
 * nothing, and its links are preview links: they open the landing page, which names the person and the
 * record, but pressing the button there records nothing (decision: the preview must never confirm by
 * accident, and a forwarded preview must not act for the manager).
 */
export async function previewDigest({ tenant, actor, site, now }: Scope): Promise<DigestPreview> {
  const [manager] = await recipientsOf(tenant, [actor.personId]);
  if (!manager) throw notFound("person");
  const digest = await buildDigest({
    tenant,
    manager,
    key: await signingKey(tenant.db),
    site,
    now,
    preview: true,
  });
  return { subject: digest.subject, text: digest.text, html: digest.html };
}

const invalidLink = () => new AppError("TOKEN_INVALID", "digest link invalid or expired");

/**
 * A digest link that still holds: the signature is right, it has not expired, the manager and the learner
 * are both still active and the manager still manages the person; for "I saw it applied", the application
 * is the learner's and can be confirmed. Otherwise TOKEN_INVALID.
 */
async function checkedLink(db: Db, token: string, now: Date) {
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
  const application = payload.a === "confirm" ? await applicationById(tenant, payload.x ?? "") : undefined;
  if (payload.a === "confirm" && !(application && linkConfirms({ application, learnerId: payload.p })))
    throw invalidLink();
  return { payload, tenant, learner, application };
}

const linkUsed = async (tenant: Tenant, token: string) =>
  (
    await tenant.select(
      digestLinkUses,
      { at: digestLinkUses.usedAt },
      eq(digestLinkUses.linkHash, hashLink(token)),
    )
  ).length > 0;

/**
 * What a digest link would record, read without acting, so the landing page can say "Confirm that Femke
 * de Vries applied 'When a customer …' on 12 November?" before the button is pressed.
 */
export async function describeLink(
  db: Db,
  { token, now, locale }: { token: string; now: Date; locale: Locale },
): Promise<DigestLinkView> {
  const { payload, tenant, learner, application } = await checkedLink(db, token, now);
  const plan = application
    ? ((await plansOf(tenant, payload.p, locale, [application.planId]))[0] ??
      (await plansOf(tenant, payload.p, locale, [application.planId], { archived: true }))[0])
    : undefined;
  return {
    action: payload.a,
    learner: learner.name,
    application:
      application && plan
        ? {
            situation: plan.situation,
            action: plan.action,
            occurredAt: application.occurredAt.toISOString(),
            whatHappened: application.whatHappened,
          }
        : null,
    preview: payload.v === 1,
    alreadyRecorded: await linkUsed(tenant, token),
  };
}

/**
 * Carries out a digest link's one action, once. The link must hold (see `checkedLink`) and must not be a
 * preview link. The link's use is recorded (keyed by the token's hash) in the same transaction as the
 * action, so a second click, a replay or two clicks at once record nothing more and answer that it was
 * already recorded.
 */
export async function performLinkAction(
  db: Db,
  { token, now, site }: { token: string; now: Date; site: string },
): Promise<{ done: "talked" | "confirmed"; learner: string; alreadyRecorded: boolean }> {
  const { payload, tenant, learner, application } = await checkedLink(db, token, now);
  if (payload.v === 1) throw new AppError("DIGEST_PREVIEW_LINK", "a preview link records nothing");
  const done = payload.a === "talked" ? ("talked" as const) : ("confirmed" as const);
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
