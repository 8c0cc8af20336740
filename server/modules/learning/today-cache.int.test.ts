import { beforeAll, describe, expect, it } from "vitest";
import type { PracticeResponse, TodayResponse } from "../../../common/schemas/learning.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { type CohortFixture, organisationWithCohort, scenario } from "../../../test-support/learning.ts";

/**
 * On PGlite a learner's Today is kept in memory between writes (`today-cache.ts`). Whatever anyone
 * changes must show on the learner's next Today at once, exactly as on PostgreSQL, where nothing is kept.
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

  it("opening the learner's screens writes nothing, so Today can be answered from memory", async () => {
    await today();
    const before = t.database.writeCounts?.data;
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
    expect(t.database.writeCounts?.data).toBe(before);
    // Kept in memory on the embedded database only.
    expect(t.database.writeCounts === undefined).toBe(t.database.kind === "postgres");
  });

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
