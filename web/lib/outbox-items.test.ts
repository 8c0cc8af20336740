import { describe, expect, it } from "vitest";
import type { PracticeAnswerBody } from "../../common/schemas/learning.ts";
import {
  fromLegacy,
  itemsOf,
  summarise,
  waitingCounts,
  withItem,
  withoutItem,
  type KeptAnswer,
  type KeptApplication,
} from "./outbox-items.ts";

const NOW = new Date("2026-11-26T10:00:00Z");

const answerBody = (clientId: string): PracticeAnswerBody => ({
  cardId: "00000000-0000-4000-8000-000000000001",
  answer: "option-a",
  answeredAt: NOW.toISOString(),
  clientId,
});

const answer = (id: string, personId = "anna"): KeptAnswer => ({
  kind: "answer",
  id,
  personId,
  keptAt: NOW.toISOString(),
  body: answerBody(id),
});

const application = (id: string, personId = "anna"): KeptApplication => ({
  kind: "application",
  id,
  personId,
  planId: "plan-1",
  keptAt: NOW.toISOString(),
  body: { occurredAt: NOW.toISOString(), whatHappened: "Called back", outcome: "went-well" },
});

describe("the outbox list", () => {
  it("keeps the same answer once, however often it is kept", () => {
    const items = withItem(withItem([answer("a1")], answer("a1")), answer("a2"));
    expect(items.map((i) => i.id)).toEqual(["a1", "a2"]);
  });

  it("removes a sent write by its id and leaves the rest", () => {
    expect(withoutItem([answer("a1"), answer("a2")], "a1").map((i) => i.id)).toEqual(["a2"]);
  });

  it("shows each person only their own writes, and nobody's when nobody is signed in", () => {
    const items = [answer("a1", "anna"), answer("b1", "bram"), application("b2", "bram")];
    expect(itemsOf(items, "bram").map((i) => i.id)).toEqual(["b1", "b2"]);
    expect(itemsOf(items, null)).toEqual([]);
  });

  it("counts answers and application logs apart", () => {
    expect(waitingCounts([answer("a1"), application("p1"), answer("a2")])).toEqual({
      answers: 2,
      applications: 1,
    });
  });
});

describe("taking over the earlier localStorage outbox", () => {
  it("makes the stored answers the signed-in person's, with their own client ids", () => {
    const kept = fromLegacy(JSON.stringify([answerBody("c1"), answerBody("c2")]), "anna", NOW);
    expect(kept).toEqual([
      { kind: "answer", id: "c1", personId: "anna", keptAt: NOW.toISOString(), body: answerBody("c1") },
      { kind: "answer", id: "c2", personId: "anna", keptAt: NOW.toISOString(), body: answerBody("c2") },
    ]);
  });

  it("drops what cannot be read, as it could never be sent", () => {
    expect(fromLegacy("not json", "anna", NOW)).toEqual([]);
    expect(fromLegacy('{"clientId":"x"}', "anna", NOW)).toEqual([]);
    expect(fromLegacy(JSON.stringify([null, 3, { cardId: "no client id" }]), "anna", NOW)).toEqual([]);
    expect(fromLegacy(null, "anna", NOW)).toEqual([]);
  });
});

describe("the note after sending", () => {
  it("says how many answers went and how many were right, and how many logs went", () => {
    const result = (correct: boolean) => ({
      correct,
      feedback: "",
      correctOptionIds: [],
      nextDue: NOW.toISOString(),
      extraMaterialOpened: false,
    });
    expect(
      summarise([
        { item: answer("a1"), status: "sent", result: result(true) },
        { item: answer("a2"), status: "sent", result: result(false) },
        { item: answer("a3"), status: "sent", result: result(true) },
        { item: application("p1"), status: "sent", result: {} },
        { item: answer("a4"), status: "refused" },
      ]),
    ).toEqual({ answers: 3, right: 2, applications: 1, refused: 1 });
  });
});
