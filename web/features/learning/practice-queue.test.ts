import { describe, expect, it } from "vitest";
import type { PracticeCardView } from "../../../common/schemas/learning.ts";
import { afterAnswer, daysUntil, recapOf, type SessionItem, startSession } from "./practice-queue.ts";

const card = (id: string): PracticeCardView => ({
  cardId: id,
  cohortId: "cohort",
  due: "2027-03-01T09:00:00Z",
  question: {
    id: `q-${id}`,
    kind: "multiple-choice",
    competence: "Calm",
    situation: null,
    prompt: `Question ${id}`,
    options: [],
    modelAnswer: null,
    aiDrafted: false,
  },
});
const order = (queue: SessionItem[]) => queue.map((item) => `${item.card.cardId}${item.repeat ? "*" : ""}`);

describe("asking a missed question again in the session", () => {
  const session = startSession(["a", "b", "c", "d", "e"].map(card));

  it("asks a miss again after two other questions", () => {
    expect(order(afterAnswer(session, 0, false))).toEqual(["a", "b", "c", "a*", "d", "e"]);
  });

  it("asks a miss near the end again last", () => {
    expect(order(afterAnswer(session, 3, false))).toEqual(["a", "b", "c", "d", "e", "d*"]);
    expect(order(afterAnswer(session, 4, false))).toEqual(["a", "b", "c", "d", "e", "e*"]);
  });

  it("leaves the session alone after a right answer or an answer saved offline, not yet checked", () => {
    expect(afterAnswer(session, 0, true)).toBe(session);
    expect(afterAnswer(session, 0, null)).toBe(session);
  });

  it("gives each miss one more go, not an endless loop", () => {
    const once = afterAnswer(session, 0, false);
    const secondGo = once.findIndex((item) => item.repeat);
    expect(afterAnswer(once, secondGo, false)).toBe(once);
  });

  it("does not queue the same miss twice when the answer is reported twice", () => {
    const once = afterAnswer(session, 1, false);
    expect(order(afterAnswer(once, 1, false))).toEqual(order(once));
  });
});

describe("the recap", () => {
  it("tells right, right on the second go, still missed and not yet checked apart", () => {
    const lines = recapOf([
      { cardId: "a", prompt: "A", repeat: false, correct: false, nextDue: "2027-03-01T09:10:00Z" },
      { cardId: "b", prompt: "B", repeat: false, correct: true, nextDue: "2027-03-03T09:00:00Z" },
      { cardId: "c", prompt: "C", repeat: false, correct: false, nextDue: "2027-03-01T09:11:00Z" },
      { cardId: "d", prompt: "D", repeat: false, correct: null, nextDue: null },
      { cardId: "a", prompt: "A", repeat: true, correct: true, nextDue: "2027-03-02T09:12:00Z" },
      { cardId: "c", prompt: "C", repeat: true, correct: false, nextDue: "2027-03-01T09:22:00Z" },
    ]);
    expect(lines.map((line) => [line.cardId, line.kind, line.nextDue])).toEqual([
      ["a", "rightSecondTime", "2027-03-02T09:12:00Z"],
      ["b", "right", "2027-03-03T09:00:00Z"],
      ["c", "missed", "2027-03-01T09:22:00Z"],
      ["d", "saved", null],
    ]);
  });

  it("counts days as the learner does: later today, tomorrow, in five days", () => {
    const now = new Date(2027, 2, 1, 23, 0);
    expect(daysUntil(new Date(2027, 2, 1, 23, 10).toISOString(), now)).toBe(0);
    expect(daysUntil(new Date(2027, 2, 2, 8, 0).toISOString(), now)).toBe(1);
    expect(daysUntil(new Date(2027, 2, 6, 8, 0).toISOString(), now)).toBe(5);
  });
});
