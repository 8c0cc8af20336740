import { useQuery } from "@tanstack/react-query";
import type { ProblemBody } from "../../../common/errors.ts";
import type { AttemptView, LaunchView, PackageView } from "../../../common/schemas/packages.ts";
import { api, ApiError } from "../../lib/api.ts";
import { currentLocale } from "../../lib/i18n.ts";

export const packageKeys = {
  detail: (packageId: string) => ["packages", packageId] as const,
  attempt: (cohortId: string, activityId: string) => ["package-attempt", cohortId, activityId] as const,
};

const activityPath = (cohortId: string, activityId: string) => `/api/me/activities/${cohortId}/${activityId}`;

/** The address the SCORM runtime commits the learner's CMI data to (for one SCO of several, named). */
export const commitPath = (cohortId: string, activityId: string, unitId?: string) =>
  `${activityPath(cohortId, activityId)}/cmi${unitId ? `?unit=${encodeURIComponent(unitId)}` : ""}`;

/**
 * Uploads a zip as multipart form data (the one upload that is not JSON). One Idempotency-Key per
 * chosen file, so a double click or a retry stores the package once.
 */
async function upload(trajectoryId: string, file: File, idempotencyKey: string): Promise<PackageView> {
  const form = new FormData();
  form.append("package", file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/trajectories/${trajectoryId}/packages`, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Accept-Language": currentLocale(),
        Accept: "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: form,
    });
  } catch {
    throw new ApiError({ status: 0, code: "NETWORK" });
  }
  const data = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new ApiError({ ...(data as Partial<ProblemBody>), status: response.status });
  return data as PackageView;
}

export const packagesApi = {
  upload,
  get: (packageId: string) => api<PackageView>("GET", `/api/packages/${packageId}`),
  launch: (cohortId: string, activityId: string, unitId?: string) =>
    api<LaunchView>("POST", `${activityPath(cohortId, activityId)}/launch`, unitId ? { unitId } : undefined),
  attempt: (cohortId: string, activityId: string) =>
    api<AttemptView | null>("GET", `${activityPath(cohortId, activityId)}/attempt`),
};

export const usePackage = (packageId: string | undefined) =>
  useQuery({
    queryKey: packageKeys.detail(packageId ?? ""),
    queryFn: () => packagesApi.get(packageId!),
    enabled: Boolean(packageId),
  });

/** `pollMs` while a cmi5 AU plays: it reports to the LRS, not to this page, so the page asks. */
export const useAttempt = (cohortId: string, activityId: string, pollMs?: number) =>
  useQuery({
    queryKey: packageKeys.attempt(cohortId, activityId),
    queryFn: () => packagesApi.attempt(cohortId, activityId),
    ...(pollMs ? { refetchInterval: pollMs } : {}),
  });
