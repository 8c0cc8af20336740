import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AttemptView, WaiveRequest } from "../../../common/schemas/packages.ts";
import { cmi5Registrations } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { recordAudit } from "../../audit.ts";
import { invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { enrolmentOf } from "../cohorts/index.ts";
import { authorize } from "../trajectories/index.ts";
import { storeLmsStatement } from "../xapi/index.ts";
import { learnerAgent, metUnits, registrationFor, satisfyWhatIsMet } from "./cmi5-progress.ts";
import { CMI5, derivedId, lmsStatement } from "./cmi5-vocabulary.ts";
import { packageRow } from "./packages.service.ts";

/**
 * Waiving (cmi5 §9.3.8): a coordinator or designer lets a learner pass an AU without playing it, e.g.
 * tested out elsewhere. The LMS issues `waived` for the AU, then satisfies what that completes.
 */
export async function waiveUnits(
  scope: Scope,
  options: { cohortId: string; activityId: string } & WaiveRequest,
): Promise<{ waived: string[] }> {
  const { tenant, actor, now, site } = scope;
  authorize(actor, "trajectory.write");
  const enrolment = await enrolmentOf(tenant, options.personId, options.cohortId);
  const activity = enrolment.document.activities.find((a) => a.id === options.activityId);
  if (!activity?.packageId) throw notFound("activity");
  const pkg = await packageRow(tenant, activity.packageId);
  if (pkg.standard !== "cmi5") throw invalid("activityId", "activity_without_package");
  if (options.auId && !pkg.units.some((u) => u.id === options.auId)) throw invalid("auId", "invalid_format");
  const reg = await registrationFor(tenant, {
    personId: options.personId,
    cohortId: options.cohortId,
    activityId: options.activityId,
    packageId: pkg.id,
    now,
  });
  const met = await metUnits(tenant, reg.registration, pkg.units);
  const targets = pkg.units.filter((u) => (options.auId ? u.id === options.auId : !met.has(u.id)));
  // The LMS's own session: waiving happens outside any launch of the AU.
  const sessionId = randomUUID();
  const waived: string[] = [];
  for (const unit of targets) {
    const stored = await storeLmsStatement(
      tenant,
      site,
      lmsStatement({
        id: derivedId(reg.registration, unit.id, "waived"),
        actor: learnerAgent(site, options.personId),
        verb: "waived",
        object: { id: unit.id },
        registration: reg.registration,
        sessionId,
        moveOn: true,
        result: { success: true, completion: true, extensions: { [CMI5.reason]: options.reason } },
      }),
      now,
    );
    if (stored) waived.push(unit.id);
  }
  if (waived.length) await recordAudit(tenant, actor, "cmi5.waive", { type: "person", id: options.personId });
  await satisfyWhatIsMet(tenant, site, { registration: reg, sessionId, now });
  return { waived };
}

/** The learner's cmi5 registration as the activity page shows an attempt: satisfied or under way. */
export async function cmi5AttemptView(
  tenant: Tenant,
  personId: string,
  ref: { cohortId: string; activityId: string },
): Promise<AttemptView | null> {
  const [row] = await tenant.selectRows(
    cmi5Registrations,
    eq(cmi5Registrations.personId, personId),
    eq(cmi5Registrations.cohortId, ref.cohortId),
    eq(cmi5Registrations.activityId, ref.activityId),
  );
  if (!row) return null;
  return {
    completion: row.satisfiedAt ? "completed" : "incomplete",
    success: "unknown",
    score: null,
    totalSeconds: 0,
    updatedAt: (row.satisfiedAt ?? row.createdAt).toISOString(),
  };
}
