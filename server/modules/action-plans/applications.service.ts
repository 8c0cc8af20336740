import { eq } from "drizzle-orm";
import type { ApplicationOutcome } from "../../../common/schemas/action-plans.ts";
import { actionPlans, applicationConfirmations, planApplications } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import { correctRecord, removeRecord } from "../../audit.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { enqueueEmail, recipientsOf } from "../notifications/index.ts";
import { awardEarnedBadges } from "../badges/index.ts";
import { notify, settleNotices } from "../notices/index.ts";
import { managerIdsOf, managesPerson } from "../organisations/index.ts";
import { recordStatement } from "../xapi/index.ts";
import {
  canConfirm,
  canCorrectApplication,
  canLogOn,
  isConfirmable,
  tellsManagers,
} from "./action-plans.policy.ts";

/** "The situation came": logged in under a minute, including "I did not act", which is worth knowing. */
export async function logApplication(
  scope: Scope,
  {
    planId,
    ...input
  }: { planId: string; occurredAt: string; whatHappened: string; outcome: ApplicationOutcome },
) {
  const { tenant, actor, now, site } = scope;
  const [plan] = await tenant.selectRows(actionPlans, eq(actionPlans.id, planId));
  if (!plan || !canLogOn({ actorId: actor.personId, ownerId: plan.personId })) throw notFound("plan");
  const occurredAt = new Date(input.occurredAt);
  assertOccurredAt(occurredAt, plan.createdAt, now);
  return tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(planApplications)
      .values(
        tx.row({
          planId,
          personId: actor.personId,
          occurredAt,
          whatHappened: input.whatHappened,
          outcome: input.outcome,
          createdAt: now,
        }),
      )
      .returning();
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: input.outcome === "did-not-act" ? "waived" : "attempted",
      object: { path: `action-plans/${planId}`, name: plan.action, type: "module" },
      result: { success: input.outcome === "went-well", response: input.outcome },
      ...(plan.cohortId ? { registration: plan.cohortId } : {}),
      timestamp: occurredAt,
      stored: now,
    });
    if (tellsManagers(input.outcome))
      await notifyManagers(tx, actor, { applicationId: row!.id, action: plan.action, now, site, ...input });
    return presentApplication(row!, false);
  });
}

/** A few minutes' slack either way: the device's clock and the form's minute precision. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** An application happens between the plan's creation and now. */
function assertOccurredAt(occurredAt: Date, planCreatedAt: Date, now: Date): void {
  if (occurredAt.getTime() > now.getTime() + CLOCK_SLACK_MS)
    throw invalid("occurredAt", "answered_in_future");
  if (occurredAt.getTime() < planCreatedAt.getTime() - CLOCK_SLACK_MS)
    throw invalid("occurredAt", "before_plan");
}

/** The application if its learner is the one asking, and whether a manager has confirmed it. */
async function ownApplication(tenant: Tenant, actor: Actor, applicationId: string) {
  const row = await applicationById(tenant, applicationId);
  if (!row || !canCorrectApplication({ actorId: actor.personId, ownerId: row.personId }))
    throw notFound("application");
  const [confirmation] = await tenant
    .select(
      applicationConfirmations,
      { by: applicationConfirmations.confirmedBy },
      eq(applicationConfirmations.applicationId, applicationId),
    )
    .limit(1);
  // Once a manager confirmed it, it is evidence someone else vouched for: it stays as it was.
  if (confirmation) throw new AppError("APPLICATION_CONFIRMED", "application already confirmed");
  return row;
}

/**
 * The learner corrects her own application until a manager confirmed it; the same date rules as
 * logging it. Managers read applications, so the change is audited.
 */
export async function updateApplication(
  scope: Scope,
  {
    applicationId,
    ...input
  }: {
    applicationId: string;
    occurredAt?: string | undefined;
    whatHappened?: string | undefined;
    outcome?: ApplicationOutcome | undefined;
  },
) {
  const { tenant, actor, now } = scope;
  const row = await ownApplication(tenant, actor, applicationId);
  const [plan] = await tenant.select(
    actionPlans,
    { createdAt: actionPlans.createdAt },
    eq(actionPlans.id, row.planId),
  );
  if (input.occurredAt !== undefined) assertOccurredAt(new Date(input.occurredAt), plan!.createdAt, now);
  const updated = await correctRecord(scope, {
    table: planApplications,
    subject: { type: "application", id: applicationId },
    changes: {
      occurredAt: input.occurredAt === undefined ? undefined : new Date(input.occurredAt),
      whatHappened: input.whatHappened,
      outcome: input.outcome,
    },
  });
  return presentApplication(updated, false);
}

/** The learner removes her own application (a duplicate, a mistake) until a manager confirmed it. */
export async function deleteApplication(scope: Scope, { applicationId }: { applicationId: string }) {
  const row = await ownApplication(scope.tenant, scope.actor, applicationId);
  await removeRecord(scope, {
    table: planApplications,
    subject: { type: "application", id: applicationId },
    details: { planId: row.planId },
  });
}

/**
 * Tells the learner's managers, in their own language, that a plan was applied, with a link to confirm.
 * "I did not act" is not sent on: it is for the learner's own reflection and the coach.
 */
async function notifyManagers(
  tenant: Tenant,
  actor: Actor,
  {
    applicationId,
    action,
    outcome,
    now,
    site,
  }: { applicationId: string; action: string; outcome: ApplicationOutcome; now: Date; site: string },
) {
  for (const manager of await recipientsOf(tenant, managerIdsOf(tenant, actor.personId))) {
    const { locale } = manager;
    // In the manager's notices too; the email below is this event's one email.
    await notify(tenant, {
      personId: manager.personId,
      kind: "application-waiting",
      params: { from: actor.personId },
      href: "/team",
      key: `application-waiting:${applicationId}`,
      now,
      site,
      email: false,
    });
    await enqueueEmail(tenant, manager.email, locale, {
      template: "application-logged",
      params: {
        name: manager.name,
        learner: actor.name,
        action,
        outcome: translator(locale)(`ui.plans.outcomes.${outcome}`),
        link: `${site}/team`,
      },
    });
  }
}

function presentApplication(row: typeof planApplications.$inferSelect, confirmed: boolean) {
  return {
    id: row.id,
    planId: row.planId,
    occurredAt: row.occurredAt.toISOString(),
    whatHappened: row.whatHappened,
    outcome: row.outcome,
    confirmed,
  };
}

/**
 * The manager saw it happen. Only a manager of the learner's team can confirm; to anyone else the
 * application does not exist (404), so its existence is not revealed. Confirming twice is harmless.
 */
export async function confirmApplication(scope: Scope, { applicationId }: { applicationId: string }) {
  const { tenant, actor, now, site } = scope;
  const row = await applicationById(tenant, applicationId);
  const managesLearner = row ? await managesPerson(tenant, actor.personId, row.personId) : false;
  if (!row || !canConfirm({ actorId: actor.personId, learnerId: row.personId, managesLearner }))
    throw notFound("application");
  if (!isConfirmable(row.outcome)) throw invalid("outcome", "nothing_to_confirm");
  await recordConfirmation(tenant, {
    applicationId,
    learnerId: row.personId,
    managerId: actor.personId,
    now,
    site,
  });
  await awardEarnedBadges(tenant, row.personId, site, now);
  return presentApplication(row, true);
}

/** An application as stored, whoever logged it; callers apply the policy. */
export async function applicationById(tenant: Tenant, applicationId: string) {
  const [row] = await tenant.selectRows(planApplications, eq(planApplications.id, applicationId));
  return row;
}

/**
 * Stores a manager's confirmation and tells the learner; confirming twice is harmless (one notice).
 * Callers have checked `canConfirm`.
 */
export async function recordConfirmation(
  tenant: Tenant,
  {
    applicationId,
    learnerId,
    managerId,
    now,
    site,
  }: { applicationId: string; learnerId: string; managerId: string; now: Date; site: string },
): Promise<void> {
  await tenant.transaction(async (tx) => {
    await tx.db
      .insert(applicationConfirmations)
      .values(tx.row({ applicationId, confirmedBy: managerId, confirmedAt: now }))
      .onConflictDoNothing();
    await notify(tx, {
      personId: learnerId,
      kind: "application-confirmed",
      params: { from: managerId },
      href: "/plans",
      key: `application-confirmed:${applicationId}`,
      now,
      site,
    });
    await settleNotices(tx, { key: `application-waiting:${applicationId}`, now });
  });
}
