import {
  certificateParams,
  cohortCertificatesParams,
  trainingRecordParams,
  trainingRecordView,
} from "../../../common/schemas/certificates.ts";
import { attachment, defineRoutes, route, withHeaders } from "../../http/route-table.ts";
import {
  getCertificate,
  getCohortCertificates,
  getMyTrainingRecord,
  getTrainingRecordCsv,
  getTrainingRecordPdf,
} from "./certificates.service.ts";

const PDF = "application/pdf";
const CSV = "text/csv; charset=utf-8";

/** Participation certificates and training records: downloads in the person's language, audited. */
export const certificateRoutes = defineRoutes(
  ["certificates"],
  [
    route.get(
      "/api/cohorts/:cohortId/certificates/:personId.pdf",
      {
        summary:
          "A participation certificate for one learner of a cohort, in her language (coordinator, or herself)",
        params: certificateParams,
      },
      async (scope, { params }) => {
        const file = await getCertificate(scope, params);
        return withHeaders(attachment(file.fileName, PDF), file.body);
      },
    ),

    route.get(
      "/api/cohorts/:cohortId/certificates.zip",
      {
        summary: "Every participant's certificate in one zip (coordinator)",
        params: cohortCertificatesParams,
      },
      async (scope, { params }) => {
        const file = await getCohortCertificates(scope, params);
        return withHeaders(attachment(file.fileName, "application/zip"), Buffer.from(file.body));
      },
    ),

    route.get(
      "/api/people/:personId/training-record.pdf",
      {
        summary: "A person's training record as PDF: every cohort with dates and hours",
        params: trainingRecordParams,
      },
      async (scope, { params }) => {
        const file = await getTrainingRecordPdf(scope, params);
        return withHeaders(attachment(file.fileName, PDF), file.body);
      },
    ),

    route.get(
      "/api/people/:personId/training-record.csv",
      { summary: "A person's training record as CSV, one row per cohort", params: trainingRecordParams },
      async (scope, { params }) => {
        const file = await getTrainingRecordCsv(scope, params);
        return withHeaders(attachment(file.fileName, CSV), file.body);
      },
    ),

    route.get(
      "/api/me/training-record.pdf",
      { summary: "The signed-in learner's own training record as PDF" },
      async (scope) => {
        const file = await getTrainingRecordPdf(scope, { personId: scope.actor.personId });
        return withHeaders(attachment(file.fileName, PDF), file.body);
      },
    ),

    route.get(
      "/api/me/training-record",
      {
        summary: "The signed-in learner's own cohorts with dates and hours (her passport)",
        response: trainingRecordView,
      },
      (scope) => getMyTrainingRecord(scope),
    ),
  ],
);
