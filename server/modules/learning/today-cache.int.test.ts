import { sql } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { PracticeResponse, TodayResponse } from "../../../common/schemas/learning.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { type CohortFixture, organisationWithCohort, scenario } from "../../../test-support/learning.ts";

/**
 * A learner's Today is kept in memory between writes (`today-cache.ts`). Whatever anyone changes, in
 * this process or (on PostgreSQL) in another, must show on the learner's next Today at once.
 */
describe("Today after a change, with Today kept in memory", () => {
  const t = useTestApp();
  const call = caller(t);
  let setup: CohortFixture;
  let learner: string;

  beforeAll(async () => {
    setup = await organisationWithCohort(t, {
      questions: ([first]) => [scenario(first!), scenario(first!, 2)],
      daysAfter: 3,
    });
    learner = setup.learners[0]!.cookie;
  });

  const today = async () => (await call("GET", "/api/me/today", learner)).json<TodayResponse>();
  const keys = async () => (await today()).items.map((item) => item.key);

  /** How many writes the cache has seen: the write count on PGlite, the noted transactions on PostgreSQL. */
  const writesSeen = async () =>
    t.database.writeCounts?.data ??
    (await onOwnConnection((client) => client.query("select count(*)::int as n from data_changes"))).rows[0]
      .n;

  it("opening the learner's screens writes nothing, so Today can be answered from memory", async () => {
    await today();
    const before = await writesSeen();
    for (const url of [
      "/api/me",
      "/api/me/today",
      "/api/me/practice",
      "/api/me/check-ins",
      "/api/me/action-plans",
      "/api/me/notices",
      "/api/me/learning-preferences",
    ])
      expect((await call("GET", url, learner)).statusCode, url).toBe(200);
    expect(await writesSeen()).toBe(before);
  });

  it("answers from memory until a write is seen, from this process or another", async () => {
    const cohortName = async () => (await today()).items[0]!.cohortName;
    const original = await cohortName();
    // Renamed behind the watch's back (not through the query logger; with PostgreSQL's triggers off):
    // the kept answer is still used, which shows it is kept at all.
    await renameUnseen(setup.cohortId, "Renamed unseen");
    expect(await cohortName()).toBe(original);
    // Renamed as another process would (on PGlite, the one process's own connection): shown at once.
    await renameAsAnotherProcess(setup.cohortId, "Renamed elsewhere");
    expect(await cohortName()).toBe("Renamed elsewhere");
    await renameAsAnotherProcess(setup.cohortId, original);
    expect(await cohortName()).toBe(original);
  });

  async function renameUnseen(cohortId: string, name: string) {
    if (t.database.pglite) {
      await t.database.pglite.query("update cohorts set name = $1 where id = $2", [name, cohortId]);
      return;
    }
    await onOwnConnection(async (client) => {
      await client.query("set session_replication_role = replica");
      await client.query("update cohorts set name = $1 where id = $2", [name, cohortId]);
    });
  }

  async function renameAsAnotherProcess(cohortId: string, name: string) {
    if (t.database.pglite) {
      await t.database.db.execute(sql`update cohorts set name = ${name} where id = ${cohortId}`);
      return;
    }
    await onOwnConnection((client) =>
      client.query("update cohorts set name = $1 where id = $2", [name, cohortId]),
    );
  }

  async function onOwnConnection<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it("shows the learner's own changes at once: a task done leaves, an optional one chosen and taken back moves", async () => {
    const task = (await today()).items.find((item) => item.kind === "activity" && item.tool === null)!;
    const progress = (item: { cohortId: string; activityId: string | null }, status: string) =>
      call("POST", `/api/me/activities/${item.cohortId}/${item.activityId}/progress`, learner, { status });
    expect(await keys()).toContain(task.key);
    expect((await progress(task, "done")).statusCode).toBe(200);
    expect(await keys()).not.toContain(task.key);
    expect((await today()).doneToday).toBe(1);

    const optional = (await today()).menu[0]!;
    expect((await progress(optional, "chosen")).statusCode).toBe(200);
    expect(await keys()).toContain(optional.key);
    expect((await progress(optional, "open")).statusCode).toBe(200);
    expect(await keys()).not.toContain(optional.key);
    expect((await today()).menu.map((item) => item.key)).toContain(optional.key);
  });

  it("shows practice that comes due with nothing written, once the kept answer is too old", async () => {
    const practice = async () => (await today()).items.find((item) => item.kind === "practice");
    expect(await practice()).toBeDefined();
    const plan = (await call("GET", "/api/me/practice", learner)).json<PracticeResponse>();
    for (const [n, card] of plan.cards.entries()) {
      const right = card.question.options.find((option) => option.text.startsWith("Acknowledge"))!;
      const answer = await call("POST", "/api/practice-answers", learner, {
        cardId: card.cardId,
        answer: right.id,
        answeredAt: t.clock.now.toISOString(),
        clientId: `today-cache-${n}`,
      });
      expect(answer.statusCode).toBe(200);
    }
    expect(await practice()).toBeUndefined();
    // Weeks later the cards are due again. Signing in again writes only a session, which Today never reads.
    t.clock.now = new Date(t.clock.now.getTime() + 40 * 86_400_000);
    learner = await t.signIn(setup.learners[0]!.email);
    expect(await practice()).toBeDefined();
  });

  it("shows a coordinator's change at once: a cancelled cohort leaves the learner's Today and practice", async () => {
    expect((await today()).items.length).toBeGreaterThan(0);
    const designer = await t.signIn(setup.designer.email);
    const cancel = await call("POST", `/api/cohorts/${setup.cohortId}/cancel`, designer, {});
    expect(cancel.statusCode).toBe(200);
    expect((await today()).items).toEqual([]);
    // Its practice cards are kept for the record but no longer offered.
    expect((await call("GET", "/api/me/practice", learner)).json<PracticeResponse>().cards).toEqual([]);
  });
});
