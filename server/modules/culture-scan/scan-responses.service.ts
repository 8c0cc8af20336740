import { count, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cultureScans, scanInvitations, scanResponses, type ScanAnswers } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { hashSecret } from "../auth/index.ts";
import { phaseFromAnswers, validateAnswers } from "./answers.ts";
import { organisationName, scanStatus, scanZone } from "./culture-scan.service.ts";
import { todayIn } from "../../../common/dates.ts";

type Scan = typeof cultureScans.$inferSelect;

/* The respondent's side: no sign-in, only the link. */

/** The scan behind a link, its organisation's rows and the time zone the scan opens and closes in. */
async function findLink(db: Db, token: string) {
  const { scan, invitation } = await scanOfLink(db, token);
  const tenant = new Tenant(db, scan.organisationId);
  return { scan, invitation, tenant, zone: await scanZone(tenant, scan) };
}

/** Token lookups cannot be scoped: the link is the only key, and it names the organisation. */
async function scanOfLink(db: Db, token: string) {
  const hash = hashSecret(token);
  const [invitation] = await db
    .select()
    .from(scanInvitations)
    .where(or(eq(scanInvitations.tokenHash, hash), eq(scanInvitations.reminderTokenHash, hash)))
    .limit(1);
  if (invitation) {
    const [scan] = await db
      .select()
      .from(cultureScans)
      .where(
        new Tenant(db, invitation.organisationId).where(cultureScans, eq(cultureScans.id, invitation.scanId)),
      );
    return { scan: scan!, invitation };
  }
  const [scan] = await db.select().from(cultureScans).where(eq(cultureScans.sharedToken, token)).limit(1);
  if (!scan) throw new AppError("TOKEN_INVALID");
  return { scan, invitation: null };
}

/** A link's state: open, already answered, or closed; a started answer survives the closing. */
export async function lookupScan(db: Db, { token, now }: { token: string; now: Date }) {
  const { scan, invitation, tenant, zone } = await findLink(db, token);
  const status = scanStatus(scan, now, zone);
  const lateButStarted =
    status === "closed" &&
    !scan.resultsReleasedAt &&
    Boolean(invitation?.startedAt) &&
    !invitation?.spentOn &&
    startedBeforeClose(scan, invitation!.startedAt!);
  return {
    title: scan.title,
    organisationName: await organisationName(tenant),
    status: invitation?.spentOn ? ("answered" as const) : lateButStarted ? ("open" as const) : status,
    shared: invitation === null,
    // A shared-link answer counts for no team (it could be anyone's), so there is no team to choose.
    teams: [],
    draft: invitation?.spentOn ? null : (invitation?.draft ?? null),
    lateButStarted,
  };
}

function startedBeforeClose(scan: Scan, startedAt: Date): boolean {
  const closedAt = scan.closedAt ?? new Date(`${scan.closesOn}T23:59:59Z`);
  return startedAt < closedAt;
}

function assertCanAnswer(
  scan: Scan,
  invitation: typeof scanInvitations.$inferSelect | null,
  now: Date,
  timeZone: string,
): void {
  if (invitation?.spentOn) throw new AppError("SCAN_ALREADY_ANSWERED");
  const status = scanStatus(scan, now, timeZone);
  if (status === "planned") throw new AppError("SCAN_CLOSED");
  if (
    status === "closed" &&
    !(!scan.resultsReleasedAt && invitation?.startedAt && startedBeforeClose(scan, invitation.startedAt))
  )
    throw new AppError("SCAN_CLOSED");
}

/** Saves answers so far, so the person can stop and continue later with the same link. */
export async function saveDraft(
  db: Db,
  { token, answers, now }: { token: string; answers: ScanAnswers; now: Date },
): Promise<void> {
  const { scan, invitation, tenant, zone } = await findLink(db, token);
  if (!invitation) return; // The shared link keeps its draft in the browser.
  assertCanAnswer(scan, invitation, now, zone);
  const clean = validateAnswers(answers, false);
  await tenant.db
    .update(scanInvitations)
    .set({ draft: clean, startedAt: invitation.startedAt ?? now })
    .where(
      tenant.where(scanInvitations, eq(scanInvitations.id, invitation.id), isNull(scanInvitations.spentOn)),
    );
}

/**
 * Records an answer exactly once. The link is spent and the response written in one transaction, and
 * the response carries no reference to the link or the person: only the team, the answers, the derived
 * phase and the day.
 *
 * A shared-link answer is not tied to anyone, so it gets no team (a team chosen in the form is ignored),
 * is marked as such, counts toward no threshold, and a scan takes at most as many of them as it has
 * invited people. The scan row is locked while writing, so the cap holds under concurrent sends and an
 * answer never slips in after the results became final.
 */
export async function submitAnswers(
  db: Db,
  { token, answers, now }: { token: string; answers: ScanAnswers; now: Date },
): Promise<void> {
  const { scan, invitation, tenant, zone } = await findLink(db, token);
  assertCanAnswer(scan, invitation, now, zone);
  const clean = validateAnswers(answers, true);
  const today = todayIn(zone, now);
  await tenant.transaction(async (tx) => {
    const [locked] = await tx.selectRows(cultureScans, eq(cultureScans.id, scan.id)).for("update");
    assertCanAnswer(locked!, invitation, now, zone);
    if (invitation) {
      const spent = await tx.db
        .update(scanInvitations)
        .set({ spentOn: today, draft: null })
        .where(
          tx.where(scanInvitations, eq(scanInvitations.id, invitation.id), isNull(scanInvitations.spentOn)),
        )
        .returning({ id: scanInvitations.id });
      if (spent.length === 0) throw new AppError("SCAN_ALREADY_ANSWERED");
    } else {
      const [invited] = await tx.select(scanInvitations, { n: count() }, eq(scanInvitations.scanId, scan.id));
      const [shared] = await tx.select(
        scanResponses,
        { n: count() },
        eq(scanResponses.scanId, scan.id),
        eq(scanResponses.viaSharedLink, true),
      );
      if ((shared?.n ?? 0) >= (invited?.n ?? 0)) throw new AppError("SCAN_SHARED_LINK_FULL");
    }
    await tx.db.insert(scanResponses).values(
      tx.row({
        scanId: scan.id,
        teamId: invitation ? invitation.teamId : null,
        viaSharedLink: invitation === null,
        answers: clean,
        phase: phaseFromAnswers(clean),
        submittedOn: today,
      }),
    );
  });
}
