import type { TrainingRecordView } from "../../../common/schemas/certificates.ts";
import { api } from "../../lib/api.ts";

export type { TrainingRecordView };

export const certificateKeys = {
  mine: () => ["training-record", "mine"] as const,
};

/**
 * Certificates and training records. The files are plain download addresses: the server writes them
 * in the person's own language, so a link needs no language of its own.
 */
export const certificatesApi = {
  myRecord: () => api<TrainingRecordView>("GET", "/api/me/training-record"),
  myRecordPdf: "/api/me/training-record.pdf",
  certificate: (cohortId: string, personId: string) =>
    `/api/cohorts/${cohortId}/certificates/${personId}.pdf`,
  cohortZip: (cohortId: string) => `/api/cohorts/${cohortId}/certificates.zip`,
  recordPdf: (personId: string) => `/api/people/${personId}/training-record.pdf`,
  recordCsv: (personId: string) => `/api/people/${personId}/training-record.csv`,
};
