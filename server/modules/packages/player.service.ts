import { eq } from "drizzle-orm";
import type { AttemptView, LaunchView } from "../../../common/schemas/packages.ts";
import { activityProgress, packageAttempts } from "../../db/schema/index.ts";
import type { PackageUnit } from "../../db/schema/packages.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { enrolmentOf, saveProgress } from "../cohorts/index.ts";
import { isoDuration, recordStatement } from "../xapi/index.ts";
import { isFinished, readCommit, resumeCmi } from "./cmi.ts";
import { launchCmi5 } from "./cmi5-launch.ts";
import { cmi5AttemptView } from "./cmi5-waive.ts";
import { LAUNCH_LIFETIME_SECONDS, launchKey, signLaunch } from "./launch-token.ts";
import { packageRow } from "./packages.service.ts";
import { allFinished, attemptSummary, type UnitAttempt, unitToPlay } from "./units.ts";

interface ActivityRef {
  cohortId: string;
  activityId: string;
}

/** The package of an activity of the learner's own cohort; 404 for anything else. */
async function packageOfActivity(tenant: Tenant, personId: string, { cohortId, activityId }: ActivityRef) {
  const enrolment = await enrolmentOf(tenant, personId, cohortId);
  const activity = enrolment.document.activities.find((a) => a.id === activityId);
  if (!activity) throw notFound("activity");
  if (!activity.packageId) throw invalid("activityId", "activity_without_package");
  return { enrolment, activity, pkg: await packageRow(tenant, activity.packageId) };
}

/** The learner's attempts at the package's SCOs (one row per SCO played). */
async function attemptsOf(tenant: Tenant, personId: string, { cohortId, activityId }: ActivityRef) {
  return tenant.selectRows(
    packageAttempts,
    eq(packageAttempts.personId, personId),
    eq(packageAttempts.cohortId, cohortId),
    eq(packageAttempts.activityId, activityId),
  );
}

/** The SCO asked for (by id) or the one to continue with; an id the package does not have is a 400. */
function chosenUnit(pkg: { units: PackageUnit[] }, attempts: UnitAttempt[], asked?: string): PackageUnit {
  const unit = unitToPlay(pkg.units, attempts, asked);
  if (!unit) throw invalid("unitId", "unknown_unit");
  return unit;
}

/**
 * Starts or resumes a package activity: a signed, short-lived address on the content origin and the
 * CMI data to resume from (SCORM); for cmi5, the AU's launch URL (cmi5-launch.ts).
 */
export async function launchActivity(
  scope: Scope,
  options: ActivityRef & { contentOrigin: string | null; unitId?: string | undefined },
): Promise<LaunchView> {
  const { tenant, actor, now } = scope;
  const { pkg } = await packageOfActivity(tenant, actor.personId, options);
  if (!options.contentOrigin)
    throw new AppError("PACKAGE_NOT_PLAYABLE", "no content origin configured", { context: "origin" });
  if (pkg.standard === "cmi5")
    return launchCmi5(scope, { ...options, pkg, contentOrigin: options.contentOrigin });
  const token = signLaunch(await launchKey(tenant.db), {
    o: tenant.organisationId,
    p: pkg.id,
    e: Math.floor(now.getTime() / 1000) + LAUNCH_LIFETIME_SECONDS,
  });
  const attempts = await attemptsOf(tenant, actor.personId, options);
  const unit = chosenUnit(pkg, attempts, options.unitId);
  const attempt = attempts.find((a) => a.unitId === unit.id);
  const index = pkg.units.indexOf(unit);
  return {
    url: `${options.contentOrigin}/launch/${token}${index > 0 ? `?unit=${index}` : ""}`,
    standard: pkg.standard,
    contentOrigin: options.contentOrigin,
    title: pkg.units.length > 1 ? unit.title : pkg.title,
    cmi: attempt ? resumeCmi(pkg.standard, attempt) : null,
    unitId: unit.id,
  };
}

/**
 * Stores what the SCORM runtime committed for the learner's attempt (the last commit wins; the same
 * commit twice changes nothing). When the package reports completed or passed, the activity is done:
 * its Today task closes and it counts for LTEM tier 2, once.
 */
export async function commitAttempt(
  scope: Scope,
  options: ActivityRef & { body: unknown; unitId?: string | undefined },
): Promise<{ result: boolean; errorCode: number }> {
  const { tenant, actor, now, site } = scope;
  const { activity, pkg } = await packageOfActivity(tenant, actor.personId, options);
  const facts = readCommit(pkg.standard, options.body);
  if (!facts) throw invalid("cmi", "invalid_format");
  const { cohortId, activityId } = options;
  const unitId = chosenUnit(pkg, [], options.unitId ?? pkg.units[0]?.id).id;
  const finished = isFinished(facts);
  await tenant.transaction(async (tx) => {
    const attempts = await attemptsOf(tx, actor.personId, options);
    const previous = attempts.find((a) => a.unitId === unitId);
    const values = {
      packageId: pkg.id,
      cmi: facts.cmi,
      completion: facts.completion,
      success: facts.success,
      score: facts.score,
      location: facts.location,
      suspendData: facts.suspendData,
      // scorm-again reports the total (earlier sessions plus this one) only when a session ends.
      totalSeconds: Math.max(previous?.totalSeconds ?? 0, facts.totalSeconds),
      updatedAt: now,
      finishedAt: previous?.finishedAt ?? (finished ? now : null),
    };
    await tx.db
      .insert(packageAttempts)
      .values(tx.row({ personId: actor.personId, cohortId, activityId, unitId, ...values, startedAt: now }))
      .onConflictDoUpdate({
        target: [
          packageAttempts.organisationId,
          packageAttempts.personId,
          packageAttempts.cohortId,
          packageAttempts.activityId,
          packageAttempts.unitId,
        ],
        set: values,
      });
    if (!finished || previous?.finishedAt) return;
    // With several SCOs, the activity is done when the last of them is finished.
    const others = attempts.filter((a) => a.unitId !== unitId);
    if (!allFinished(pkg.units, [...others, { ...values, unitId }])) return;
    const summary = attemptSummary(pkg.units, [...others, { ...values, unitId }])!;
    const [progress] = await tx.select(
      activityProgress,
      { status: activityProgress.status },
      eq(activityProgress.personId, actor.personId),
      eq(activityProgress.cohortId, cohortId),
      eq(activityProgress.activityId, activityId),
    );
    if (progress?.status === "done") return;
    await saveProgress(tx, { personId: actor.personId, cohortId, activityId, status: "done", at: now });
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: "completed",
      object: { path: `activities/${activityId}`, name: activity.title, type: "module" },
      result: {
        ...(summary.success !== "unknown" && { success: summary.success === "passed" }),
        ...(summary.score !== null && { score: { scaled: Math.round(summary.score * 1000) / 1000 } }),
        ...(summary.totalSeconds > 0 && { duration: isoDuration(summary.totalSeconds * 1000) }),
      },
      registration: cohortId,
      timestamp: now,
      stored: now,
    });
  });
  return { result: true, errorCode: 0 };
}

/** The learner's attempt at a package activity (each SCO's too when it has several), or null before the first commit. */
export async function attemptView(scope: Scope, ref: ActivityRef): Promise<AttemptView | null> {
  const { pkg } = await packageOfActivity(scope.tenant, scope.actor.personId, ref);
  if (pkg.standard === "cmi5") return cmi5AttemptView(scope.tenant, scope.actor.personId, ref);
  return attemptSummary(pkg.units, await attemptsOf(scope.tenant, scope.actor.personId, ref));
}
