import { describe, expect, it } from "vitest";
import { type Grade, Rating, State } from "ts-fsrs";
import {
  clampRetention,
  isMissed,
  loadCard,
  newCard,
  planPractice,
  ratingFor,
  recallChance,
  recallForecast,
  review,
  storeCard,
} from "./scheduler.ts";

const day = 86_400_000;
const start = new Date("2027-03-01T09:00:00Z");
const days = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / day);

describe("FSRS scheduling adapter", () => {
  it("maps auto-graded answers to Again and Good, and self-ratings only for open questions", () => {
    expect(ratingFor({ correct: false })).toBe(Rating.Again);
    expect(ratingFor({ correct: true })).toBe(Rating.Good);
    expect(ratingFor({ selfRating: "hard" })).toBe(Rating.Hard);
  });

  it("keeps desired retention within 0.7–0.97", () => {
    expect(clampRetention(0.5)).toBe(0.7);
    expect(clampRetention(0.99)).toBe(0.97);
    expect(clampRetention(0.9)).toBe(0.9);
  });

  it("gives growing intervals for a run of right answers and shrinks them after a wrong one", () => {
    let card = newCard(start);
    let now = start;
    const intervals: number[] = [];
    for (const correct of [true, true, true, false, true]) {
      // Practise on the due day, as a learner who keeps up would.
      card = review(card, ratingFor({ correct }), now, 0.9, false).card;
      intervals.push(days(now, card.due));
      now = card.due.getTime() > now.getTime() ? card.due : new Date(now.getTime() + day);
    }
    expect(intervals[1]!).toBeGreaterThan(intervals[0]!);
    expect(intervals[2]!).toBeGreaterThan(intervals[1]!);
    expect(intervals[3]!).toBeLessThan(intervals[2]!);
  });

  it("gives the intervals ts-fsrs computes for a known rating sequence on a fixed clock", () => {
    let card = newCard(start);
    let now = start;
    const intervals: number[] = [];
    for (const grade of [Rating.Good, Rating.Good, Rating.Again, Rating.Good, Rating.Good] as Grade[]) {
      card = review(card, grade, now, 0.9, false).card;
      intervals.push(Math.round(((card.due.getTime() - now.getTime()) / day) * 1440) / 1440);
      now = card.due;
    }
    // FSRS-6 default weights, retention 0.9, no fuzz, one 10-minute (re)learning step: a new card
    // answered right goes straight to FSRS's 2 days, the lapse comes back after 10 minutes, and after
    // that relearning step FSRS's short-term formula gives 2 days. Before decision 0013 (long-term
    // scheduler only) the same answers gave 3, 14, 2, 5, 13 days.
    expect(intervals).toEqual([2, 11, 10 / 1440, 2, 5]);
    expect(card.due.toISOString()).toBe("2027-03-21T09:10:00.000Z");
  });

  it("brings a missed review card back within a day, and sooner than before the miss", () => {
    let card = newCard(start);
    card = review(card, Rating.Good, start, 0.9, false).card;
    card = review(card, Rating.Good, card.due, 0.9, false).card;
    const missedAt = card.due;
    const lapsed = review(card, Rating.Again, missedAt, 0.9, false).card;
    expect(lapsed.due.getTime() - missedAt.getTime()).toBeLessThanOrEqual(day);
    expect(lapsed.lapses).toBe(1);
    expect(isMissed(lapsed)).toBe(true);
  });

  it("brings a new card answered wrong back the same day, still unlearnt", () => {
    const missed = review(newCard(start), Rating.Again, start, 0.9, false).card;
    expect(missed.due.getTime() - start.getTime()).toBe(10 * 60_000);
    expect(isMissed(missed)).toBe(true);
  });

  it("graduates a missed card when the learner answers it right again a few minutes later", () => {
    const learning = review(newCard(start), Rating.Good, start, 0.9, false).card;
    const lapsed = review(learning, Rating.Again, learning.due, 0.9, false).card;
    // The re-ask in the same session comes before the step's ten minutes are up: an early step.
    const reAskedAt = new Date(learning.due.getTime() + 3 * 60_000);
    const graduated = review(lapsed, Rating.Good, reAskedAt, 0.9, false).card;
    expect(isMissed(graduated)).toBe(false);
    expect(graduated.state).toBe(State.Review);
    const days = (graduated.due.getTime() - reAskedAt.getTime()) / day;
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(2);
    // Wrong again: it stays in its step and comes back after ten minutes, without a second lapse.
    const again = review(lapsed, Rating.Again, reAskedAt, 0.9, false).card;
    expect(again.due.getTime() - reAskedAt.getTime()).toBe(10 * 60_000);
    expect(again.lapses).toBe(lapsed.lapses);
  });

  it("keeps working with cards stored before the learning steps existed", () => {
    const stored = storeCard(review(newCard(start), Rating.Good, start, 0.9, false).card);
    delete stored.learning_steps;
    const card = loadCard(stored);
    expect(card.learning_steps).toBe(0);
    const lapsed = review(card, Rating.Again, card.due, 0.9, false).card;
    expect(lapsed.due.getTime() - card.due.getTime()).toBeLessThanOrEqual(day);
  });

  it("schedules a late (offline) answer by the moment it was given", () => {
    const card = newCard(start);
    const answeredAt = new Date(start.getTime() + 2 * day);
    const reviewed = review(card, Rating.Good, answeredAt, 0.9, false).card;
    expect(reviewed.last_review?.toISOString()).toBe(answeredAt.toISOString());
  });

  it("shortens intervals when the trajectory asks for higher retention", () => {
    const learn = (retention: number) => {
      let card = newCard(start);
      let now = start;
      for (let i = 0; i < 4; i++) {
        card = review(card, Rating.Good, now, retention, false).card;
        now = card.due;
      }
      return card.scheduled_days;
    };
    expect(learn(0.97)).toBeLessThan(learn(0.8));
  });

  it("forecasts recall that falls as time passes", () => {
    let card = newCard(start);
    card = review(card, Rating.Good, start, 0.9, false).card;
    card = review(card, Rating.Good, card.due, 0.9, false).card;
    const soon = recallChance(card, new Date(card.last_review!.getTime() + day));
    const later = recallChance(card, new Date(card.last_review!.getTime() + 60 * day));
    expect(soon).toBeGreaterThan(later);
    expect(soon).toBeLessThanOrEqual(1);
  });
});

describe("planPractice", () => {
  const card = (id: string, recall: number, preferred = true) => ({
    id,
    due: new Date("2027-03-01"),
    recall,
    seconds: 60,
    preferred,
  });

  it("takes the most-at-risk cards today within the time budget and spreads the rest over the next days", () => {
    const due = ["a", "b", "c", "d", "e", "f", "g"].map((id, i) => card(id, 0.9 - i * 0.1));
    const plan = planPractice(due, "2027-03-10", { dailySeconds: 180, usedToday: 0 });
    expect(plan.today.map((c) => c.id)).toEqual(["g", "f", "e"]);
    expect(Object.fromEntries(plan.later)).toEqual({
      d: "2027-03-11",
      c: "2027-03-11",
      b: "2027-03-11",
      a: "2027-03-12",
    });
  });

  it("does nothing special when the backlog fits", () => {
    const plan = planPractice([card("a", 0.5)], "2027-03-10", { dailySeconds: 300, usedToday: 0 });
    expect(plan.today).toHaveLength(1);
    expect(plan.later.size).toBe(0);
  });

  it("puts an application question ahead of a fact-recall question at similar risk", () => {
    const plan = planPractice([card("fact", 0.6, false), card("apply", 0.65, true)], "2027-03-10", {
      dailySeconds: 60,
      usedToday: 0,
    });
    expect(plan.today.map((c) => c.id)).toEqual(["apply"]);
  });

  it("always lets one card through, so a long open question cannot block practice", () => {
    const plan = planPractice([{ ...card("long", 0.5), seconds: 400 }], "2027-03-10", {
      dailySeconds: 300,
      usedToday: 0,
    });
    expect(plan.today.map((c) => c.id)).toEqual(["long"]);
  });

  it("offers nothing when today's budget is used up", () => {
    const plan = planPractice([card("a", 0.5)], "2027-03-10", { dailySeconds: 300, usedToday: 300 });
    expect(plan.today).toEqual([]);
    expect(plan.later.get("a")).toBe("2027-03-11");
  });

  it("stores and loads a card without losing its dates", () => {
    const reviewed = review(newCard(start), Rating.Good, start, 0.9, false).card;
    const loaded = loadCard(storeCard(reviewed));
    expect(loaded.due).toEqual(reviewed.due);
    expect(loaded.last_review).toEqual(reviewed.last_review);
    expect(loaded.stability).toBe(reviewed.stability);
  });
});

describe("recallForecast", () => {
  const inAWeek = (from: Date) => new Date(from.getTime() + 7 * day);
  /** A learner's cards in different states: long overdue, freshly learnt, and never answered. */
  function deck() {
    const overdue = review(newCard(start), Rating.Good, start, 0.9, false).card;
    const recent = review(
      review(newCard(start), Rating.Good, start, 0.9, false).card,
      Rating.Good,
      new Date(start.getTime() + 2 * day),
      0.9,
      false,
    ).card;
    return [overdue, recent, newCard(start), newCard(start)];
  }
  const forecastOf = (cards: ReturnType<typeof deck>, at: Date) =>
    recallForecast(
      cards.map((card) => ({ card, retention: 0.9 })),
      at,
    );

  it("knows nothing before any card was answered", () => {
    expect(forecastOf([newCard(start)], inAWeek(start))).toBeNull();
  });

  it("never rises after a session answered all wrong, however overdue the cards were", () => {
    for (const daysLater of [2, 3, 20, 90]) {
      const now = new Date(start.getTime() + daysLater * day);
      const before = deck();
      const after = before.map((card) => review(card, Rating.Again, now, 0.9, false).card);
      const was = forecastOf(before, inAWeek(now))!;
      const is = forecastOf(after, inAWeek(now))!;
      expect(is.share).toBeLessThanOrEqual(was.share);
      expect(is.cards).toBe(4);
    }
  });

  it("never rises after any single wrong answer", () => {
    const now = new Date(start.getTime() + 30 * day);
    const cards = deck();
    const was = forecastOf(cards, inAWeek(now))!.share;
    for (const [index, card] of cards.entries()) {
      const after = cards.with(index, review(card, Rating.Again, now, 0.9, false).card);
      expect(forecastOf(after, inAWeek(now))!.share).toBeLessThanOrEqual(was);
    }
  });

  it("rises again when a missed card is answered right later in the session", () => {
    const now = new Date(start.getTime() + 5 * day);
    const missed = deck().map((card) => review(card, Rating.Again, now, 0.9, false).card);
    const reAsked = new Date(now.getTime() + 3 * 60_000);
    const rightAgain = missed.map((card) => review(card, Rating.Good, reAsked, 0.9, false).card);
    expect(forecastOf(missed, inAWeek(reAsked))!.share).toBe(0);
    expect(forecastOf(rightAgain, inAWeek(reAsked))!.share).toBeGreaterThan(0.5);
  });
});
