/**
 * Computing today's due work and practice queue for 10,000 learners with 200 cards each.
 *
 * 1. Pure scheduling: for every learner, the recall chance of each due card (FSRS), today's session
 *    within the daily budget with the backlog spread, and the one-week forecast.
 * 2. On the database (embedded PGlite): 2,000,000 card rows, and the full "today" computation (cohort
 *    schedule, progress, practice session) for a sample of learners, extrapolated to all of them: what
 *    the morning reminder sweep does once per learner.
 * Run: node bench/practice-queue.ts   (BENCH_LEARNERS, BENCH_CARDS, BENCH_SAMPLE to change the size)
 */
import { sql } from "drizzle-orm";
import { State, type Card } from "ts-fsrs";
import { openDatabase } from "../server/db/client.ts";
import { Tenant } from "../server/db/tenant.ts";
import { getToday } from "../server/modules/learning/today.service.ts";
import { benchCohort } from "./support/sweep.ts";
import { planPractice, recallChance, type QueuedCard } from "../server/modules/practice/scheduler.ts";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const CARDS = Number(process.env.BENCH_CARDS ?? 200);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
const now = new Date("2027-03-15T08:00:00Z");
const day = 86_400_000;

/** A deterministic pseudo-random sequence, so runs are comparable. */
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

/** A card somewhere in its life: reviewed a few times, due between 20 days ago and 40 days ahead. */
function someCard(): Card {
  const lastReview = new Date(now.getTime() - Math.floor(random() * 30) * day);
  const scheduled = 1 + Math.floor(random() * 40);
  return {
    due: new Date(lastReview.getTime() + scheduled * day),
    stability: 1 + random() * 40,
    difficulty: 1 + random() * 9,
    elapsed_days: 0,
    scheduled_days: scheduled,
    learning_steps: 0,
    reps: 1 + Math.floor(random() * 6),
    lapses: Math.floor(random() * 2),
    state: State.Review,
    last_review: lastReview,
  };
}

function pureScheduling(): void {
  let cardsSeen = 0;
  let sessionCards = 0;
  let started = performance.now();
  const learners = Array.from({ length: LEARNERS }, () => Array.from({ length: CARDS }, someCard));
  const built = (performance.now() - started) / 1000;
  started = performance.now();
  const inAWeek = new Date(now.getTime() + 7 * day);
  for (const cards of learners) {
    const due: QueuedCard[] = [];
    let forecast = 0;
    cards.forEach((card, index) => {
      forecast += recallChance(card, inAWeek);
      if (card.due <= now) {
        due.push({
          id: String(index),
          due: card.due,
          recall: recallChance(card, now),
          seconds: 60,
          preferred: index % 3 !== 0,
        });
      }
    });
    sessionCards += planPractice(due, "2027-03-15", { dailySeconds: 300, usedToday: 0 }).today.length;
    cardsSeen += cards.length;
    void forecast;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `1. pure scheduling: ${LEARNERS.toLocaleString("en")} learners × ${CARDS} cards (built in ${built.toFixed(1)} s)`,
  );
  console.log(`  total        ${seconds.toFixed(2)} s for ${cardsSeen.toLocaleString("en")} cards`);
  console.log(
    `  per learner  ${((seconds * 1000) / LEARNERS).toFixed(3)} ms (session ${(sessionCards / LEARNERS).toFixed(1)} cards)`,
  );
}

async function onTheDatabase(): Promise<void> {
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  const db = database.db;
  const started = performance.now();
  const { organisationId: o, document, trajectoryId, cohortId } = await benchCohort(db, "2027-02-20");
  const tenant = new Tenant(db, o);
  await db.execute(sql`insert into persons (organisation_id, email, name, status)
    select ${o}, 'l' || g || '@bench.test', 'Learner ' || g, 'active' from generate_series(1, ${LEARNERS}) g`);
  await db.execute(sql`insert into cohort_participants (organisation_id, cohort_id, person_id)
    select ${o}, ${cohortId}, id from persons where organisation_id = ${o}`);
  await db.execute(sql`insert into questions (organisation_id, trajectory_id, competence_id, kind, level, uses, prompt, options)
    select ${o}, ${trajectoryId}, ${document.competences[0]!.id!}, 'scenario', 'decision', '["practice"]'::jsonb,
      'Question ' || g, '[{"id":"a","text":"A","correct":true,"feedback":""},{"id":"b","text":"B","correct":false,"feedback":""}]'::jsonb
    from generate_series(1, ${CARDS}) g`);
  const card = JSON.stringify({
    ...someCard(),
    due: now.toISOString(),
    last_review: new Date(now.getTime() - 5 * day).toISOString(),
  });
  await db.execute(sql`insert into practice_cards (organisation_id, person_id, cohort_id, question_id, due, fsrs)
    select ${o}, p.id, ${cohortId}, q.id, ${now.toISOString()}::timestamptz + (random() * 40 - 20) * interval '1 day', ${card}::jsonb
    from persons p cross join questions q where p.organisation_id = ${o} and q.organisation_id = ${o}`);
  const loaded = (performance.now() - started) / 1000;
  console.log(
    `2. on PGlite: ${(LEARNERS * CARDS).toLocaleString("en")} cards loaded in ${loaded.toFixed(1)} s`,
  );

  const result = (await db.execute(
    sql`select id from persons where organisation_id = ${o} limit ${SAMPLE}`,
  )) as unknown as { rows: { id: string }[] };
  const sample = result.rows.map((row) => row.id);
  const timings: number[] = [];
  for (const personId of sample) {
    const t0 = performance.now();
    await getToday(tenant, personId, now);
    timings.push(performance.now() - t0);
  }
  timings.sort((a, b) => a - b);
  const mean = timings.reduce((a, b) => a + b, 0) / timings.length;
  console.log(
    `  full "today" (schedule, progress, ${CARDS}-card practice plan) per learner, ${SAMPLE} sampled:`,
  );
  console.log(
    `    mean ${mean.toFixed(1)} ms, p95 ${timings[Math.ceil(0.95 * timings.length) - 1]!.toFixed(1)} ms`,
  );
  console.log(
    `    for all ${LEARNERS.toLocaleString("en")} learners one after another: about ${((mean * LEARNERS) / 1000).toFixed(0)} s`,
  );
  await database.close();
}

pureScheduling();
await onTheDatabase();
