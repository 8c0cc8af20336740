import type { Fixture, Probe } from "./cross-tenant.probes.ts";

const kpi = {
  name: "Probe",
  unit: "x",
  better: "lower",
  beforeValue: 1,
  beforePeriod: "Q1",
  afterValue: 0,
  afterPeriod: "Q2",
};

/** The impact routes: every one addresses organisation A's trajectory or cohort and must not find it. */
export const impactProbes: Record<string, Probe> = {
  "GET /api/trajectories/:trajectoryId/impact": { expect: 404 },
  "GET /api/trajectories/:trajectoryId/impact/report.pdf": { expect: 404 },
  "GET /api/trajectories/:trajectoryId/impact/tiers.csv": { expect: 404 },
  "GET /api/trajectories/:trajectoryId/impact/learners.csv": { expect: 404 },
  "GET /api/trajectories/:trajectoryId/survey-results": { expect: 404 },
  "PUT /api/trajectories/:trajectoryId/survey-standards": {
    expect: 404,
    body: () => ({ standards: [{ question: "ability", acceptableFrom: 0, targetPercent: 1 }] }),
  },
  "GET /api/cohorts/:cohortId/attendance": { expect: 404 },
  "PUT /api/cohorts/:cohortId/attendance": {
    expect: 404,
    body: (a: Fixture) => ({
      sessionDate: "2099-01-05",
      entries: [{ personId: a.personId, status: "excused", note: "Probe" }],
    }),
  },
  "GET /api/cohorts/:cohortId/assessments": { expect: 404 },
  "POST /api/cohorts/:cohortId/assessments": {
    expect: 404,
    body: (a: Fixture) => ({
      personId: a.personId,
      activityId: a.activityId,
      scores: [{ competenceId: a.competenceId, score: 1, max: 2 }],
      comment: "Probe",
    }),
  },
  "PUT /api/cohorts/:cohortId/assessors": {
    expect: 404,
    body: (a: Fixture) => ({ personIds: [a.personId] }),
  },
  "GET /api/me/assessments/:cohortId/:activityId": { expect: 404 },
  "GET /api/me/assessing": { expect: "own" },
  "GET /api/trajectories/:trajectoryId/kpis": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/kpis": { expect: 404, body: () => kpi },
  "PUT /api/trajectories/:trajectoryId/kpis/:kpiId": { expect: 404, body: () => kpi },
  "DELETE /api/trajectories/:trajectoryId/kpis/:kpiId": { expect: 404 },
  "GET /api/trajectories/:trajectoryId/success-cases": { expect: 404 },
  "POST /api/trajectories/:trajectoryId/success-cases/interviews": {
    expect: 404,
    body: (a: Fixture) => ({ personId: a.personId, kind: "success", notes: { used: "Probe" } }),
  },
  "PATCH /api/trajectories/:trajectoryId/success-cases/interviews/:interviewId": {
    expect: 404,
    body: () => ({ notes: { used: "Hacked" } }),
  },
  "POST /api/trajectories/:trajectoryId/success-cases/interviews/:interviewId/final": { expect: 404 },
  "POST /api/me/activities/:cohortId/:activityId/survey": {
    expect: 404,
    body: () => ({ answers: { ability: 1 } }),
  },
};
