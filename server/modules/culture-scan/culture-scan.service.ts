import { and, count, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import { intlLocale, isLocale, recipientLocale } from "../../../common/locales.ts";
import type { CreateScanBody, UpdateScanBody } from "../../../common/schemas/culture-scans.ts";
import {
  cultureScans,
  organisations,
  persons,
  scanInvitations,
  scanResponses,
  teamMemberships,
  teams,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import type { Jobs } from "../../jobs/queue.ts";
import { newSecret } from "../auth/index.ts";
import { enqueueEmail } from "../notifications/index.ts";
import { effectiveThreshold } from "./anonymity.ts";
import { authorize } from "./culture-scan.policy.ts";
import { recordAudit } from "../../audit.ts";
import { todayIn } from "../../../common/dates.ts";

export type Scan = typeof cultureScans.$inferSelect;
/** Asks the mailer to send what was just queued; the scheduled sweep is the safety net. */
export type OutboxKick = Pick<Jobs, "send">;

/**
 * Organisations have no time zone of their own (only people do), so a scan runs on its creator's
 * calendar; a scan without a creator (demo data) on the zone every person starts with.
 */
const STARTING_ZONE = "Europe/Amsterdam";

/** The time zone a person's calendar days are in. */
export async function zoneOf(tenant: Tenant, personId: string | null): Promise<string> {
  if (!personId) return STARTING_ZONE;
  const [person] = await tenant.select(persons, { timeZone: persons.timeZone }, eq(persons.id, personId));
  return person?.timeZone ?? STARTING_ZONE;
}

/** The time zone a scan opens and closes in: its creator's. */
export const scanZone = (tenant: Tenant, scan: Scan): Promise<string> => zoneOf(tenant, scan.createdBy);

/** Whether a scan is planned, open or closed on today's date in its time zone. */
export function scanStatus(scan: Scan, now: Date, timeZone: string): "planned" | "open" | "closed" {
  const today = todayIn(timeZone, now);
  if (scan.closedAt || today > scan.closesOn) return "closed";
  return today < scan.opensOn ? "planned" : "open";
}

export async function getScan(tenant: Tenant, scanId: string): Promise<Scan> {
  const [scan] = await tenant.selectRows(cultureScans, eq(cultureScans.id, scanId));
  if (!scan) throw notFound("culture scan");
  return scan;
}

/** Active and invited people of the chosen teams (members and managers), or of the whole organisation. */
async function invitees(tenant: Tenant, teamIds: string[]) {
  const live = and(isNull(persons.erasedAt), ne(persons.status, "deactivated"));
  if (teamIds.length === 0) {
    const people = await tenant.select(
      persons,
      { id: persons.id, name: persons.name, email: persons.email, locale: persons.locale },
      live,
    );
    const places = await tenant.selectRows(teamMemberships);
    return people.map((p) => ({ ...p, teamId: places.find((m) => m.personId === p.id)?.teamId ?? null }));
  }
  const found = await tenant.select(teams, { id: teams.id }, inArray(teams.id, teamIds));
  if (found.length !== new Set(teamIds).size) throw invalid("teamIds", "unknown_team");
  const rows = await tenant.db
    .select({
      id: persons.id,
      name: persons.name,
      email: persons.email,
      locale: persons.locale,
      teamId: teamMemberships.teamId,
    })
    .from(teamMemberships)
    .innerJoin(persons, tenant.refersTo(teamMemberships.personId, persons))
    .where(tenant.where(teamMemberships, inArray(teamMemberships.teamId, teamIds), live));
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

export async function organisationName(tenant: Tenant): Promise<string> {
  return (await organisationOf(tenant)).name;
}

/** The organisation the scan belongs to: its name, time zone, default language and anonymity threshold. */
export async function organisationOf(tenant: Tenant) {
  const [org] = await tenant.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  return org!;
}

function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

type Invitee = Awaited<ReturnType<typeof invitees>>[number];

/** One personal link, by email in the person's language. */
async function invite(
  tx: Tenant,
  {
    scan,
    person,
    org,
    site,
  }: { scan: Scan; person: Invitee; org: Awaited<ReturnType<typeof organisationOf>>; site: string },
) {
  const { token, hash } = newSecret();
  await tx.db
    .insert(scanInvitations)
    .values(tx.row({ scanId: scan.id, personId: person.id, teamId: person.teamId, tokenHash: hash }));
  const locale = recipientLocale(person.locale, org.defaultLocale);
  await enqueueEmail(tx, person.email, locale, {
    template: "culture-scan-invitation",
    params: {
      name: person.name,
      organisation: org.name,
      title: scan.title,
      link: `${site}/scan#token=${token}`,
      closesOn: formatDate(scan.closesOn, locale),
    },
  });
}

/** Starts a scan: one personal link per person by email, and a shared link for the poster. */
export async function createScan(scope: Scope, input: CreateScanBody, outbox?: OutboxKick) {
  const { tenant, actor, now, site } = scope;
  authorize(actor, "scan.manage");
  if (input.closesOn < input.opensOn) throw invalid("closesOn", "dates_not_in_order");
  if (input.closesOn < todayIn(await zoneOf(tenant, actor.personId), now))
    throw invalid("closesOn", "date_in_past");
  const org = await organisationOf(tenant);
  const created = await tenant.transaction(async (tx) => {
    const people = await invitees(tx, input.teamIds);
    if (people.length === 0) throw invalid("teamIds", "no_participants");
    const [scan] = await tx.db
      .insert(cultureScans)
      .values(
        tx.row({
          ...input,
          sharedToken: newSecret().token,
          // Frozen with the scan: a later, lower organisation threshold never reaches these results.
          anonymityThreshold: effectiveThreshold(org.anonymityThreshold),
          createdBy: actor.personId,
        }),
      )
      .returning();
    for (const person of people) await invite(tx, { scan: scan!, person, org, site });
    await recordAudit(
      tx,
      actor,
      "scan.created",
      { type: "culture-scan", id: scan!.id },
      { invited: people.length },
    );
    return scan!;
  });
  await outbox?.send("notifications.deliver-outbox");
  return created;
}

/** The organisation's scans, newest first, with how many were invited and answered. */
export async function findScans(scope: Scope) {
  const { tenant, actor, now, site } = scope;
  authorize(actor, "scan.results");
  const scans = await tenant.db
    .select({ scan: cultureScans, timeZone: persons.timeZone })
    .from(cultureScans)
    .leftJoin(persons, tenant.refersTo(cultureScans.createdBy, persons))
    .where(tenant.where(cultureScans))
    .orderBy(desc(cultureScans.createdAt));
  const invited = await tenant
    .select(scanInvitations, { scanId: scanInvitations.scanId, n: count() })
    .groupBy(scanInvitations.scanId);
  const answered = await tenant
    .select(scanResponses, { scanId: scanResponses.scanId, n: count() })
    .groupBy(scanResponses.scanId);
  return scans.map(({ scan, timeZone: zone }) => {
    const status = scanStatus(scan, now, zone ?? STARTING_ZONE);
    return {
      id: scan.id,
      title: scan.title,
      teamIds: scan.teamIds,
      opensOn: scan.opensOn,
      closesOn: scan.closesOn,
      status,
      invited: invited.find((x) => x.scanId === scan.id)?.n ?? 0,
      responses: answered.find((x) => x.scanId === scan.id)?.n ?? 0,
      sharedLink: status === "closed" ? null : `${site}/scan#shared=${scan.sharedToken}`,
    };
  });
}

/**
 * Corrects a scan. Before it opens, its title, dates and teams can change: people of a team added get
 * their link now, and the links of people no longer invited stop working (nobody can have answered
 * yet). Once open, only the closing date can move, and only later: an earlier close could cut off
 * someone halfway through the questionnaire. A closed scan is a record and stays as it is.
 */
export async function updateScan(
  scope: Scope,
  { scanId, ...input }: UpdateScanBody & { scanId: string },
  outbox?: OutboxKick,
): Promise<void> {
  const { tenant, actor, now, site } = scope;
  authorize(actor, "scan.manage");
  const scan = await getScan(tenant, scanId);
  const status = scanStatus(scan, now, await scanZone(tenant, scan));
  if (status === "closed") throw new AppError("SCAN_CLOSED");
  if (Object.keys(input).length === 0) return;
  const today = todayIn(await zoneOf(tenant, actor.personId), now);
  if (status === "open") {
    const moved = Object.keys(input).filter((key) => key !== "closesOn");
    const changed = moved.filter((key) => {
      const value = input[key as keyof typeof input];
      return JSON.stringify(value) !== JSON.stringify(scan[key as keyof Scan]);
    });
    if (changed.length > 0) throw invalid(changed[0]!, "scan_open_only_closing_date");
    if (input.closesOn !== undefined && input.closesOn < scan.closesOn)
      throw invalid("closesOn", "scan_close_only_later");
  }
  const opensOn = input.opensOn ?? scan.opensOn;
  const closesOn = input.closesOn ?? scan.closesOn;
  if (input.opensOn !== undefined && input.opensOn !== scan.opensOn && input.opensOn < today)
    throw invalid("opensOn", "date_in_past");
  if (closesOn < opensOn) throw invalid("closesOn", "dates_not_in_order");
  if (input.closesOn !== undefined && closesOn < today) throw invalid("closesOn", "date_in_past");
  const org = await organisationOf(tenant);
  const invitedNow = await tenant.transaction(async (tx) => {
    const [updated] = await tx.db
      .update(cultureScans)
      .set(input)
      .where(tx.where(cultureScans, eq(cultureScans.id, scanId)))
      .returning();
    let added = 0;
    let removed = 0;
    if (input.teamIds !== undefined && status === "planned") {
      const people = await invitees(tx, input.teamIds);
      if (people.length === 0) throw invalid("teamIds", "no_participants");
      const existing = await tx.select(
        scanInvitations,
        { id: scanInvitations.id, personId: scanInvitations.personId },
        eq(scanInvitations.scanId, scanId),
      );
      const wanted = new Set(people.map((p) => p.id));
      const gone = existing.filter((i) => !i.personId || !wanted.has(i.personId)).map((i) => i.id);
      if (gone.length > 0)
        await tx.db
          .delete(scanInvitations)
          .where(tx.where(scanInvitations, inArray(scanInvitations.id, gone)));
      const had = new Set(existing.map((i) => i.personId));
      for (const person of people.filter((p) => !had.has(p.id))) {
        await invite(tx, { scan: updated!, person, org, site });
        added += 1;
      }
      removed = gone.length;
    }
    await recordAudit(
      tx,
      actor,
      "scan.updated",
      { type: "culture-scan", id: scanId },
      { fields: Object.keys(input).join(","), invited: added, uninvited: removed },
    );
    return added;
  });
  if (invitedNow > 0) await outbox?.send("notifications.deliver-outbox");
}

/**
 * Deletes a scan that has not opened yet, with its links (they stop working). An open or closed scan
 * holds answers: it can be closed, never deleted.
 */
export async function deleteScan(scope: Scope, { scanId }: { scanId: string }): Promise<void> {
  const { tenant, actor, now } = scope;
  authorize(actor, "scan.manage");
  const scan = await getScan(tenant, scanId);
  if (scanStatus(scan, now, await scanZone(tenant, scan)) !== "planned") throw new AppError("SCAN_STARTED");
  await tenant.transaction(async (tx) => {
    await tx.db.delete(cultureScans).where(tx.where(cultureScans, eq(cultureScans.id, scanId)));
    await recordAudit(tx, actor, "scan.deleted", { type: "culture-scan", id: scanId }, { title: scan.title });
  });
}

/** Closes a scan before its last day. */
export async function closeScan(scope: Scope, { scanId }: { scanId: string }): Promise<void> {
  const { tenant, actor, now } = scope;
  authorize(actor, "scan.manage");
  await getScan(tenant, scanId);
  await tenant.db
    .update(cultureScans)
    .set({ closedAt: now })
    .where(tenant.where(cultureScans, eq(cultureScans.id, scanId), isNull(cultureScans.closedAt)));
  await recordAudit(tenant, actor, "scan.closed", { type: "culture-scan", id: scanId });
}

/**
 * Reminds everyone invited, answered or not, with the same email. Reminding only those who have not
 * answered would tell the coordinator who has: through the count, the person's data export (which lists
 * the mail a person got) and the development mailbox. The email tells people who already answered to
 * ignore it, and their new link only says "already answered".
 */
export async function remindScan(
  scope: Scope,
  { scanId }: { scanId: string },
  outbox?: OutboxKick,
): Promise<number> {
  const { tenant, actor, now, site } = scope;
  authorize(actor, "scan.manage");
  const scan = await getScan(tenant, scanId);
  if (scanStatus(scan, now, await scanZone(tenant, scan)) !== "open") throw new AppError("SCAN_CLOSED");
  const reminded = await tenant.transaction(async (tx) => {
    const invited = await tx.db
      .select({ id: scanInvitations.id, name: persons.name, email: persons.email, locale: persons.locale })
      .from(scanInvitations)
      .innerJoin(persons, tx.refersTo(scanInvitations.personId, persons))
      .where(tx.where(scanInvitations, eq(scanInvitations.scanId, scanId), isNull(persons.erasedAt)));
    for (const invitation of invited) {
      // Only hashes are stored, so a reminder carries a second link; the first email's link still works.
      const { token, hash } = newSecret();
      await tx.db
        .update(scanInvitations)
        .set({ reminderTokenHash: hash, remindedAt: now })
        .where(tx.where(scanInvitations, eq(scanInvitations.id, invitation.id)));
      const locale = isLocale(invitation.locale) ? invitation.locale : "nl";
      await enqueueEmail(tx, invitation.email, locale, {
        template: "culture-scan-reminder",
        params: {
          name: invitation.name,
          title: scan.title,
          link: `${site}/scan#token=${token}`,
          closesOn: formatDate(scan.closesOn, locale),
        },
      });
    }
    await recordAudit(
      tx,
      actor,
      "scan.reminded",
      { type: "culture-scan", id: scanId },
      { count: invited.length },
    );
    return invited.length;
  });
  await outbox?.send("notifications.deliver-outbox");
  return reminded;
}
