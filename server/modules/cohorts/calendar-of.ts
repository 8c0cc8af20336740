import { eq } from "drizzle-orm";
import type { WorkingCalendar } from "../../../common/working-week.ts";
import { organisations } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";

/**
 * The organisation's working calendar (country and working week), for code that dates activities
 * without going through an enrolment: the cohort page, impact figures, the cohort's iCalendar feed.
 */
export async function calendarOf(tenant: Tenant): Promise<WorkingCalendar> {
  const [row] = await tenant.db
    .select({ country: organisations.country, workingDays: organisations.workingDays })
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  if (!row) throw notFound("organisation");
  return row;
}
