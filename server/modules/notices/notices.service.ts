import { count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { NoticeKind, NoticesView } from "../../../common/schemas/notices.ts";
import { type Locale, recipientLocale } from "../../../common/locales.ts";
import { learnerPreferences, notices, organisations, persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { enqueueEmail, recipientsOf } from "../notifications/index.ts";
import { type NoticeParams, renderNoticeText } from "./notice-text.ts";

/** Enough for weeks of a busy learner; older notices stay stored but off the list. */
const LIST_LIMIT = 50;

export interface Notice {
  /** The person the notice is for. */
  personId: string;
  kind: NoticeKind;
  params: NoticeParams;
  /** Where in the app it leads, a path such as `/plans`. */
  href: string;
  /** Names the event (`application-confirmed:<id>`): the same key for the same person makes nothing new. */
  key: string;
  now: Date;
  site: string;
  /**
   * False where the event already sends its own email (a logged application emails the managers), so
   * nobody gets two emails for one event.
   */
  email?: boolean;
}

/** Whether the person wants notices by email too (on until they turn it off). */
async function wantsEmail(tx: Tenant, personId: string): Promise<boolean> {
  const [row] = await tx.select(
    learnerPreferences,
    { noticeEmails: learnerPreferences.noticeEmails },
    eq(learnerPreferences.personId, personId),
  );
  return row?.noticeEmails ?? true;
}

async function namesOf(tenant: Tenant, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // An erased person is "someone" in other people's notices: their placeholder name says nothing.
  const rows = await tenant.select(
    persons,
    { id: persons.id, name: persons.name },
    inArray(persons.id, ids),
    isNull(persons.erasedAt),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Tells a person something happened: one notice per event (the key), and by their preference an email
 * in their language. Call it inside the transaction of the change that causes it, so both or neither are
 * stored. Returns whether a new notice was made.
 */
export async function notify(tx: Tenant, notice: Notice): Promise<boolean> {
  const inserted = await tx.db
    .insert(notices)
    .values(
      tx.row({
        personId: notice.personId,
        kind: notice.kind,
        params: { ...notice.params },
        href: notice.href,
        dedupeKey: notice.key,
        createdAt: notice.now,
      }),
    )
    .onConflictDoNothing()
    .returning({ id: notices.id });
  if (inserted.length === 0) return false;
  if (notice.email !== false && (await wantsEmail(tx, notice.personId))) await emailNotice(tx, notice);
  return true;
}

async function emailNotice(tx: Tenant, notice: Notice): Promise<void> {
  const [recipient] = await recipientsOf(tx, [notice.personId]);
  if (!recipient) return;
  const names = await namesOf(tx, notice.params.from ? [notice.params.from] : []);
  const text = renderNoticeText(
    recipient.locale,
    notice.kind,
    notice.params,
    names.get(notice.params.from ?? ""),
  );
  await enqueueEmail(tx, recipient.email, recipient.locale, {
    template: "notice",
    params: {
      name: recipient.name,
      text,
      link: `${notice.site}${notice.href}`,
      settingsLink: `${notice.site}/profile#reminders`,
    },
  });
}

/**
 * The thing a notice asked for is done (an application waiting for confirmation was confirmed): every
 * notice of that event counts as read, for whoever got it, so the unread count only shows open work.
 */
export async function settleNotices(tx: Tenant, { key, now }: { key: string; now: Date }): Promise<void> {
  await tx.db
    .update(notices)
    .set({ readAt: now })
    .where(tx.where(notices, eq(notices.dedupeKey, key), isNull(notices.readAt)));
}

type NoticeRow = typeof notices.$inferSelect;

/** Rows as the reader sees them: the text in `locale`, with the other person's current name. */
async function present(tenant: Tenant, rows: NoticeRow[], locale: Locale) {
  const params = (row: NoticeRow) => row.params as NoticeParams;
  const names = await namesOf(tenant, [...new Set(rows.flatMap((r) => params(r).from ?? []))]);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: renderNoticeText(locale, row.kind, params(row), names.get(params(row).from ?? "")),
    href: row.href,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }));
}

/** The signed-in person's notices, newest first, and how many are unread. */
export async function listNotices({ tenant, actor, locale }: Scope): Promise<NoticesView> {
  const rows = await tenant
    .selectRows(notices, eq(notices.personId, actor.personId))
    .orderBy(desc(notices.createdAt))
    .limit(LIST_LIMIT);
  const [unread] = await tenant.select(
    notices,
    { n: count() },
    eq(notices.personId, actor.personId),
    isNull(notices.readAt),
  );
  return { unread: unread?.n ?? 0, notices: await present(tenant, rows, locale) };
}

/** Marks one of the person's own notices read; reading it again keeps the first time. */
export async function markNoticeRead({ tenant, actor, now }: Scope, { noticeId }: { noticeId: string }) {
  const own = [eq(notices.id, noticeId), eq(notices.personId, actor.personId)];
  const [row] = await tenant.select(notices, { id: notices.id }, ...own);
  if (!row) throw notFound("notice");
  await tenant.db
    .update(notices)
    .set({ readAt: now })
    .where(tenant.where(notices, ...own, isNull(notices.readAt)));
}

/** Marks every unread notice of the person read. */
export async function markAllNoticesRead({ tenant, actor, now }: Scope): Promise<void> {
  await tenant.db
    .update(notices)
    .set({ readAt: now })
    .where(tenant.where(notices, eq(notices.personId, actor.personId), isNull(notices.readAt)));
}

/** A person's notices for their data export, in their own language (else their organisation's). */
export async function collectNotices(tenant: Tenant, personId: string) {
  const [person] = await tenant.db
    .select({ locale: persons.locale, defaultLocale: organisations.defaultLocale })
    .from(persons)
    .innerJoin(organisations, eq(organisations.id, persons.organisationId))
    .where(tenant.where(persons, eq(persons.id, personId)));
  const rows = await tenant
    .selectRows(notices, eq(notices.personId, personId))
    .orderBy(desc(notices.createdAt));
  return present(tenant, rows, recipientLocale(person?.locale, person?.defaultLocale));
}

/** Erasure: the person's own notices go. Others' notices name them only by id, so they read "someone". */
export async function eraseNotices(tx: Tenant, personId: string): Promise<void> {
  await tx.db.delete(notices).where(tx.where(notices, eq(notices.personId, personId)));
}
