import { z } from "zod";
import {
  assessingView,
  assessmentBoard,
  assessmentBody,
  assessorsBody,
  attendanceBody,
  attendanceView,
  myAssessmentView,
} from "../../../common/schemas/attendance.ts";
import {
  impactQuery,
  interviewBody,
  interviewSaved,
  kpiBody,
  kpiList,
  kpiView,
  successCasesView,
  updateInterviewBody,
} from "../../../common/schemas/impact.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { listMyAssessing } from "./assessing.service.ts";
import { addKpi, deleteKpi, listKpis, updateKpi } from "./kpis.service.ts";
import {
  getAssessmentBoard,
  getMyAssessment,
  nameAssessors,
  recordAssessment,
} from "./assessments.service.ts";
import { getAttendance, recordAttendance } from "./records.service.ts";
import {
  finaliseInterview,
  getSuccessCases,
  recordInterview,
  updateInterview,
} from "./success-cases.service.ts";

const cohortParams = z.object({ cohortId: z.uuid() });
const proofParams = cohortParams.extend({ activityId: z.string().min(1).max(64) });
const kpiParams = trajectoryParams.extend({ kpiId: z.uuid() });
const interviewParams = trajectoryParams.extend({ interviewId: z.uuid() });

/** What the coordinator records for the evaluation: attendance, assessments, KPIs, interviews. */
export const impactRecordRoutes = defineRoutes(
  ["impact"],
  [
    route.get(
      "/api/cohorts/:cohortId/attendance",
      {
        summary: "Each participant's status (present, absent, excused) and note on each practice day",
        params: cohortParams,
        response: attendanceView,
      },
      (scope, { params }) => getAttendance(scope, params),
    ),

    route.put(
      "/api/cohorts/:cohortId/attendance",
      {
        summary:
          "Record a practice day's register (LTEM tier 1) for the listed people: present, absent or excused, with a note",
        params: cohortParams,
        body: attendanceBody,
        response: attendanceView,
      },
      (scope, { params, body }) => recordAttendance(scope, { ...params, ...body }),
    ),

    route.get(
      "/api/cohorts/:cohortId/assessments",
      {
        summary:
          "The assessor form: the cohort's competence proofs, competences, results and named assessors",
        params: cohortParams,
        response: assessmentBoard,
      },
      (scope, { params }) => getAssessmentBoard(scope, params),
    ),

    route.post(
      "/api/cohorts/:cohortId/assessments",
      {
        summary:
          "An assessor's scores on a competence proof per competence, with a comment (stored as the learner's measure)",
        params: cohortParams,
        body: assessmentBody,
        response: z.object({ recorded: z.number().int() }),
        status: 201,
      },
      (scope, { params, body }) => recordAssessment(scope, { ...params, ...body }),
    ),

    route.put(
      "/api/cohorts/:cohortId/assessors",
      {
        summary: "Name the people who may score this cohort's competence proofs (replaces the list)",
        params: cohortParams,
        body: assessorsBody,
        response: assessmentBoard.pick({ assessors: true }),
      },
      (scope, { params, body }) => nameAssessors(scope, { ...params, ...body }),
    ),

    route.get(
      "/api/me/assessing",
      {
        summary:
          'The cohorts the signed-in person was named assessor for, with how many proofs are scored (their "To assess" page)',
        response: assessingView,
      },
      (scope) => listMyAssessing(scope),
    ),

    route.get(
      "/api/me/assessments/:cohortId/:activityId",
      {
        summary: "The learner's own result and feedback on a competence proof (null until scored)",
        params: proofParams,
        response: myAssessmentView,
      },
      (scope, { params }) => getMyAssessment(scope, params),
    ),

    route.get(
      "/api/trajectories/:trajectoryId/kpis",
      {
        summary: "Organisation figures before and after (LTEM tier 8)",
        params: trajectoryParams,
        response: kpiList,
      },
      (scope, { params }) => listKpis(scope, params),
    ),

    route.post(
      "/api/trajectories/:trajectoryId/kpis",
      {
        summary: "Record an organisation figure",
        params: trajectoryParams,
        body: kpiBody,
        response: kpiView,
        status: 201,
      },
      (scope, { params, body }) => addKpi(scope, { ...params, ...body }),
    ),

    route.put(
      "/api/trajectories/:trajectoryId/kpis/:kpiId",
      {
        summary: "Change an organisation figure (add the after value)",
        params: kpiParams,
        body: kpiBody,
        response: kpiView,
      },
      (scope, { params, body }) => updateKpi(scope, { ...params, ...body }),
    ),

    route.delete(
      "/api/trajectories/:trajectoryId/kpis/:kpiId",
      { summary: "Remove an organisation figure", params: kpiParams, status: 204 },
      (scope, { params }) => deleteKpi(scope, params),
    ),

    route.get(
      "/api/trajectories/:trajectoryId/success-cases",
      {
        summary:
          "Most and least successful learners who agreed to be asked (coordinator; the view is logged)",
        params: trajectoryParams,
        query: impactQuery.pick({ cohortId: true }),
        response: successCasesView,
      },
      (scope, { params, query }) => getSuccessCases(scope, { ...params, ...query }),
    ),

    route.post(
      "/api/trajectories/:trajectoryId/success-cases/interviews",
      {
        summary:
          "Save a structured success-case interview: what was used, what came of it, what helped and hindered",
        params: trajectoryParams,
        body: interviewBody,
        response: interviewSaved,
        status: 201,
      },
      (scope, { params, body }) => recordInterview(scope, { ...params, ...body }),
    ),

    route.patch(
      "/api/trajectories/:trajectoryId/success-cases/interviews/:interviewId",
      {
        summary: "Correct an interview's notes (409 once it is marked final)",
        params: interviewParams,
        body: updateInterviewBody,
        response: interviewSaved,
      },
      (scope, { params, body }) => updateInterview(scope, { ...params, ...body }),
    ),

    route.post(
      "/api/trajectories/:trajectoryId/success-cases/interviews/:interviewId/final",
      {
        summary: "Mark an interview final: from then on its notes do not change",
        params: interviewParams,
        response: interviewSaved,
      },
      (scope, { params }) => finaliseInterview(scope, params),
    ),
  ],
);
