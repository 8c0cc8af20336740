import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActivityDetail, TodayResponse } from "../../../common/schemas/learning.ts";
import type { QuestionBank } from "../../../common/schemas/questions.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import {
  type CohortFixture,
  organisationWithCohort,
  scenario,
  testQuestion,
} from "../../../test-support/learning.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import { measures, questions } from "../../db/schema/index.ts";

describe("the learner's day, content and tests over HTTP", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let learner: string;
  let learnerId: string;
  let setup: CohortFixture;

  beforeAll(async () => {
    setup = await organisationWithCohort(t, {
      questions: ([first, second]) => [
        scenario(first!),
        testQuestion(first!, "insight-test"),
        testQuestion(second!, "insight-test"),
        testQuestion(second!, "competence-proof"),
      ],
      daysAfter: 3,
    });
    ({ cookie: learner, id: learnerId } = setup.learners[0]!);
  });

  const today = async () => (await call("GET", "/api/me/today", learner)).json<TodayResponse>();
  const activityOfType = (type: string) => setup.trajectory.document.activities.find((a) => a.type === type)!;

  it("lists what is due in order: earlier work calmly, then today's practice; optional work as a menu", async () => {
    const list = await today();
    expect(list.items.length).toBeGreaterThan(3);
    const statuses = list.items.map((item) => item.status);
    expect(statuses.indexOf("today")).toBeGreaterThan(statuses.lastIndexOf("earlier"));
    expect(list.items.at(-1)).toMatchObject({ kind: "practice", href: "/practice" });
    expect(list.items.every((item) => item.type !== "retrieval-practice" || item.kind === "practice")).toBe(
      true,
    );
    expect(list.menu.map((item) => item.mandatory)).toEqual(list.menu.map(() => false));
    expect(list.menu.length).toBeGreaterThan(0);
  });

  it("shows Markdown content with a reading time, and a done item leaves the list", async () => {
    const theory = activityOfType("theory-module");
    const detail = await call("GET", `/api/me/activities/${setup.cohortId}/${theory.id}`, learner);
    expect(detail.json<ActivityDetail>()).toMatchObject({
      content: expect.stringContaining("# Why conversations escalate"),
      readingMinutes: 1,
      status: "open",
      canMarkDone: true,
    });
    const done = await call("POST", `/api/me/activities/${setup.cohortId}/${theory.id}/progress`, learner, {
      status: "done",
    });
    expect(done.json<ActivityDetail>().status).toBe("done");
    expect((await today()).items.map((item) => item.activityId)).not.toContain(theory.id);
  });

  it("lets a learner choose or skip optional work, and refuses to skip mandatory work", async () => {
    const [optional] = (await today()).menu;
    const chosen = await call(
      "POST",
      `/api/me/activities/${setup.cohortId}/${optional!.activityId}/progress`,
      learner,
      {
        status: "chosen",
      },
    );
    expect(chosen.statusCode).toBe(200);
    expect((await today()).items.find((item) => item.activityId === optional!.activityId)?.choice).toBe(
      "chosen",
    );
    const mandatory = activityOfType("reflection");
    const refused = await callInDutch(
      "POST",
      `/api/me/activities/${setup.cohortId}/${mandatory.id}/progress`,
      learner,
      { status: "skipped" },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toBe("Alleen keuzeactiviteiten kun je kiezen of overslaan.");
  });

  it("scores the insight test per competence, stores measures and gives development points once", async () => {
    const insight = activityOfType("insight-test");
    const detail = (
      await call("GET", `/api/me/activities/${setup.cohortId}/${insight.id}`, learner)
    ).json<ActivityDetail>();
    expect(detail.test?.questions).toHaveLength(2);
    expect(detail.canMarkDone).toBe(false);
    const answers = detail.test!.questions.map((q, index) => ({
      questionId: q.id,
      optionId: q.options[index === 0 ? 1 : 0]!.id,
    }));
    const incomplete = await call(
      "POST",
      `/api/me/activities/${setup.cohortId}/${insight.id}/test`,
      learner,
      {
        answers: answers.slice(0, 1),
      },
    );
    expect(incomplete.json().errors[0].code).toBe("incomplete_answers");
    const submitted = await call("POST", `/api/me/activities/${setup.cohortId}/${insight.id}/test`, learner, {
      answers,
    });
    expect(submitted.statusCode).toBe(201);
    const scores = submitted.json<{ scores: { correct: number; total: number; advice: string[] }[] }>()
      .scores;
    expect(scores.map((s) => [s.correct, s.total]).sort()).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(scores.flatMap((s) => s.advice)).toEqual(["No date, no owner: nothing is agreed."]);
    const stored = await t.database.db.select().from(measures).where(eq(measures.personId, learnerId));
    expect(stored.map((m) => m.kind)).toEqual(["insight-test", "insight-test"]);
    const again = await call("POST", `/api/me/activities/${setup.cohortId}/${insight.id}/test`, learner, {
      answers,
    });
    expect(again.statusCode).toBe(409);
    expect(await t.database.db.select().from(measures).where(eq(measures.personId, learnerId))).toHaveLength(
      2,
    );
  });

  it("keeps another learner's cohort out of reach", async () => {
    const cookie = await outsiderCookie(t, buildLearner);
    const theory = activityOfType("theory-module");
    const response = await call("GET", `/api/me/activities/${setup.cohortId}/${theory.id}`, cookie);
    expect(response.statusCode).toBe(404);
  });
});

describe("the question bank over HTTP", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let designer: string;
  let learner: string;
  let trajectoryId: string;
  let competenceIds: string[];

  beforeAll(async () => {
    const setup = await organisationWithCohort(t);
    designer = setup.designer.cookie;
    learner = setup.learners[0]!.cookie;
    trajectoryId = setup.trajectory.id;
    competenceIds = setup.competenceIds;
  });

  const bank = async () =>
    (await call("GET", `/api/trajectories/${trajectoryId}/questions`, designer)).json<QuestionBank>();

  it("adds the three kinds of question, each tied to a competence", async () => {
    for (const question of [
      scenario(competenceIds[0]!),
      testQuestion(competenceIds[1]!, "competence-proof"),
      {
        competenceId: competenceIds[1]!,
        kind: "open",
        prompt: "How do you close the call?",
        modelAnswer: "Agree one step, a date and who does it.",
      },
    ]) {
      const response = await call("POST", `/api/trajectories/${trajectoryId}/questions`, designer, question);
      expect(response.statusCode, response.body).toBe(201);
    }
    expect((await bank()).questions.map((q) => q.kind)).toEqual(["scenario", "multiple-choice", "open"]);
  });

  it("explains what is missing in a question, in the caller's language", async () => {
    const response = await callInDutch("POST", `/api/trajectories/${trajectoryId}/questions`, designer, {
      competenceId: competenceIds[0],
      kind: "scenario",
      prompt: "What now?",
      options: [{ text: "Only one", correct: true }],
    });
    expect(response.statusCode).toBe(400);
    const messages = response.json<{ errors: { message: string }[] }>().errors.map((e) => e.message);
    expect(messages).toContain("Een meerkeuzevraag heeft minstens twee opties nodig.");
    const unknown = await call("POST", `/api/trajectories/${trajectoryId}/questions`, designer, {
      ...scenario("no-such-competence"),
    });
    expect(unknown.json().errors[0].code).toBe("unknown_competence");
    expect(
      (
        await call(
          "POST",
          `/api/trajectories/${trajectoryId}/questions`,
          learner,
          scenario(competenceIds[0]!),
        )
      ).statusCode,
    ).toBe(403);
  });

  it("exports CSV and JSON that import back as the same questions", async () => {
    const before = (await bank()).questions;
    const csv = await call("GET", `/api/trajectories/${trajectoryId}/questions/export?format=csv`, designer);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("competence;kind;level;uses;situation;question");
    const json = await call(
      "GET",
      `/api/trajectories/${trajectoryId}/questions/export?format=json`,
      designer,
    );
    for (const [format, content] of [
      ["csv", csv.body],
      ["json", json.body],
    ] as const) {
      const imported = await call("POST", `/api/trajectories/${trajectoryId}/questions/import`, designer, {
        format,
        content,
      });
      expect(imported.json(), format).toEqual({ imported: before.length });
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    }
    const after = (await bank()).questions;
    const shape = (q: (typeof before)[number]) => [
      q.kind,
      q.competenceId,
      q.prompt,
      q.options.map((o) => [o.text, o.correct, o.feedback]),
      q.modelAnswer,
    ];
    expect(after.slice(before.length, 2 * before.length).map(shape)).toEqual(before.map(shape));
    expect(after.slice(2 * before.length).map(shape)).toEqual(before.map(shape));
  });

  it("imports nothing from a file with one bad row, and names the row", async () => {
    const count = (await t.database.db.select().from(questions)).length;
    const csv = [
      "competence;kind;question;option_1;option_2;correct",
      "De-escalating an upset customer;multiple-choice;Good row?;Yes;No;1",
      "De-escalating an upset customer;multiple-choice;No right answer?;Yes;No;",
    ].join("\n");
    const response = await callInDutch(
      "POST",
      `/api/trajectories/${trajectoryId}/questions/import`,
      designer,
      { format: "csv", content: csv },
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain("rij 3");
    expect((await t.database.db.select().from(questions)).length).toBe(count);
  });
});
