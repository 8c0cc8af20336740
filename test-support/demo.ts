import type { ImpactView } from "../common/schemas/impact.ts";
import { eq } from "drizzle-orm";
import type { Db } from "../server/db/client.ts";
import { organisations } from "../server/db/schema/index.ts";
import { DEMO_PASSWORD, seedDemo } from "../server/db/seed/demo.ts";
import { Tenant } from "../server/db/tenant.ts";
import { caller, type SharedTestApp } from "./app.ts";

/** The demo cohort that has finished, with figures on every LTEM tier. */
const FINISHED_DEMO_COHORT = "Kantoor en planning, klantgesprekken (voorjaar)";

/**
 * The demo organisation seeded into the app, its coordinator signed in, and the ids of the "Moeilijke
 * klantgesprekken" trajectory and its finished cohort: the impact tests read the demo's own figures.
 */
export async function seededDemoImpact(t: SharedTestApp) {
  await seedDemo(t.database.db);
  const call = caller(t);
  const coordinator = await t.signIn("coordinator@demo.beklijf.nl", DEMO_PASSWORD);
  const trajectories = (await call("GET", "/api/trajectories", coordinator)).json<
    { id: string; title: string }[]
  >();
  const trajectoryId = trajectories.find((x) => x.title === "Moeilijke klantgesprekken")!.id;
  const impact = (
    await call("GET", `/api/trajectories/${trajectoryId}/impact`, coordinator)
  ).json<ImpactView>();
  const finishedId = impact.cohorts.find((c) => c.name === FINISHED_DEMO_COHORT)!.id;
  return { coordinator, trajectoryId, finishedId };
}

/** The demo organisation seeded into `db` (once; seeding again changes nothing), as its tenant. */
export async function seededDemoTenant(db: Db): Promise<Tenant> {
  await seedDemo(db);
  const [demo] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.isDemo, true));
  return new Tenant(db, demo!.id);
}
