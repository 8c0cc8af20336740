import { eq } from "drizzle-orm";
import { phaseFromAnswers } from "../../modules/culture-scan/answers.ts";
import { newSecret } from "../../modules/auth/tokens.ts";
import {
  cultureScans,
  scanInvitations,
  scanResponses,
  teamMemberships,
  type ScanAnswers,
} from "../schema/index.ts";
import type { Tenant } from "../tenant.ts";
import { addDays } from "../../../common/dates.ts";

/** How many people of each demo team answered: the last team stays under the threshold of 5. */
const ANSWERS_PER_TEAM = [9, 7, 6, 3];

/** A small deterministic generator, so every fresh demo shows the same results. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function demoAnswers(random: () => number, teamIndex: number): ScanAnswers {
  const pick = <T>(options: T[]) => options[Math.floor(random() * options.length)]!;
  const score = (centre: number) => Math.max(1, Math.min(5, Math.round(centre + (random() - 0.5) * 2)));
  const applying = random() < 0.5;
  return {
    learningNow: pick(["yes", "no"]),
    intention: pick(["none", "within-6-months", "within-30-days"]),
    monthsSinceStart: applying ? pick(["9", "18"]) : pick(["never", "2"]),
    applyingAtWork: applying ? "yes" : pick(["yes", "no"]),
    choosesNewLearning: pick(["yes", "no", "no"]),
    tasks: score(3.8),
    colleagues: score(3.6),
    // Managers support the start of learning more than its use at work: the classic transfer gap.
    manager: score(applying ? 2.2 : 3.4),
    hr: score(2.6),
    management: score(3),
    environment: score(3.2 - teamIndex * 0.2),
    engagement: score(2.8),
    sharedVision: score(3.4),
    readiness: score(3.6),
    safety: score(3.9),
    workload: score(2.1),
    ...(random() < 0.3
      ? {
          comment: pick([
            "Meer tijd om te oefenen",
            "Iemand die meekijkt als ik iets nieuws probeer",
            "Duidelijkheid over wat er van ons verwacht wordt",
          ]),
        }
      : {}),
  };
}

/** One closed scan for the demo: answers from every team, one team below the threshold. */
export async function seedDemoCultureScan(
  tenant: Tenant,
  coordinatorId: string,
  teamIds: string[],
): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const [scan] = await tenant.db
    .insert(cultureScans)
    .values(
      tenant.row({
        title: "Leercultuurscan voorjaar",
        teamIds,
        opensOn: addDays(today, -60),
        closesOn: addDays(today, -46),
        closedAt: new Date(Date.now() - 46 * 86_400_000),
        sharedToken: newSecret().token,
        createdBy: coordinatorId,
      }),
    )
    .returning({ id: cultureScans.id });
  const random = generator(20_270_401);
  for (const [index, teamId] of teamIds.entries()) {
    const members = await tenant.select(
      teamMemberships,
      { personId: teamMemberships.personId },
      eq(teamMemberships.teamId, teamId),
    );
    for (const [position, member] of members.entries()) {
      const answered = position < (ANSWERS_PER_TEAM[index] ?? 0);
      const spentOn = addDays(today, -55 + (position % 5));
      await tenant.db.insert(scanInvitations).values(
        tenant.row({
          scanId: scan!.id,
          personId: member.personId,
          teamId,
          tokenHash: newSecret().hash,
          spentOn: answered ? spentOn : null,
        }),
      );
      if (!answered) continue;
      const answers = demoAnswers(random, index);
      await tenant.db.insert(scanResponses).values(
        tenant.row({
          scanId: scan!.id,
          teamId,
          answers,
          phase: phaseFromAnswers(answers),
          submittedOn: spentOn,
        }),
      );
    }
  }
}
