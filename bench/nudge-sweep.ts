/**
 * The morning nudge sweep (`reminders.send-nudges`) for 10,000 learners on embedded PGlite, each in a
 * started cohort with 200 practice cards, on a Monday morning when every one of them is due a nudge.
 * Meanwhile a stand-in request (one small query every 50 ms, as a signed-in request would queue for
 * the database) measures how long requests wait while the sweep runs.
 * Run: node bench/nudge-sweep.ts   (BENCH_LEARNERS, BENCH_CARDS to change the size)
 */
import { sql } from "drizzle-orm";
import { State } from "ts-fsrs";
import { openDatabase } from "../server/db/client.ts";
import { sendNudges } from "../server/modules/reminders/nudges.service.ts";
import { benchCohort, whileRequestsArrive } from "./support/sweep.ts";
import { maintainDatabase } from "../server/ops/maintenance.ts";
import { createLogger } from "../server/logger.ts";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const CARDS = Number(process.env.BENCH_CARDS ?? 200);
/** A Monday, 09:00 in Amsterdam: every learner's twice-weekly nudge moment. */
const now = new Date("2027-03-15T08:00:00Z");
const day = 86_400_000;

const database = await openDatabase({ kind: "pglite", dataDir: null });
const db = database.db;
let started = performance.now();
const { organisationId: o, document, trajectoryId, cohortId } = await benchCohort(db, "2027-02-20");
await db.execute(sql`insert into persons (organisation_id, email, name, status)
  select ${o}, 'l' || g || '@bench.test', 'Learner ' || g, 'active' from generate_series(1, ${LEARNERS}) g`);
await db.execute(sql`insert into cohort_participants (organisation_id, cohort_id, person_id)
  select ${o}, ${cohortId}, id from persons where organisation_id = ${o}`);
await db.execute(sql`insert into questions (organisation_id, trajectory_id, competence_id, kind, level, uses, prompt, options)
  select ${o}, ${trajectoryId}, ${document.competences[0]!.id!}, 'scenario', 'decision', '["practice"]'::jsonb,
    'Question ' || g, '[{"id":"a","text":"A","correct":true,"feedback":""},{"id":"b","text":"B","correct":false,"feedback":""}]'::jsonb
  from generate_series(1, ${CARDS}) g`);
const card = JSON.stringify({
  due: now.toISOString(),
  stability: 12,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 10,
  learning_steps: 0,
  reps: 3,
  lapses: 0,
  state: State.Review,
  last_review: new Date(now.getTime() - 5 * day).toISOString(),
});
await db.execute(sql`insert into practice_cards (organisation_id, person_id, cohort_id, question_id, due, fsrs)
  select ${o}, p.id, ${cohortId}, q.id, ${now.toISOString()}::timestamptz + (random() * 40 - 20) * interval '1 day', ${card}::jsonb
  from persons p cross join questions q where p.organisation_id = ${o} and q.organisation_id = ${o}`);
console.log(
  `seeded ${LEARNERS.toLocaleString("en")} learners × ${CARDS} cards in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// The state a database is in after a night: the nightly job has vacuumed and analysed it (PGlite has no
// autovacuum; without statistics the planner guesses, and the card query takes ten times longer).
started = performance.now();
await maintainDatabase(database, createLogger("silent"))();
console.log(`nightly VACUUM (ANALYZE): ${((performance.now() - started) / 1000).toFixed(1)} s`);

const {
  result: sent,
  seconds,
  report,
} = await whileRequestsArrive(db, () => sendNudges(db, "http://localhost:3000", now));
console.log(
  `nudge sweep, ${LEARNERS.toLocaleString("en")} learners on PGlite: ${seconds.toFixed(1)} s, ${sent} emails queued`,
);
console.log(`  per learner ${((seconds * 1000) / LEARNERS).toFixed(2)} ms`);
report();
const again = performance.now();
const second = await sendNudges(db, "http://localhost:3000", now);
console.log(
  `  a second sweep the same morning: ${((performance.now() - again) / 1000).toFixed(1)} s, ${second} emails`,
);
await database.close();
