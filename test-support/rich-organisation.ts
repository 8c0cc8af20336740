import type { InferInsertModel } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../server/db/client.ts";
import { Tenant } from "../server/db/tenant.ts";
import {
  checkIns,
  coachingSessions,
  actionPlans,
  coachingRelations,
  contentPackages,
  feedbackRequests,
  impactKpis,
  notices,
  planApplications,
  practiceCards,
  scanActions,
  secondFactors,
  sessions,
  successCaseInterviews,
  xapiClients,
  scimTokens,
  xapiForwarding,
} from "../server/db/schema/index.ts";
import type { Fixture } from "../server/http/cross-tenant.probes.ts";
import { scopeFor } from "../server/http/scope.ts";
import { planCohort } from "../server/modules/cohorts/cohorts.service.ts";
import { createScan } from "../server/modules/culture-scan/culture-scan.service.ts";
import { newCard, storeCard } from "../server/modules/practice/scheduler.ts";
import { createQuestion } from "../server/modules/questions/questions.service.ts";
import { trajectoryTemplates } from "../server/modules/trajectories/templates/index.ts";
import { renderTemplate } from "../server/modules/trajectories/templates/template.ts";
import { createTrajectory } from "../server/modules/trajectories/trajectories.service.ts";
import { TEST_ORIGIN } from "./app.ts";
import { buildCoordinator, buildLearner, buildOrganisation, buildTeam } from "./factories.ts";
import { scenario } from "./learning.ts";
import { buildSsoConfiguration } from "./sso.ts";

type TableWithId = PgTable & { id: PgColumn };

/**
 * An organisation with one of everything (trajectory, cohort, scan, question, card, plan, application,
 * coaching, feedback request, KPI), named "Alpha": the cross-tenant harness probes it from another
 * organisation, the hostile-input test attacks it from inside. `secrets` are the ids and texts that
 * must never appear in another organisation's answers.
 */
export async function buildRichOrganisation(db: Db): Promise<{ fixture: Fixture; secrets: string[] }> {
  const orgA = await buildOrganisation(db, { name: "Alpha Installaties" });
  const coordinatorA = await buildCoordinator(db, orgA.id, { email: "coord@alpha.test" });
  const learnerA = await buildLearner(db, orgA.id, { email: "learner@alpha.test", name: "Anna Alpha" });
  const teamA = await buildTeam(db, orgA.id, {
    name: "Alpha Montage",
    managerIds: [coordinatorA.id],
    memberIds: [learnerA.id],
  });
  const document = renderTemplate(trajectoryTemplates[0]!, "en");
  const actorA = {
    personId: coordinatorA.id,
    organisationId: orgA.id,
    sessionId: "",
    name: "",
    email: "",
    roles: new Set(["coordinator"] as const),
    locale: null,
  };
  const tenantA = new Tenant(db, orgA.id);
  /** Inserts one of Alpha's rows into `table`: its id. */
  const insertAlpha = async <T extends TableWithId>(
    table: T,
    values: Omit<InferInsertModel<T>, "organisationId">,
  ) => {
    const [row] = await db
      .insert(table)
      .values(tenantA.row(values) as InferInsertModel<T>)
      .returning({ id: table.id });
    return row!.id as string;
  };
  const scopeA = scopeFor(db, actorA, { now: new Date(), site: TEST_ORIGIN });
  const trajectory = await createTrajectory(scopeA, {
    document: { ...document, title: "Alpha geheim traject" },
  });
  const cohort = await planCohort(scopeA, {
    trajectoryId: trajectory.id,
    name: "Alpha groep",
    sessionDates: ["2099-01-05"],
    teamIds: [teamA.id],
    personIds: [],
  });
  const scan = await createScan(scopeA, {
    title: "Alpha scan",
    teamIds: [teamA.id],
    opensOn: "2020-01-01",
    closesOn: "2099-01-01",
  });
  const competenceId = trajectory.document.competences[0]!.id!;
  const question = await createQuestion(scopeA, {
    trajectoryId: trajectory.id,
    question: { ...scenario(competenceId), prompt: "Alpha geheime vraag" },
  });
  const cardId = await insertAlpha(practiceCards, {
    personId: learnerA.id,
    cohortId: cohort.id,
    questionId: question.id,
    due: new Date(),
    fsrs: storeCard(newCard(new Date())),
  });
  const planId = await insertAlpha(actionPlans, {
    personId: learnerA.id,
    cohortId: cohort.id,
    situation: "Alpha geheime situatie",
    action: "Alpha geheime actie",
    firstMoment: new Date(),
    createdAt: new Date(),
  });
  const applicationId = await insertAlpha(planApplications, {
    planId,
    personId: learnerA.id,
    occurredAt: new Date(),
    whatHappened: "Alpha geheim verslag",
    outcome: "went-well" as const,
    createdAt: new Date(),
  });
  const relationId = await insertAlpha(coachingRelations, {
    coachId: coordinatorA.id,
    coacheeId: learnerA.id,
    status: "accepted" as const,
    createdAt: new Date(),
  });
  const coachingSessionId = await insertAlpha(coachingSessions, {
    relationId,
    scheduledAt: new Date(),
    notes: "Alpha geheime coachnotitie",
    createdAt: new Date(),
  });
  const checkInId = await insertAlpha(checkIns, {
    managerId: coordinatorA.id,
    personId: learnerA.id,
    kind: "after" as const,
    agreements: "Alpha geheime afspraak",
    source: "screen" as const,
    at: new Date(),
  });
  const feedbackId = await insertAlpha(feedbackRequests, {
    requesterId: learnerA.id,
    colleagueId: coordinatorA.id,
    cohortId: cohort.id,
    about: "Alpha geheime vraag om feedback",
    attachmentName: "alpha.jpg",
    attachmentType: "image/jpeg",
    attachment: Buffer.from("alpha"),
    createdAt: new Date(),
  });
  const noticeId = await insertAlpha(notices, {
    personId: learnerA.id,
    kind: "badge-awarded" as const,
    params: { badge: "Alpha geheime badge" },
    href: "/passport",
    dedupeKey: "badge:alpha",
    createdAt: new Date(),
  });
  const kpiId = await insertAlpha(impactKpis, {
    trajectoryId: trajectory.id,
    name: "Alpha geheim cijfer",
    unit: "x",
    better: "lower" as const,
    beforeValue: 3,
    beforePeriod: "Q1",
    createdAt: new Date(),
  });
  const scanActionId = await insertAlpha(scanActions, {
    scanId: scan.id,
    title: "Alpha geheime scanactie",
    owner: "Alpha",
    dueOn: "2099-01-01",
  });
  const interviewId = await insertAlpha(successCaseInterviews, {
    trajectoryId: trajectory.id,
    personId: learnerA.id,
    interviewerId: coordinatorA.id,
    kind: "success" as const,
    notes: { used: "Alpha geheim interview", result: "", helped: "", hindered: "", suggestion: "" },
    createdAt: new Date(),
  });
  // A signed-in device of A's learner: another organisation must not see or end it.
  const sessionId = await insertAlpha(sessions, {
    tokenHash: `alpha-session-${crypto.randomUUID()}`,
    personId: learnerA.id,
    expiresAt: new Date(Date.now() + 86_400_000),
    userAgent: "Alpha browser",
  });
  // An xAPI client of A: another coordinator must neither list nor revoke it.
  const xapiClientId = await insertAlpha(xapiClients, {
    name: "Alpha geheime xAPI-client",
    key: `alpha${crypto.randomUUID().slice(0, 8)}`,
    secretHash: "0".repeat(64),
    kind: "client" as const,
    createdAt: new Date(),
  });
  // A's forwarding to its own LRS: another coordinator must neither see its address nor change it.
  await insertAlpha(xapiForwarding, {
    endpoint: "https://alpha-geheime-lrs.test/xapi/",
    credentialsSealed: "v1.alpha.geheim",
    enabled: true,
    updatedAt: new Date(),
  });
  // A SCIM token of A: another coordinator must neither list nor revoke it.
  const scimTokenId = await insertAlpha(scimTokens, {
    name: "Alpha geheime directory",
    tokenHash: `alpha-scim-${crypto.randomUUID()}`,
    createdAt: new Date(),
  });
  // A passkey of a colleague in A (not the learner the harnesses sign in as, who would then owe it):
  // another organisation must neither rename nor remove it.
  const withPasskey = await buildLearner(db, orgA.id, { email: "passkey@alpha.test" });
  const factorId = await insertAlpha(secondFactors, {
    personId: withPasskey.id,
    kind: "passkey" as const,
    label: "Alpha geheime sleutel",
    credentialId: "alpha-credential",
    publicKey: "alpha",
    confirmedAt: new Date(),
  });
  // A content package of A's trajectory: another organisation must not read it or play it.
  const packageId = await insertAlpha(contentPackages, {
    trajectoryId: trajectory.id,
    standard: "scorm12",
    edition: "1.2",
    title: "Alpha geheim pakket",
    units: [{ id: "sco-1", title: "Alpha geheime les", href: "index.html", masteryScore: null }],
    sha256: "alpha",
    sizeBytes: 1,
    fileCount: 1,
    createdAt: new Date(),
  });
  const fixture: Fixture = {
    sessionId,
    factorId,
    xapiClientId,
    scimTokenId,
    packageId,
    kpiId,
    scanActionId,
    interviewId,
    requestId: feedbackId,
    relationId,
    planId,
    applicationId,
    checkInId,
    coachingSessionId,
    noticeId,
    questionId: question.id,
    // One the learner marks done herself (a check-in, say, closes only through the manager's record).
    activityId: trajectory.document.activities.find((a) => a.type === "theory-module")!.id!,
    competenceId,
    cardId,
    scanId: scan.id,
    trajectoryId: trajectory.id,
    cohortId: cohort.id,
    document,
    personId: learnerA.id,
    personEmail: learnerA.email,
    teamId: teamA.id,
    teamName: teamA.name,
    organisationName: orgA.name,
  };
  const sso = await buildSsoConfiguration(db, orgA.id, {
    domain: "alpha-sso.test",
    clientId: "alpha-geheime-client",
  });
  const secrets = [
    orgA.id,
    learnerA.id,
    coordinatorA.id,
    teamA.id,
    learnerA.email,
    coordinatorA.email,
    "Anna Alpha",
    orgA.name,
    trajectory.id,
    cohort.id,
    "Alpha geheim traject",
    "Alpha groep",
    scan.id,
    "Alpha scan",
    question.id,
    "Alpha geheime vraag",
    cardId,
    planId,
    applicationId,
    "Alpha geheime actie",
    "Alpha geheim verslag",
    checkInId,
    "Alpha geheime afspraak",
    coachingSessionId,
    "Alpha geheime coachnotitie",
    noticeId,
    "Alpha geheime badge",
    kpiId,
    "Alpha geheim cijfer",
    scanActionId,
    "Alpha geheime scanactie",
    interviewId,
    "Alpha geheim interview",
    sessionId,
    xapiClientId,
    "Alpha geheime xAPI-client",
    scimTokenId,
    "Alpha geheime directory",
    packageId,
    "Alpha geheim pakket",
    sso.domain,
    sso.clientId,
    "alpha-geheime-lrs.test",
  ];
  return { fixture, secrets };
}
