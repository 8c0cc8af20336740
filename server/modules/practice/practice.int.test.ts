import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  PracticeAnswerResult,
  PracticeResponse,
  TodayResponse,
} from "../../../common/schemas/learning.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { type CohortFixture, organisationWithCohort, scenario } from "../../../test-support/learning.ts";
import { answers, learnerPreferences, practiceCards, xapiStatements } from "../../db/schema/index.ts";

/**
 * Each test builds its own organisation, learner and cohort whose practice day has just passed, so any
 * one of them runs alone. The app (and its database) is shared because it is the slow part; the clock
 * only moves forward, and each fixture places its practice day relative to it.
 */
describe("spaced practice over HTTP", () => {
  const t = useTestApp();
  const call = caller(t);

  /** A learner three days after the practice day, with eight scenario questions waiting for them. */
  async function learnerAfterPracticeDay() {
    const setup = await organisationWithCohort(t, {
      learners: [{ locale: "en" }],
      // Eight scenario questions of 60 s each: more than one five-minute session holds.
      questions: ([first, second]) => [
        ...Array.from({ length: 4 }, (_, i) => scenario(first!, i + 1)),
        ...Array.from({ length: 4 }, (_, i) => scenario(second!, i + 5)),
      ],
    });
    const [learner] = setup.learners;
    const fixture = {
      setup,
      learnerId: learner!.id,
      learner: learner!.cookie,
      designer: setup.designer.cookie,
      /** Moves the clock; sessions expire like real ones, so sign in again as a returning learner would. */
      travel: async (days: number) => {
        t.clock.now = new Date(t.clock.now.getTime() + days * 86_400_000);
        fixture.learner = await t.signIn(learner!.email);
        fixture.designer = await t.signIn(setup.designer.email);
      },
      practice: async () => (await call("GET", "/api/me/practice", fixture.learner)).json<PracticeResponse>(),
      /** Answers a card right (or wrong) now; returns the answer's result. */
      answer: async (card: Card, clientId: string, right = true) =>
        call("POST", "/api/practice-answers", fixture.learner, {
          cardId: card.cardId,
          answer: right ? rightOption(card) : wrongOption(card),
          answeredAt: t.clock.now.toISOString(),
          clientId,
        }),
    };
    return fixture;
  }

  type Card = PracticeResponse["cards"][number];
  const rightOption = (card: Card) => card.question.options.find((o) => o.text.startsWith("Acknowledge"))!.id;
  const wrongOption = (card: Card) => card.question.options.find((o) => o.text.startsWith("Explain"))!.id;

  it("gives cards after the practice day within the five-minute cap, the rest spread over coming days", async () => {
    const { practice, learner } = await learnerAfterPracticeDay();
    const plan = await practice();
    expect(plan.cards).toHaveLength(5);
    expect(plan.sessionMinutes).toBe(5);
    expect(plan.backlog).toBe(3);
    expect(plan.cards[0]!.question).toMatchObject({ kind: "scenario", prompt: "What do you do first?" });
    expect(plan.cards[0]!.question.options[0]).not.toHaveProperty("correct");
    const today = (await call("GET", "/api/me/today", learner)).json<TodayResponse>();
    expect(today.items.find((item) => item.kind === "practice")).toMatchObject({
      durationMinutes: 5,
      href: "/practice",
    });
  });

  it("grades an answer, explains it and moves the card's due date; a double tap counts once", async () => {
    const { practice, learner, learnerId } = await learnerAfterPracticeDay();
    const [card] = (await practice()).cards;
    const body = {
      cardId: card!.cardId,
      answer: rightOption(card!),
      answeredAt: t.clock.now.toISOString(),
      clientId: "tap-0000001",
    };
    const first = await call("POST", "/api/practice-answers", learner, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ correct: true, feedback: "Naming the feeling calms first." });
    expect(new Date(first.json<{ nextDue: string }>().nextDue).getTime()).toBeGreaterThan(
      t.clock.now.getTime(),
    );
    const second = await call("POST", "/api/practice-answers", learner, body);
    expect(second.json()).toEqual(first.json());
    const rows = await t.database.db.select().from(answers).where(eq(answers.personId, learnerId));
    expect(rows).toHaveLength(1);
    const [stored] = await t.database.db
      .select()
      .from(practiceCards)
      .where(eq(practiceCards.id, card!.cardId));
    expect(stored!.due.toISOString()).toBe(first.json<{ nextDue: string }>().nextDue);
    const statements = await t.database.db
      .select()
      .from(xapiStatements)
      .where(eq(xapiStatements.personId, learnerId));
    expect(statements.map((s) => s.verb)).toContain("http://adlnet.gov/expapi/verbs/answered");
    expect(JSON.stringify(statements[0]!.statement)).not.toContain("@");
  });

  it("brings a wrong answer back within a day, and a re-ask with its own client id counts once", async () => {
    const { practice, answer, learnerId } = await learnerAfterPracticeDay();
    const [card] = (await practice()).cards;
    const missed = await answer(card!, "miss-again-01", false);
    expect(missed.json<PracticeAnswerResult>().correct).toBe(false);
    const nextDue = new Date(missed.json<PracticeAnswerResult>().nextDue).getTime();
    expect(nextDue).toBeGreaterThan(t.clock.now.getTime());
    expect(nextDue).toBeLessThanOrEqual(t.clock.now.getTime() + 86_400_000);
    // The session asks it again a few questions later: a new answer, with its own client id.
    t.clock.now = new Date(t.clock.now.getTime() + 3 * 60_000);
    const reAsked = await answer(card!, "miss-again-02");
    expect(reAsked.json<PracticeAnswerResult>().correct).toBe(true);
    // Sent again (a retry after a lost connection), each counts once and gets its first result back.
    expect((await answer(card!, "miss-again-01", false)).json()).toEqual(missed.json());
    expect((await answer(card!, "miss-again-02")).json()).toEqual(reAsked.json());
    const rows = await t.database.db.select().from(answers).where(eq(answers.personId, learnerId));
    expect(rows.map((row) => row.correct)).toEqual([false, true]);
    const [stored] = await t.database.db
      .select()
      .from(practiceCards)
      .where(eq(practiceCards.id, card!.cardId));
    expect(stored!.due.toISOString()).toBe(reAsked.json<PracticeAnswerResult>().nextDue);
    expect(stored!.due.getTime()).toBeGreaterThanOrEqual(t.clock.now.getTime() + 86_400_000);
  });

  it("offers a missed card again the next day at the latest, when the session did not ask it again", async () => {
    const { practice, answer, travel } = await learnerAfterPracticeDay();
    const plan = await practice();
    for (const [index, card] of plan.cards.entries()) await answer(card, `step-0000${index}`, index > 0);
    // Today's five minutes are used up, so it waits for tomorrow's session rather than lengthen today's.
    const after = await practice();
    expect(after.cards).toEqual([]);
    expect(new Date(after.nextDue!).getTime()).toBeLessThanOrEqual(t.clock.now.getTime() + 86_400_000);
    await travel(1);
    expect((await practice()).cards.map((c) => c.cardId)).toContain(plan.cards[0]!.cardId);
  });

  it("lowers the week's forecast after a session answered all wrong", async () => {
    const { practice, answer, travel } = await learnerAfterPracticeDay();
    for (const [index, card] of (await practice()).cards.entries()) await answer(card, `fc-right-${index}`);
    await travel(30);
    const before = await practice();
    expect(before.forecastNextWeek).not.toBeNull();
    for (const [index, card] of before.cards.entries()) await answer(card, `fc-wrong-${index}`, false);
    const after = await practice();
    expect(after.forecastNextWeek!).toBeLessThanOrEqual(before.forecastNextWeek!);
    expect(after.forecastCards).toBeGreaterThanOrEqual(before.forecastCards);
  });

  it("schedules an answer given offline by the moment it was given, not when it arrived", async () => {
    const { practice, learner, learnerId } = await learnerAfterPracticeDay();
    const [card] = (await practice()).cards;
    const answeredAt = new Date(t.clock.now.getTime() - 2 * 86_400_000);
    const response = await call("POST", "/api/practice-answers", learner, {
      cardId: card!.cardId,
      answer: { optionId: rightOption(card!) },
      answeredAt: answeredAt.toISOString(),
      clientId: "offline-0001",
    });
    const [row] = await t.database.db.select().from(answers).where(eq(answers.personId, learnerId));
    expect(row!.answeredAt.toISOString()).toBe(answeredAt.toISOString());
    expect(row!.receivedAt.toISOString()).toBe(t.clock.now.toISOString());
    const [stored] = await t.database.db
      .select()
      .from(practiceCards)
      .where(eq(practiceCards.id, card!.cardId));
    expect((stored!.fsrs as { last_review: string }).last_review).toBe(answeredAt.toISOString());
    expect(response.json<{ nextDue: string }>().nextDue).toBe(stored!.due.toISOString());
  });

  it("refuses a bad answer with a clear message and changes nothing", async () => {
    const { practice, learner, learnerId } = await learnerAfterPracticeDay();
    const [card] = (await practice()).cards;
    const wrongOptionId = await call(
      "POST",
      "/api/practice-answers",
      learner,
      {
        cardId: card!.cardId,
        answer: "no-such-option",
        answeredAt: t.clock.now.toISOString(),
        clientId: "bad-000001",
      },
      "nl",
    );
    expect(wrongOptionId.statusCode).toBe(400);
    expect(wrongOptionId.json().errors[0].message).toBe("Antwoord: die optie hoort niet bij deze vraag.");
    const future = await call("POST", "/api/practice-answers", learner, {
      cardId: card!.cardId,
      answer: rightOption(card!),
      answeredAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString(),
      clientId: "bad-000002",
    });
    expect(future.json().errors[0].code).toBe("answered_in_future");
    const missing = await call("POST", "/api/practice-answers", learner, { cardId: card!.cardId });
    expect(missing.statusCode).toBe(400);
    expect(await t.database.db.select().from(answers).where(eq(answers.personId, learnerId))).toEqual([]);
  });

  it("opens extra material and more practice after repeated misses of one competence", async () => {
    const { practice, answer, learner, designer, setup } = await learnerAfterPracticeDay();
    const plan = await practice();
    // Five cards in today's session and two competences, so one has at least three.
    const byCompetence = Map.groupBy(plan.cards, (c) => c.question.competence);
    const [struggling] = [...byCompetence.values()].sort((a, b) => b.length - a.length);
    const missed = [];
    for (const [index, card] of struggling!.slice(0, 2).entries())
      missed.push((await answer(card, `miss-00000${index}`, false)).json<PracticeAnswerResult>());
    expect(missed.map((m) => m.correct)).toEqual([false, false]);
    expect(missed[1]!.extraMaterialOpened).toBe(true);
    const today = (await call("GET", "/api/me/today", learner)).json<TodayResponse>();
    const extra = today.items.find((item) => item.kind === "extra-material");
    expect(extra).toBeDefined();
    const material = await call(
      "GET",
      `/api/me/extra-material/${extra!.cohortId}/${extra!.competenceId}`,
      learner,
    );
    expect(material.json()).toMatchObject({ content: expect.stringContaining("Calm first"), done: false });
    const bank = (await call("GET", `/api/trajectories/${setup.trajectory.id}/questions`, designer)).json<{
      trouble: { missRate: number | null; learnersInRemediation: number }[];
    }>();
    expect(bank.trouble.some((c) => c.learnersInRemediation === 1 && (c.missRate ?? 0) > 0)).toBe(true);
  });

  it("holds the daily cap: after today's session there is nothing more until tomorrow", async () => {
    const { practice, answer } = await learnerAfterPracticeDay();
    let plan = await practice();
    for (const [index, card] of plan.cards.entries()) await answer(card, `cap-0000${index}`);
    plan = await practice();
    expect(plan.cards).toHaveLength(0);
    expect(plan.nextDue).not.toBeNull();
    expect(new Date(plan.nextDue!).getTime()).toBeGreaterThan(t.clock.now.getTime());
    expect(plan.forecastNextWeek).toBeGreaterThan(0);
    expect(plan.forecastNextWeek).toBeLessThanOrEqual(1);
  });

  it("takes a deleted question out of practice and keeps the answers given to it", async () => {
    const fixture = await learnerAfterPracticeDay();
    const [card] = (await fixture.practice()).cards;
    await fixture.answer(card!, "gone-000001");
    const questionId = card!.question.id;
    const removed = await call(
      "DELETE",
      `/api/trajectories/${fixture.setup.trajectory.id}/questions/${questionId}`,
      fixture.designer,
    );
    expect(removed.statusCode).toBe(204);
    await fixture.travel(60);
    const plan = await fixture.practice();
    expect(plan.cards.length).toBeGreaterThan(0);
    expect(plan.cards.map((c) => c.question.id)).not.toContain(questionId);
    expect(await t.database.db.select().from(answers).where(eq(answers.questionId, questionId))).toHaveLength(
      1,
    );
  });

  it("pauses practice for a holiday without losing anything, and picks it up afterwards", async () => {
    const fixture = await learnerAfterPracticeDay();
    const until = new Date(t.clock.now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const paused = await call("PATCH", "/api/me/learning-preferences", fixture.learner, {
      pausedUntil: until,
    });
    expect(paused.json()).toMatchObject({ pausedUntil: until });
    const during = await fixture.practice();
    expect(during).toMatchObject({ cards: [], pausedUntil: until });
    expect(during.backlog).toBeGreaterThan(0);
    await fixture.travel(8);
    const after = await fixture.practice();
    expect(after.cards.length).toBeGreaterThan(0);
    expect(after.sessionMinutes).toBeLessThanOrEqual(5);
  });

  it("puts practice in the learner's own export, and erasure keeps only anonymous answers", async () => {
    const { practice, answer, learner, designer, learnerId } = await learnerAfterPracticeDay();
    const [card] = (await practice()).cards;
    await answer(card!, "export-00001");
    await call("GET", "/api/me/calendar-feed", learner);
    const exported = (await call("GET", "/api/me/export", learner)).json<{
      learning: { answers: unknown[]; xapiStatements: unknown[]; preferences: Record<string, unknown>[] };
    }>();
    expect(exported.learning.answers.length).toBeGreaterThan(0);
    expect(exported.learning.xapiStatements.length).toBeGreaterThan(0);
    expect(exported.learning.preferences[0]).toMatchObject({ calendarFeed: true });
    expect(JSON.stringify(exported.learning.preferences)).not.toMatch(/calendarToken/);
    const erased = await call("DELETE", `/api/people/${learnerId}`, designer);
    expect(erased.statusCode).toBe(204);
    const left = await t.database.db.select().from(answers).where(eq(answers.personId, learnerId));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((row) => row.text === null)).toBe(true);
    expect(
      await t.database.db.select().from(learnerPreferences).where(eq(learnerPreferences.personId, learnerId)),
    ).toEqual([]);
  });
});

describe("practice questions linked to an if-then plan", () => {
  const t = useTestApp();
  const call = caller(t);
  let learner: string;
  let learnerEmail: string;
  let setup: CohortFixture;

  beforeAll(async () => {
    setup = await organisationWithCohort(t, {
      questions: ([first]) => [scenario(first!, 1), scenario(first!, 2)],
    });
    ({ cookie: learner, email: learnerEmail } = setup.learners[0]!);
  });

  it("brings a linked question up for practice just before the plan's moment", async () => {
    const first = (await call("GET", "/api/me/practice", learner)).json<PracticeResponse>();
    for (const [index, card] of first.cards.entries()) {
      await call("POST", "/api/practice-answers", learner, {
        cardId: card.cardId,
        answer: card.question.options.find((o) => o.text.startsWith("Acknowledge"))!.id,
        answeredAt: t.clock.now.toISOString(),
        clientId: `link-000${index}`,
      });
    }
    t.clock.now = new Date(t.clock.now.getTime() + 86_400_000);
    learner = await t.signIn(learnerEmail);
    expect((await call("GET", "/api/me/practice", learner)).json<PracticeResponse>().cards).toEqual([]);
    const linked = setup.questionIds[1]!;
    const plan = await call("POST", "/api/action-plans", learner, {
      situation: "When a customer calls for the third time about a repair",
      action: "I first name the frustration, then agree a date",
      firstMoment: new Date(t.clock.now.getTime() + 86_400_000).toISOString(),
      cohortId: setup.cohortId,
      questionIds: [linked],
    });
    expect(plan.statusCode).toBe(201);
    expect(plan.json()).toMatchObject({ questionIds: [linked] });
    const after = (await call("GET", "/api/me/practice", learner)).json<PracticeResponse>();
    expect(after.cards.map((c) => c.question.id)).toEqual([linked]);
  });

  it("refuses a question that is not one of the cohort's practice questions", async () => {
    const refused = await call("POST", "/api/action-plans", learner, {
      situation: "When a customer calls for the fourth time about a repair",
      action: "I first name the frustration",
      firstMoment: t.clock.now.toISOString(),
      cohortId: setup.cohortId,
      questionIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].code).toBe("unknown_question");
  });
});
