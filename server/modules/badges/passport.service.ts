import { asc, eq, inArray } from "drizzle-orm";
import type { BadgeInProgress } from "../../../common/schemas/action-plans.ts";
import { achievements, badgeAwards } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import { competenceName, enrolmentsOf } from "../cohorts/index.ts";
import { evidenceOf } from "./badge-evidence.ts";
import { badgeProgress } from "./badge-progress.ts";
import { awardEarnedBadges, credentialsOf } from "./badges.service.ts";

/**
 * The badges of the learner's trajectories she has not earned yet, each with how far she is on every
 * part of its rule (the same rule the award applies).
 */
async function badgesInProgress(tenant: Tenant, personId: string): Promise<BadgeInProgress[]> {
  const enrolments = await enrolmentsOf(tenant, personId);
  if (enrolments.length === 0) return [];
  const [candidates, held, evidence] = await Promise.all([
    tenant
      .selectRows(
        achievements,
        inArray(
          achievements.trajectoryId,
          enrolments.map((e) => e.trajectoryId),
        ),
      )
      .orderBy(asc(achievements.createdAt)),
    tenant.select(
      badgeAwards,
      { achievementId: badgeAwards.achievementId },
      eq(badgeAwards.personId, personId),
    ),
    evidenceOf(tenant, personId),
  ]);
  return candidates
    .filter((a) => !held.some((h) => h.achievementId === a.id))
    .map((achievement) => {
      const document = enrolments.find((e) => e.trajectoryId === achievement.trajectoryId)!.document;
      return {
        achievementId: achievement.id,
        name: achievement.name,
        description: achievement.description,
        criteria: achievement.criteria,
        competenceName: competenceName(document, achievement.competenceId),
        ...badgeProgress(achievement, evidence(achievement.competenceId)),
      };
    });
}

/**
 * The learner's skills passport: her signed credentials and the badges in progress. A badge whose rule
 * is met but that was not yet awarded (defined after the evidence came) is awarded here, so the
 * passport never says "nothing remains" of a badge she does not have.
 */
export async function myPassport({ tenant, actor, site, now }: Scope) {
  let inProgress = await badgesInProgress(tenant, actor.personId);
  if (inProgress.some((badge) => badge.met)) {
    await awardEarnedBadges(tenant, actor.personId, site, now);
    inProgress = await badgesInProgress(tenant, actor.personId);
  }
  return { credentials: await credentialsOf(tenant, actor.personId), inProgress };
}
