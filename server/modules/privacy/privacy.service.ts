import { eq, or } from "drizzle-orm";
import {
  auditEvents,
  cohortParticipants,
  cohorts,
  emailLinkRequests,
  oneTimeTokens,
  outboxEmails,
  personRoles,
  persons,
  sessions,
  signInCards,
  signInLinks,
  idempotencyKeys,
  teamMemberships,
  teams,
  trajectories,
} from "../../db/schema/index.ts";
import { columnsOf, type Tenant } from "../../db/tenant.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { assertAnotherCoordinatorRemains } from "../organisations/index.ts";
import { collectLearningData, eraseLearningData } from "../learning/index.ts";
import { collectCmi5Data, collectPackageData, erasePackageData } from "../packages/index.ts";
import { collectImpactData, eraseImpactData } from "../impact/index.ts";
import { collectPlanPulses, erasePlanPulses } from "../action-plans/index.ts";
import { collectNotices, eraseNotices } from "../notices/index.ts";
import { collectXapiDocuments, eraseXapiData } from "../xapi/index.ts";
import { collectSsoIdentities, eraseSsoIdentities } from "../sso/index.ts";
import { collectScimData, eraseScimData } from "../scim/index.ts";
import { collectSecondFactors, eraseSecondFactors } from "../auth/index.ts";
import { collectAiData, eraseAiData } from "../ai/index.ts";
import { authorize, canErase } from "./privacy.policy.ts";
import { recordAudit } from "../../audit.ts";

/** Everything Beklijf holds about one person, as they would receive it (GDPR art. 15 and 20). */
async function collectPersonData(tenant: Tenant, personId: string, now: Date) {
  const [person] = await tenant.select(
    persons,
    columnsOf(
      persons,
      "id",
      "name",
      "email",
      "locale",
      "timeZone",
      "status",
      "employeeNumber",
      "createdAt",
      "updatedAt",
    ),
    eq(persons.id, personId),
  );
  if (!person) throw notFound("person");
  const roles = await tenant.select(
    personRoles,
    { role: personRoles.role },
    eq(personRoles.personId, personId),
  );
  const teamRows = await tenant.db
    .select({ name: teams.name, isManager: teamMemberships.isManager })
    .from(teamMemberships)
    .innerJoin(teams, tenant.refersTo(teamMemberships.teamId, teams))
    .where(tenant.where(teamMemberships, eq(teamMemberships.personId, personId)));
  const cohortRows = await tenant.db
    .select({ cohort: cohorts.name, trajectory: trajectories.title, sessionDates: cohorts.sessionDates })
    .from(cohortParticipants)
    .innerJoin(cohorts, tenant.refersTo(cohortParticipants.cohortId, cohorts))
    .innerJoin(trajectories, tenant.refersTo(cohorts.trajectoryId, trajectories))
    .where(tenant.where(cohortParticipants, eq(cohortParticipants.personId, personId)));
  const mail = await tenant.select(
    outboxEmails,
    { subject: outboxEmails.subject, status: outboxEmails.status, createdAt: outboxEmails.createdAt },
    eq(outboxEmails.toAddress, person.email),
  );
  // Printed sign-in cards (decision 0024): when, how long valid, how often used; never the token.
  const cards = await tenant.select(
    signInCards,
    columnsOf(signInCards, "createdAt", "expiresAt", "revokedAt", "lastUsedAt", "uses"),
    eq(signInCards.personId, personId),
  );
  const history = await tenant.select(
    auditEvents,
    { action: auditEvents.action, subjectType: auditEvents.subjectType, at: auditEvents.at },
    or(eq(auditEvents.subjectId, personId), eq(auditEvents.actorId, personId)),
  );
  return {
    exportedAt: now.toISOString(),
    person,
    roles: roles.map((r) => r.role),
    teams: teamRows,
    cohorts: cohortRows,
    emails: mail,
    signInCards: cards,
    history,
    learning: await collectLearningData(tenant, personId),
    packageAttempts: await collectPackageData(tenant, personId),
    cmi5: await collectCmi5Data(tenant, personId),
    evaluation: await collectImpactData(tenant, personId),
    planPulses: await collectPlanPulses(tenant, personId),
    notices: await collectNotices(tenant, personId),
    xapiDocuments: await collectXapiDocuments(tenant, personId),
    /** Accounts at the organisation's identity provider that sign this person in. */
    signInAccounts: await collectSsoIdentities(tenant, personId),
    /** How the organisation's directory (SCIM provisioning) names this person. */
    directoryAccounts: await collectScimData(tenant, personId),
    /** Passkeys and the authenticator app: kinds, names and dates (never a key or secret). */
    secondFactors: await collectSecondFactors(tenant, personId),
    /** AI drafting requests they made and drafts they reviewed (decision 0028); never any text. */
    aiDrafting: await collectAiData(tenant, personId),
  };
}

export type PersonDataExport = Awaited<ReturnType<typeof collectPersonData>>;

/** A person's own data. Recorded, because an export is a disclosure of personal data. */
export async function exportOwnData(scope: Scope): Promise<PersonDataExport> {
  const { tenant, actor, now } = scope;
  const data = await collectPersonData(tenant, actor.personId, now);
  await recordAudit(tenant, actor, "person.exported", { type: "person", id: actor.personId });
  return data;
}

/** A coordinator exports someone's data, for example to answer a request the person sent by email. */
export async function exportPersonData(
  scope: Scope,
  { personId }: { personId: string },
): Promise<PersonDataExport> {
  const { tenant, actor, now } = scope;
  authorize(actor, "person.export");
  const data = await collectPersonData(tenant, personId, now);
  await recordAudit(tenant, actor, "person.exported", { type: "person", id: personId });
  return data;
}

/**
 * Erases a person (GDPR art. 17): name, email and employee number are replaced, the password,
 * sessions, links and queued mail are deleted, roles and team places removed. Their cohort places stay,
 * anonymous, so group figures stay true; nothing left points back to the person.
 */
export async function erasePerson(scope: Scope, { personId }: { personId: string }): Promise<void> {
  const { tenant, actor, now } = scope;
  authorize(actor, "person.erase");
  if (!canErase({ actorId: actor.personId, personId })) throw new AppError("CANNOT_DEACTIVATE_SELF");
  const data = await collectPersonData(tenant, personId, now);
  await assertAnotherCoordinatorRemains(tenant, personId);
  await tenant.transaction(async (tx) => {
    await tx.db.delete(sessions).where(tx.where(sessions, eq(sessions.personId, personId)));
    // Stored answers to their writes (a day's worth) may repeat their own data.
    await tx.db
      .delete(idempotencyKeys)
      .where(tx.where(idempotencyKeys, eq(idempotencyKeys.personId, personId)));
    await tx.db.delete(oneTimeTokens).where(tx.where(oneTimeTokens, eq(oneTimeTokens.personId, personId)));
    await tx.db.delete(signInLinks).where(tx.where(signInLinks, eq(signInLinks.personId, personId)));
    await tx.db.delete(signInCards).where(tx.where(signInCards, eq(signInCards.personId, personId)));
    // Pending email sign-in requests hold only the address (not tenant data: nobody was known yet).
    await tx.db.delete(emailLinkRequests).where(eq(emailLinkRequests.email, data.person.email));
    await tx.db
      .delete(outboxEmails)
      .where(tx.where(outboxEmails, eq(outboxEmails.toAddress, data.person.email)));
    await tx.db.delete(personRoles).where(tx.where(personRoles, eq(personRoles.personId, personId)));
    await tx.db
      .delete(teamMemberships)
      .where(tx.where(teamMemberships, eq(teamMemberships.personId, personId)));
    await eraseLearningData(tx, personId);
    await erasePackageData(tx, personId);
    await eraseImpactData(tx, personId);
    await erasePlanPulses(tx, personId);
    await eraseNotices(tx, personId);
    await eraseXapiData(tx, { personId, email: data.person.email });
    await eraseSsoIdentities(tx, personId);
    await eraseScimData(tx, personId);
    await eraseSecondFactors(tx, personId);
    await eraseAiData(tx, personId);
    await tx.db
      .update(persons)
      .set({
        name: "—",
        email: `erased-${personId}@invalid`,
        employeeNumber: null,
        passwordHash: null,
        locale: null,
        status: "deactivated",
        erasedAt: now,
        updatedAt: now,
      })
      .where(tx.where(persons, eq(persons.id, personId)));
    await recordAudit(tx, actor, "person.erased", { type: "person", id: personId });
  });
}
