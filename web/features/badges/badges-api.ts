import type { z } from "zod";
import type {
  achievementInput,
  achievementView,
  BadgeInProgress,
  verifyCredentialResult,
} from "../../../common/schemas/action-plans.ts";
import { api } from "../../lib/api.ts";

export type AchievementView = z.infer<typeof achievementView>;
export type AchievementInput = z.input<typeof achievementInput>;
export type VerifyCredentialResult = z.infer<typeof verifyCredentialResult>;

/**
 * What the passport shows of an Open Badges 3.0 credential. The server sends the signed document as
 * it is (no schema may reshape a signed credential), so this names only the fields the page reads.
 */
export interface Credential {
  id: string;
  name: string;
  validFrom: string;
  issuer: { name?: string };
  credentialSubject: { achievement: { description?: string; criteria?: { narrative?: string } } };
}

/** The passport: the credentials earned, and the badges within reach with what each still needs. */
export interface Passport {
  credentials: Credential[];
  inProgress: BadgeInProgress[];
}

export const badgeKeys = {
  achievements: (trajectoryId: string) => ["achievements", trajectoryId] as const,
  credentials: () => ["credentials"] as const,
};

const achievementsPath = (trajectoryId: string) => `/api/trajectories/${trajectoryId}/achievements`;

/** Badge definitions (designers), the learner's credentials, and verifying an uploaded credential. */
export const badgesApi = {
  achievements: (trajectoryId: string) => api<AchievementView[]>("GET", achievementsPath(trajectoryId)),
  /** Without a competence (a trajectory that has none yet) the server refuses the badge field by field. */
  createAchievement: (
    trajectoryId: string,
    input: Omit<AchievementInput, "competenceId"> & { competenceId?: string },
  ) => api<AchievementView[]>("POST", achievementsPath(trajectoryId), input),
  credentials: () => api<Passport>("GET", "/api/me/credentials"),
  verify: (credential: unknown) =>
    api<VerifyCredentialResult>("POST", "/api/credentials/verify", { credential }),
};
