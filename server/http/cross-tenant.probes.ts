import type { TrajectoryDocument } from "../../common/schemas/trajectories.ts";
import { impactProbes } from "./cross-tenant.impact-probes.ts";
import { secondFactorProbes } from "./cross-tenant.second-factor-probes.ts";

/**
 * How the cross-tenant harness calls each signed-in route with organisation A's ids. A new route that is
 * not listed here fails the harness's "covers every route" test.
 */
export interface Fixture {
  scanId: string;
  sessionId: string;
  factorId: string;
  packageId: string;
  requestId: string;
  relationId: string;
  planId: string;
  applicationId: string;
  checkInId: string;
  coachingSessionId: string;
  noticeId: string;
  questionId: string;
  activityId: string;
  competenceId: string;
  cardId: string;
  trajectoryId: string;
  cohortId: string;
  kpiId: string;
  scanActionId: string;
  interviewId: string;
  xapiClientId: string;
  scimTokenId: string;
  document: TrajectoryDocument;
  personId: string;
  personEmail: string;
  teamId: string;
  teamName: string;
  organisationName: string;
}

export type Probe = {
  /** `404`: the route addresses A's object and must not find it. `own`: it lists B's own data. */
  expect: 404 | "own" | "rejected";
  body?: (a: Fixture) => unknown;
};

export const probes: Record<string, Probe> = {
  "GET /api/me": { expect: "own" },
  "PATCH /api/me": { expect: "own", body: () => ({ name: "B renamed" }) },
  "GET /api/home": { expect: "own" },
  "GET /api/organisation": { expect: "own" },
  "PATCH /api/organisation": { expect: "own", body: () => ({ name: "B Org renamed" }) },
  "GET /api/people": { expect: "own" },
  "POST /api/people": {
    expect: "rejected",
    body: (a) => ({ name: "Probe", email: `probe-${Date.now()}@b.test`, teamIds: [a.teamId] }),
  },
  "GET /api/people/:personId": { expect: 404 },
  "PATCH /api/people/:personId": { expect: 404, body: () => ({ name: "Hacked", status: "deactivated" }) },
  "POST /api/people/:personId/invitation": { expect: 404 },
  "GET /api/people/:personId/sign-in-card": { expect: 404 },
  "POST /api/people/:personId/sign-in-card": { expect: 404, body: () => ({ validMonths: null }) },
  "DELETE /api/people/:personId/sign-in-card": { expect: 404 },
  "POST /api/people/import/preview": {
    expect: "own",
    body: (a) => ({ csv: `email,name,team\n${a.personEmail},Copy,${a.teamName}\n` }),
  },
  "POST /api/people/import": {
    expect: "own",
    body: (a) => ({ csv: `email,name\n${a.personEmail},Same Email In B\n` }),
  },
  "GET /api/teams": { expect: "own" },
  "POST /api/teams": {
    expect: "rejected",
    body: (a) => ({ name: `Probe ${Date.now()}`, memberIds: [a.personId] }),
  },
  "GET /api/teams/:teamId": { expect: 404 },
  "PATCH /api/teams/:teamId": { expect: 404, body: () => ({ name: "Hacked team" }) },
  "DELETE /api/teams/:teamId": { expect: 404 },
  "GET /api/outbox": { expect: "own" },
  "GET /api/trajectories": { expect: "own" },
  "POST /api/trajectories": { expect: "own", body: (a) => ({ ...a.document, title: "B's own copy" }) },
  "GET /api/trajectories/:trajectoryId": { expect: 404 },
  "PUT /api/trajectories/:trajectoryId": {
    expect: 404,
    body: (a) => ({ version: 1, document: { ...a.document, title: "Hacked" } }),
  },
  "GET /api/cohorts": { expect: "own" },
  "POST /api/cohorts": {
    expect: 404,
    body: (a) => ({
      trajectoryId: a.trajectoryId,
      name: "Probe",
      sessionDates: ["2099-01-05"],
      personIds: [a.personId],
    }),
  },
  "GET /api/cohorts/:cohortId": { expect: 404 },
  "GET /api/cohorts/:cohortId/calendar.ics": { expect: 404 },
  "PATCH /api/cohorts/:cohortId": { expect: 404, body: () => ({ name: "Hacked cohort" }) },
  "POST /api/cohorts/:cohortId/cancel": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/archive": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/restore": { expect: 404 },
  "GET /api/me/export": { expect: "own" },
  "GET /api/people/:personId/export": { expect: 404 },
  "GET /api/cohorts/:cohortId/certificates/:personId.pdf": { expect: 404 },
  "GET /api/cohorts/:cohortId/certificates.zip": { expect: 404 },
  "GET /api/people/:personId/training-record.pdf": { expect: 404 },
  "GET /api/people/:personId/training-record.csv": { expect: 404 },
  "GET /api/me/training-record.pdf": { expect: "own" },
  "GET /api/me/training-record": { expect: "own" },
  "DELETE /api/people/:personId": { expect: 404 },
  "GET /api/culture-scans": { expect: "own" },
  "POST /api/culture-scans": {
    expect: "rejected",
    body: (a) => ({ title: "Probe", teamIds: [a.teamId], opensOn: "2099-01-01", closesOn: "2099-02-01" }),
  },
  "GET /api/culture-scans/:scanId/results": { expect: 404 },
  "GET /api/culture-scans/:scanId/results.csv": { expect: 404 },
  "GET /api/culture-scans/:scanId/report.pdf": { expect: 404 },
  "POST /api/culture-scans/:scanId/close": { expect: 404 },
  "POST /api/culture-scans/:scanId/reminders": { expect: 404 },
  "POST /api/culture-scans/:scanId/actions": {
    expect: 404,
    body: () => ({ title: "Probe", owner: "B", dueOn: "2099-01-01" }),
  },
  "PATCH /api/culture-scans/:scanId": { expect: 404, body: () => ({ closesOn: "2099-06-01" }) },
  "DELETE /api/culture-scans/:scanId": { expect: 404 },
  "PATCH /api/culture-scans/:scanId/actions/:actionId": { expect: 404, body: () => ({ title: "Hacked" }) },
  "DELETE /api/culture-scans/:scanId/actions/:actionId": { expect: 404 },
  "POST /api/auth/sign-out": { expect: "own" },
  "GET /api/me/sessions": { expect: "own" },
  "DELETE /api/me/sessions/:sessionId": { expect: 404 },
  ...secondFactorProbes,
  "POST /api/me/sessions/sign-out-others": { expect: "own" },
  "POST /api/me/password": {
    expect: "rejected",
    body: () => ({ currentPassword: "not B's password", newPassword: "a long enough passphrase" }),
  },
  "GET /api/trajectories/:trajectoryId/questions": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/questions": {
    expect: 404,
    body: (a) => ({ ...probeQuestion, competenceId: a.competenceId }),
  },
  "PUT /api/trajectories/:trajectoryId/questions/:questionId": {
    expect: 404,
    body: (a) => ({ ...probeQuestion, competenceId: a.competenceId }),
  },
  "DELETE /api/trajectories/:trajectoryId/questions/:questionId": { expect: 404 },
  "GET /api/trajectories/:trajectoryId/questions/export": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/questions/import": {
    expect: 404,
    body: () => ({ format: "json", content: JSON.stringify([probeQuestion]) }),
  },
  "GET /api/me/today": { expect: "own" },
  "GET /api/me/check-ins": { expect: "own" },
  "GET /api/me/practice": { expect: "own" },
  "POST /api/practice-answers": {
    expect: 404,
    body: (a) => ({
      cardId: a.cardId,
      answer: "a",
      answeredAt: new Date().toISOString(),
      clientId: "probe-000001",
    }),
  },
  "GET /api/me/activities/:cohortId/:activityId": { expect: 404 },
  "POST /api/me/activities/:cohortId/:activityId/launch": { expect: 404 },
  "POST /api/me/activities/:cohortId/:activityId/cmi": {
    expect: 404,
    body: () => ({ completionStatus: "completed", runtimeData: { cmi: { suspend_data: "B" } } }),
  },
  "GET /api/me/activities/:cohortId/:activityId/attempt": { expect: 404 },
  "POST /api/cohorts/:cohortId/packages/:activityId/waive": {
    expect: 404,
    body: (a) => ({ personId: a.personId, reason: "Administrative" }),
  },
  // Without a multipart body: the trajectory is looked up (and not found) before any upload is read.
  "POST /api/trajectories/:trajectoryId/packages": { expect: 404 },
  "GET /api/packages/:packageId": { expect: 404 },
  "POST /api/me/activities/:cohortId/:activityId/progress": { expect: 404, body: () => ({ status: "done" }) },
  "POST /api/me/activities/:cohortId/:activityId/test": {
    expect: 404,
    body: (a) => ({ answers: [{ questionId: a.questionId, optionId: "a" }] }),
  },
  "GET /api/me/extra-material/:cohortId/:competenceId": { expect: 404 },
  "POST /api/me/extra-material/:cohortId/:competenceId/done": { expect: 404 },
  "GET /api/me/statements": { expect: "own" },
  "GET /api/me/learning-preferences": { expect: "own" },
  "PATCH /api/me/learning-preferences": { expect: "own", body: () => ({ nudgeFrequency: "weekly" }) },
  "GET /api/me/calendar-feed": { expect: "own" },
  "DELETE /api/me/calendar-feed": { expect: "own" },
  "PUT /api/people/:personId/learning-pause": { expect: 404, body: () => ({ pausedUntil: "2099-01-01" }) },
  "POST /api/action-plans": {
    expect: 404,
    body: (a) => ({
      situation: "When a customer calls",
      action: "I first acknowledge the frustration",
      firstMoment: "2099-01-05T09:00:00Z",
      cohortId: a.cohortId,
    }),
  },
  "GET /api/me/action-plans": { expect: "own" },
  "POST /api/action-plans/:planId/applications": {
    expect: 404,
    body: () => ({ occurredAt: new Date().toISOString(), whatHappened: "Probe", outcome: "went-well" }),
  },
  "POST /api/applications/:applicationId/confirmations": { expect: 404 },
  "PATCH /api/action-plans/:planId": { expect: 404, body: () => ({ situation: "Hacked situation" }) },
  "POST /api/action-plans/:planId/archive": { expect: 404 },
  "POST /api/action-plans/:planId/restore": { expect: 404 },
  "PATCH /api/applications/:applicationId": { expect: 404, body: () => ({ whatHappened: "Hacked" }) },
  "DELETE /api/applications/:applicationId": { expect: 404 },
  "GET /api/me/plan-pulse": { expect: "own" },
  "PUT /api/me/plans/:planId/pulse": { expect: 404, body: () => ({ rating: "did-it" }) },
  "PATCH /api/team/check-ins/:checkInId": { expect: 404, body: () => ({ agreements: "Hacked" }) },
  "DELETE /api/team/check-ins/:checkInId": { expect: 404 },
  "PATCH /api/coaching/sessions/:coachingSessionId": { expect: 404, body: () => ({ notes: "Hacked" }) },
  "DELETE /api/coaching/sessions/:coachingSessionId": { expect: 404 },
  "GET /api/team": { expect: "own" },
  "GET /api/team/needs-you": { expect: "own" },
  "GET /api/team/digest-preview": { expect: "own" },
  "POST /api/team/check-ins": {
    expect: 404,
    body: (a) => ({ personId: a.personId, kind: "before", agreements: "Probe" }),
  },
  "GET /api/me/enrolments": { expect: "own" },
  "GET /api/trajectories/:trajectoryId/achievements": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/achievements": {
    expect: 404,
    body: (a) => ({
      competenceId: a.competenceId,
      name: "Probe",
      description: "Probe",
      criteria: "Probe",
      minConfirmedApplications: 1,
    }),
  },
  "GET /api/me/credentials": { expect: "own" },
  "GET /api/coaching": { expect: "own" },
  "POST /api/coaching/relations": { expect: 404, body: (a) => ({ personId: a.personId }) },
  "POST /api/coaching/relations/:relationId/answer": { expect: 404, body: () => ({ accept: true }) },
  "GET /api/me/coaching": { expect: "own" },
  "GET /api/me/cohort-colleagues": { expect: "own" },
  "GET /api/me/feedback": { expect: "own" },
  "GET /api/xapi-clients": { expect: "own" },
  "POST /api/xapi-clients": { expect: "own", body: () => ({ name: "B client" }) },
  "DELETE /api/xapi-clients/:clientId": { expect: 404 },
  "GET /api/xapi-forwarding": { expect: "own" },
  "PUT /api/xapi-forwarding": {
    expect: "own",
    // Loopback port 9 (discard): the test call that follows is refused at once, never leaves the machine.
    body: () => ({
      endpoint: "https://127.0.0.1:9/xapi/",
      lrsKey: "b-key",
      lrsSecret: "b-secret",
      enabled: false,
    }),
  },
  "POST /api/xapi-forwarding/test": { expect: "own" },
  "GET /api/scim-tokens": { expect: "own" },
  "POST /api/scim-tokens": { expect: "own", body: () => ({ name: "B directory" }) },
  "DELETE /api/scim-tokens/:tokenId": { expect: 404 },
  "GET /api/me/notices": { expect: "own" },
  "POST /api/me/notices/:noticeId/read": { expect: 404 },
  "POST /api/me/notices/read": { expect: "own" },
  "POST /api/feedback-requests": {
    expect: 404,
    body: (a) => ({ colleagueId: a.personId, cohortId: a.cohortId, about: "Probe" }),
  },
  "POST /api/feedback-requests/:requestId/answer": {
    expect: 404,
    body: () => ({ wentWell: "x", tryNext: "y" }),
  },
  "GET /api/feedback-requests/:requestId/attachment": { expect: 404 },
  "POST /api/coaching/sessions": {
    expect: 404,
    body: (a) => ({
      relationId: a.relationId,
      scheduledAt: "2099-01-05T09:00:00Z",
      notes: "Probe",
      planId: a.planId,
    }),
  },
  "POST /api/credentials/verify": { expect: "own", body: () => ({ credential: { probe: true } }) },
  "GET /api/organisation/ai": { expect: "own" },
  "PUT /api/organisation/ai": {
    expect: "own",
    body: () => ({ enabled: false, baseUrl: "http://127.0.0.1:9/v1", model: "probe-model" }),
  },
  "GET /api/organisation/ai/usage": { expect: "own" },
  "POST /api/trajectories/:trajectoryId/question-drafts": {
    expect: 404,
    body: (a) => ({ competenceId: a.competenceId, kind: "scenario", count: 2 }),
  },
  "GET /api/trajectories/:trajectoryId/question-drafts": { expect: 404 },
  "GET /api/trajectories/:trajectoryId/question-drafts/jobs/:jobId": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/question-drafts/:draftId/accept": { expect: 404, body: () => ({}) },
  "POST /api/trajectories/:trajectoryId/question-drafts/:draftId/reject": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/design-check": { expect: 404, body: (a) => a.document },
  "GET /api/sso/configuration": { expect: "own" },
  // B's own settings, pointing at a port nothing listens on, so the test below it reaches no network.
  "PUT /api/sso/configuration": {
    expect: "own",
    body: () => ({
      issuerUrl: "http://127.0.0.1:9",
      oidcClientId: "beta-client",
      oidcClientSecret: "beta-secret",
      allowedDomains: ["beta-sso.test"],
    }),
  },
  "POST /api/sso/test": { expect: "own" },
  "PUT /api/sso/enabled": { expect: "own", body: () => ({ enabled: false }) },
  "DELETE /api/sso/configuration": { expect: "own" },
  "GET /api/sso/people/:personId/accounts": { expect: 404 },
  "DELETE /api/sso/people/:personId/accounts": { expect: 404 },
  ...impactProbes,
};

const probeQuestion = {
  kind: "multiple-choice",
  prompt: "Probe?",
  options: [
    { text: "Yes", correct: true },
    { text: "No", correct: false },
  ],
};
