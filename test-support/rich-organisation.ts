import type { Db } from "../server/db/client.ts";
import { Tenant } from "../server/db/tenant.ts";
import {
  checkIns,
  coachingSessions,
  actionPlans,
  coachingRelations,
  feedbackRequests,
  impactKpis,
  planApplications,
  practiceCards,
  scanActions,
  sessions,
  successCaseInterviews,
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
  const [card] = await db
    .insert(practiceCards)
    .values(
      tenantA.row({
        personId: learnerA.id,
        cohortId: cohort.id,
        questionId: question.id,
        due: new Date(),
        fsrs: storeCard(newCard(new Date())),
      }),
    )
    .returning({ id: practiceCards.id });
  const [plan] = await db
    .insert(actionPlans)
    .values(
      tenantA.row({
        personId: learnerA.id,
        cohortId: cohort.id,
        situation: "Alpha geheime situatie",
        action: "Alpha geheime actie",
        firstMoment: new Date(),
        createdAt: new Date(),
      }),
    )
    .returning({ id: actionPlans.id });
  const [application] = await db
    .insert(planApplications)
    .values(
      tenantA.row({
        planId: plan!.id,
        personId: learnerA.id,
        occurredAt: new Date(),
        whatHappened: "Alpha geheim verslag",
        outcome: "went-well" as const,
        createdAt: new Date(),
      }),
    )
    .returning({ id: planApplications.id });
  const [relation] = await db
    .insert(coachingRelations)
    .values(
      tenantA.row({
        coachId: coordinatorA.id,
        coacheeId: learnerA.id,
        status: "accepted" as const,
        createdAt: new Date(),
      }),
    )
    .returning({ id: coachingRelations.id });
  const [coachingSession] = await db
    .insert(coachingSessions)
    .values(
      tenantA.row({
        relationId: relation!.id,
        scheduledAt: new Date(),
        notes: "Alpha geheime coachnotitie",
        createdAt: new Date(),
      }),
    )
    .returning({ id: coachingSessions.id });
  const [checkIn] = await db
    .insert(checkIns)
    .values(
      tenantA.row({
        managerId: coordinatorA.id,
        personId: learnerA.id,
        kind: "after" as const,
        agreements: "Alpha geheime afspraak",
        source: "screen" as const,
        at: new Date(),
      }),
    )
    .returning({ id: checkIns.id });
  const [feedback] = await db
    .insert(feedbackRequests)
    .values(
      tenantA.row({
        requesterId: learnerA.id,
        colleagueId: coordinatorA.id,
        cohortId: cohort.id,
        about: "Alpha geheime vraag om feedback",
        attachmentName: "alpha.jpg",
        attachmentType: "image/jpeg",
        attachment: Buffer.from("alpha"),
        createdAt: new Date(),
      }),
    )
    .returning({ id: feedbackRequests.id });
  const [kpi] = await db
    .insert(impactKpis)
    .values(
      tenantA.row({
        trajectoryId: trajectory.id,
        name: "Alpha geheim cijfer",
        unit: "x",
        better: "lower" as const,
        beforeValue: 3,
        beforePeriod: "Q1",
        createdAt: new Date(),
      }),
    )
    .returning({ id: impactKpis.id });
  const [scanAction] = await db
    .insert(scanActions)
    .values(
      tenantA.row({ scanId: scan.id, title: "Alpha geheime scanactie", owner: "Alpha", dueOn: "2099-01-01" }),
    )
    .returning({ id: scanActions.id });
  const [interview] = await db
    .insert(successCaseInterviews)
    .values(
      tenantA.row({
        trajectoryId: trajectory.id,
        personId: learnerA.id,
        interviewerId: coordinatorA.id,
        kind: "success" as const,
        notes: { used: "Alpha geheim interview", result: "", helped: "", hindered: "", suggestion: "" },
        createdAt: new Date(),
      }),
    )
    .returning({ id: successCaseInterviews.id });
  // A signed-in device of A's learner: another organisation must not see or end it.
  const [session] = await db
    .insert(sessions)
    .values(
      tenantA.row({
        tokenHash: `alpha-session-${crypto.randomUUID()}`,
        personId: learnerA.id,
        expiresAt: new Date(Date.now() + 86_400_000),
        userAgent: "Alpha browser",
      }),
    )
    .returning({ id: sessions.id });
  const fixture: Fixture = {
    sessionId: session!.id,
    kpiId: kpi!.id,
    scanActionId: scanAction!.id,
    interviewId: interview!.id,
    requestId: feedback!.id,
    relationId: relation!.id,
    planId: plan!.id,
    applicationId: application!.id,
    checkInId: checkIn!.id,
    coachingSessionId: coachingSession!.id,
    questionId: question.id,
    activityId: trajectory.document.activities[0]!.id!,
    competenceId,
    cardId: card!.id,
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
    card!.id,
    plan!.id,
    application!.id,
    "Alpha geheime actie",
    "Alpha geheim verslag",
    checkIn!.id,
    "Alpha geheime afspraak",
    coachingSession!.id,
    "Alpha geheime coachnotitie",
    kpi!.id,
    "Alpha geheim cijfer",
    scanAction!.id,
    "Alpha geheime scanactie",
    interview!.id,
    "Alpha geheim interview",
    session!.id,
  ];
  return { fixture, secrets };
}
