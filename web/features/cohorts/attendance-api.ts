import { useQuery } from "@tanstack/react-query";
import type { AttendanceBody, AttendanceView } from "../../../common/schemas/attendance.ts";
import { api } from "../../lib/api.ts";

export const attendanceKeys = {
  cohort: (cohortId: string) => ["attendance", cohortId] as const,
};

export const attendanceApi = {
  get: (cohortId: string) => api<AttendanceView>("GET", `/api/cohorts/${cohortId}/attendance`),
  record: (cohortId: string, body: AttendanceBody) =>
    api<AttendanceView>("PUT", `/api/cohorts/${cohortId}/attendance`, body),
};

export const useAttendance = (cohortId: string) =>
  useQuery({ queryKey: attendanceKeys.cohort(cohortId), queryFn: () => attendanceApi.get(cohortId) });
