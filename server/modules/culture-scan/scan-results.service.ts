import { count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import { cultureScans, scanActions, scanInvitations, scanResponses, teams } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { scanThreshold } from "./anonymity.ts";
import { authorize } from "./culture-scan.policy.ts";
import { computeResults } from "./results.ts";
import { recordAudit } from "../../audit.ts";
import { getScan, organisationOf, type Scan, scanStatus, scanZone } from "./culture-scan.service.ts";

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
export async function getResults(scope: Scope, { scanId }: { scanId: string }) {
  const { tenant, actor, now, locale } = scope;
  authorize(actor, "scan.results");
  const scan = await getScan(tenant, scanId);
  const org = await organisationOf(tenant);
  const status = scanStatus(scan, now, await scanZone(tenant, scan));
  const final = status === "closed";
  if (final) await releaseResults(tenant, scan, now);
  const responses = await tenant.select(scanResponses, responseColumns, eq(scanResponses.scanId, scanId));
  const teamRows = await tenant.select(teams, { id: teams.id, name: teams.name });
  const [invited] = await tenant.select(scanInvitations, { n: count() }, eq(scanInvitations.scanId, scanId));
  const results = computeResults({
    responses,
    teams: teamRows,
    invited: invited?.n ?? 0,
    threshold: scanThreshold(scan.anonymityThreshold, org.anonymityThreshold),
    otherLabel: translator(locale)("ui.scans.other"),
    final,
  });
  const [previous] = await tenant
    .selectRows(cultureScans, lt(cultureScans.createdAt, scan.createdAt))
    .orderBy(desc(cultureScans.createdAt))
    .limit(1);
  let trend = null;
  if (previous) {
    // Only final results of the earlier scan: its figures must not move between readings either.
    const before = previous.resultsReleasedAt
      ? await tenant.select(scanResponses, responseColumns, eq(scanResponses.scanId, previous.id))
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
  const actions = await tenant
    .selectRows(scanActions, inArray(scanActions.scanId, previous ? [scanId, previous.id] : [scanId]))
    .orderBy(scanActions.dueOn);
  await recordAudit(tenant, actor, "scan.results-viewed", { type: "culture-scan", id: scanId });
  return {
    scan: {
      id: scan.id,
      title: scan.title,
      status,
      opensOn: scan.opensOn,
      closesOn: scan.closesOn,
    },
    ...results,
    trend,
    actions,
  };
}
