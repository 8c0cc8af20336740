import { desc, inArray } from "drizzle-orm";
import type { PulseRating } from "../../../common/schemas/action-plans.ts";
import { planPulses } from "../../db/schema/index.ts";
import { columnsOf, type Tenant } from "../../db/tenant.ts";
import { PULSE_HISTORY_WEEKS } from "./pulse-week.ts";

/** The last weeks' pulses of each plan, newest first: for the plan's history and the manager's view. */
export async function pulsesOf(tenant: Tenant, planIds: string[]) {
  if (planIds.length === 0) return new Map<string, { week: string; rating: PulseRating }[]>();
  const rows = await tenant
    .select(
      planPulses,
      columnsOf(planPulses, "planId", "week", "rating"),
      inArray(planPulses.planId, planIds),
    )
    .orderBy(desc(planPulses.week));
  const byPlan = new Map<string, { week: string; rating: PulseRating }[]>();
  for (const { planId, week, rating } of rows) {
    const list = byPlan.get(planId) ?? [];
    if (list.length < PULSE_HISTORY_WEEKS) list.push({ week, rating });
    byPlan.set(planId, list);
  }
  return byPlan;
}
