import { and, count, desc, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import { isLocale, recipientLocale } from "../../../common/locales.ts";
import type { CreateScanBody } from "../../../common/schemas/culture-scans.ts";
import {
  cultureScans,
  organisations,
  persons,
  scanActions,
  scanInvitations,
  scanResponses,
  teamMemberships,
  teams,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import { translator } from "../../i18n.ts";
import { newSecret } from "../auth/index.ts";
import { enqueueEmail } from "../notifications/index.ts";
import { effectiveThreshold, scanThreshold } from "./anonymity.ts";
import { authorize } from "./culture-scan.policy.ts";
import { computeResults } from "./results.ts";
import { recordAudit } from "../../audit.ts";
import { todayIn } from "../../../common/dates.ts";

const ZONE = "Europe/Amsterdam";
type Scan = typeof cultureScans.$inferSelect;

const invalid = (field: string, code: string) =>
  new AppError("VALIDATION_FAILED", `${field}: ${code}`, {}, [{ field, code }]);

export function scanStatus(scan: Scan, now: Date): "planned" | "open" | "closed" {
  const today = todayIn(ZONE, now);
  if (scan.closedAt || today > scan.closesOn) return "closed";
  return today < scan.opensOn ? "planned" : "open";
}

async function getScan(tenant: Tenant, scanId: string): Promise<Scan> {
  const [scan] = await tenant.db
    .select()
    .from(cultureScans)
    .where(tenant.where(cultureScans, eq(cultureScans.id, scanId)));
  if (!scan) throw notFound("culture scan");
  return scan;
}

/** Active and invited people of the chosen teams (members and managers), or of the whole organisation. */
async function invitees(tenant: Tenant, teamIds: string[]) {
  const live = and(isNull(persons.erasedAt), ne(persons.status, "deactivated"));
  if (teamIds.length === 0) {
    const people = await tenant.db
      .select({ id: persons.id, name: persons.name, email: persons.email, locale: persons.locale })
      .from(persons)
      .where(tenant.where(persons, live));
    const places = await tenant.db.select().from(teamMemberships).where(tenant.where(teamMemberships));
    return people.map((p) => ({ ...p, teamId: places.find((m) => m.personId === p.id)?.teamId ?? null }));
  }
  const found = await tenant.db
    .select({ id: teams.id })
    .from(teams)
    .where(tenant.where(teams, inArray(teams.id, teamIds)));
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
    .innerJoin(
      persons,
      and(
        eq(persons.organisationId, teamMemberships.organisationId),
        eq(persons.id, teamMemberships.personId),
      ),
    )
    .where(tenant.where(teamMemberships, inArray(teamMemberships.teamId, teamIds), live));
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

export async function organisationName(tenant: Tenant): Promise<string> {
  return (await organisationOf(tenant)).name;
}

async function organisationOf(tenant: Tenant) {
  const [org] = await tenant.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  return org!;
}

function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Starts a scan: one personal link per person by email, and a shared link for the poster. */
export async function createScan(
  tenant: Tenant,
  actor: Actor,
  input: CreateScanBody,
  context: { publicUrl: string; now: Date },
) {
  authorize(actor, "scan.manage");
  if (input.closesOn < input.opensOn) throw invalid("closesOn", "dates_not_in_order");
  if (input.closesOn < todayIn(ZONE, context.now)) throw invalid("closesOn", "date_in_past");
  const org = await organisationOf(tenant);
  return tenant.transaction(async (tx) => {
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
    for (const person of people) {
      const { token, hash } = newSecret();
      await tx.db
        .insert(scanInvitations)
        .values(tx.row({ scanId: scan!.id, personId: person.id, teamId: person.teamId, tokenHash: hash }));
      const locale = recipientLocale(person.locale, org.defaultLocale);
      await enqueueEmail(tx, person.email, locale, {
        template: "culture-scan-invitation",
        params: {
          name: person.name,
          organisation: org.name,
          title: scan!.title,
          link: `${context.publicUrl}/scan#token=${token}`,
          closesOn: formatDate(scan!.closesOn, locale),
        },
      });
    }
    await recordAudit(
      tx,
      actor,
      "scan.created",
      { type: "culture-scan", id: scan!.id },
      { invited: people.length },
    );
    return scan!;
  });
}

export async function findScans(tenant: Tenant, actor: Actor, now: Date, publicUrl: string) {
  authorize(actor, "scan.results");
  const scans = await tenant.db
    .select()
    .from(cultureScans)
    .where(tenant.where(cultureScans))
    .orderBy(desc(cultureScans.createdAt));
  const invited = await tenant.db
    .select({ scanId: scanInvitations.scanId, n: count() })
    .from(scanInvitations)
    .where(tenant.where(scanInvitations))
    .groupBy(scanInvitations.scanId);
  const answered = await tenant.db
    .select({ scanId: scanResponses.scanId, n: count() })
    .from(scanResponses)
    .where(tenant.where(scanResponses))
    .groupBy(scanResponses.scanId);
  return scans.map((scan) => ({
    id: scan.id,
    title: scan.title,
    opensOn: scan.opensOn,
    closesOn: scan.closesOn,
    status: scanStatus(scan, now),
    invited: invited.find((x) => x.scanId === scan.id)?.n ?? 0,
    responses: answered.find((x) => x.scanId === scan.id)?.n ?? 0,
    sharedLink: scanStatus(scan, now) === "closed" ? null : `${publicUrl}/scan#shared=${scan.sharedToken}`,
  }));
}

export async function closeScan(tenant: Tenant, actor: Actor, scanId: string, now: Date): Promise<void> {
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
  tenant: Tenant,
  actor: Actor,
  scanId: string,
  context: { publicUrl: string; now: Date },
): Promise<number> {
  authorize(actor, "scan.manage");
  const scan = await getScan(tenant, scanId);
  if (scanStatus(scan, context.now) !== "open") throw new AppError("SCAN_CLOSED");
  return tenant.transaction(async (tx) => {
    const invited = await tx.db
      .select({ id: scanInvitations.id, name: persons.name, email: persons.email, locale: persons.locale })
      .from(scanInvitations)
      .innerJoin(
        persons,
        and(
          eq(persons.organisationId, scanInvitations.organisationId),
          eq(persons.id, scanInvitations.personId),
        ),
      )
      .where(tx.where(scanInvitations, eq(scanInvitations.scanId, scanId), isNull(persons.erasedAt)));
    for (const invitation of invited) {
      // Only hashes are stored, so a reminder carries a second link; the first email's link still works.
      const { token, hash } = newSecret();
      await tx.db
        .update(scanInvitations)
        .set({ reminderTokenHash: hash, remindedAt: context.now })
        .where(tx.where(scanInvitations, eq(scanInvitations.id, invitation.id)));
      const locale = isLocale(invitation.locale) ? invitation.locale : "nl";
      await enqueueEmail(tx, invitation.email, locale, {
        template: "culture-scan-reminder",
        params: {
          name: invitation.name,
          title: scan.title,
          link: `${context.publicUrl}/scan#token=${token}`,
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
}

/**
 * Makes a closed scan's results final, the first time they are read. From then on no late answer is
 * accepted (see `submitAnswers`), so every reading shows the same answers. The update waits for a late
 * answer being written at the same moment, so that answer is either in the results or refused.
 */
async function releaseResults(tenant: Tenant, scan: Scan, now: Date): Promise<void> {
  if (scan.resultsReleasedAt) return;
  await tenant.db
    .update(cultureScans)
    .set({ resultsReleasedAt: now })
    .where(tenant.where(cultureScans, eq(cultureScans.id, scan.id), isNull(cultureScans.resultsReleasedAt)));
}

const responseColumns = {
  teamId: scanResponses.teamId,
  answers: scanResponses.answers,
  phase: scanResponses.phase,
  viaSharedLink: scanResponses.viaSharedLink,
};

/**
 * The anonymous results. While the scan is open they hold counts only: figures that moved with every
 * answer would show each new person's answers as the difference between two readings. Once it has
 * closed, the first reading makes them final, and they never change again.
 */
export async function getResults(tenant: Tenant, actor: Actor, scanId: string, locale: Locale, now: Date) {
  authorize(actor, "scan.results");
  const scan = await getScan(tenant, scanId);
  const org = await organisationOf(tenant);
  const final = scanStatus(scan, now) === "closed";
  if (final) await releaseResults(tenant, scan, now);
  const responses = await tenant.db
    .select(responseColumns)
    .from(scanResponses)
    .where(tenant.where(scanResponses, eq(scanResponses.scanId, scanId)));
  const teamRows = await tenant.db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(tenant.where(teams));
  const [invited] = await tenant.db
    .select({ n: count() })
    .from(scanInvitations)
    .where(tenant.where(scanInvitations, eq(scanInvitations.scanId, scanId)));
  const results = computeResults({
    responses,
    teams: teamRows,
    invited: invited?.n ?? 0,
    threshold: scanThreshold(scan.anonymityThreshold, org.anonymityThreshold),
    otherLabel: translator(locale)("ui.scans.other"),
    final,
  });
  const [previous] = await tenant.db
    .select()
    .from(cultureScans)
    .where(tenant.where(cultureScans, lt(cultureScans.createdAt, scan.createdAt)))
    .orderBy(desc(cultureScans.createdAt))
    .limit(1);
  let trend = null;
  if (previous) {
    // Only final results of the earlier scan: its figures must not move between readings either.
    const before = previous.resultsReleasedAt
      ? await tenant.db
          .select(responseColumns)
          .from(scanResponses)
          .where(tenant.where(scanResponses, eq(scanResponses.scanId, previous.id)))
      : [];
    const earlier = computeResults({
      responses: before,
      teams: teamRows,
      invited: 0,
      threshold: scanThreshold(previous.anonymityThreshold, org.anonymityThreshold),
      otherLabel: "",
    });
    trend = { scanId: previous.id, title: previous.title, overall: earlier.overall };
  }
  const actions = await tenant.db
    .select()
    .from(scanActions)
    .where(
      tenant.where(scanActions, inArray(scanActions.scanId, previous ? [scanId, previous.id] : [scanId])),
    )
    .orderBy(scanActions.dueOn);
  await recordAudit(tenant, actor, "scan.results-viewed", { type: "culture-scan", id: scanId });
  return {
    scan: {
      id: scan.id,
      title: scan.title,
      status: scanStatus(scan, now),
      opensOn: scan.opensOn,
      closesOn: scan.closesOn,
    },
    ...results,
    trend,
    actions,
  };
}

export async function addAction(
  tenant: Tenant,
  actor: Actor,
  scanId: string,
  input: { title: string; owner: string; dueOn: string; interventionId: string | null },
) {
  authorize(actor, "scan.manage");
  await getScan(tenant, scanId);
  const [action] = await tenant.db
    .insert(scanActions)
    .values(tenant.row({ scanId, ...input }))
    .returning();
  return action!;
}
