/**
 * The Monday digest sweep (`digest.send-digests`) on embedded PGlite: 10,000 learners in teams of ten,
 * each team with its own manager, all in a cohort whose practice day was last week, so every manager has
 * check-ins waiting and gets a digest. Meanwhile a stand-in request (one small query every 50 ms)
 * measures how long requests wait while the sweep runs.
 * Run: node bench/digest-sweep.ts   (BENCH_LEARNERS, BENCH_TEAM to change the size)
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../server/db/client.ts";
import { sendDigests } from "../server/modules/digest/digest.service.ts";
import { benchCohort, whileRequestsArrive } from "./support/sweep.ts";
import { maintainDatabase } from "../server/ops/maintenance.ts";
import { createLogger } from "../server/logger.ts";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const TEAM = Number(process.env.BENCH_TEAM ?? 10);
/** A Monday, 09:00 in Amsterdam: past every manager's 08:00 digest moment. */
const now = new Date("2027-03-15T08:00:00Z");

const database = await openDatabase({ kind: "pglite", dataDir: null });
const db = database.db;
const started = performance.now();
const { organisationId: o, cohortId } = await benchCohort(db, "2027-03-10");
const teams = Math.ceil(LEARNERS / TEAM);
await db.execute(sql`insert into persons (organisation_id, email, name, status)
  select ${o}, 'l' || g || '@bench.test', 'Learner ' || g, 'active' from generate_series(1, ${LEARNERS}) g`);
await db.execute(sql`insert into persons (organisation_id, email, name, status)
  select ${o}, 'm' || g || '@bench.test', 'Manager ' || g, 'active' from generate_series(1, ${teams}) g`);
await db.execute(sql`insert into person_roles (organisation_id, person_id, role)
  select ${o}, id, case when email like 'm%' then 'manager' else 'learner' end from persons where organisation_id = ${o}`);
await db.execute(sql`insert into teams (organisation_id, name)
  select ${o}, 'Team ' || g from generate_series(1, ${teams}) g`);
await db.execute(sql`insert into team_memberships (organisation_id, team_id, person_id, is_manager)
  select ${o}, t.id, p.id, p.email like 'm%'
  from persons p join teams t on t.organisation_id = p.organisation_id
    and t.name = 'Team ' || case when p.email like 'm%'
      then substring(p.email from 2 for position('@' in p.email) - 2)::int
      else (substring(p.email from 2 for position('@' in p.email) - 2)::int - 1) / ${TEAM} + 1 end
  where p.organisation_id = ${o}`);
await db.execute(sql`insert into cohort_participants (organisation_id, cohort_id, person_id)
  select ${o}, ${cohortId}, id from persons where organisation_id = ${o} and email like 'l%'`);
console.log(
  `seeded ${LEARNERS.toLocaleString("en")} learners in ${teams.toLocaleString("en")} teams with a manager each ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// As after a night: the nightly job has analysed the tables (PGlite has no autovacuum).
await maintainDatabase(database, createLogger("silent"))();

const {
  result: sent,
  seconds,
  report,
} = await whileRequestsArrive(db, () => sendDigests(db, "http://localhost:3000", now));
console.log(
  `digest sweep, ${teams.toLocaleString("en")} managers of ${LEARNERS.toLocaleString("en")} learners on PGlite: ` +
    `${seconds.toFixed(1)} s, ${sent} digests queued`,
);
console.log(`  per manager ${((seconds * 1000) / teams).toFixed(1)} ms`);
report();
const again = performance.now();
const second = await sendDigests(db, "http://localhost:3000", now);
console.log(
  `  a second sweep the same morning: ${((performance.now() - again) / 1000).toFixed(1)} s, ${second} digests`,
);
await database.close();
