import { describe, expect, it } from "vitest";
import type { DeviceStore } from "./device-store.ts";
import type { KeptAnswer, KeptApplication, OutboxItem } from "./outbox-items.ts";
import { createOutbox, LEGACY_KEY, type Sender } from "./outbox.ts";

const NOW = new Date("2026-11-26T10:00:00Z");

/** IndexedDB as the outbox uses it: values by key, copied on the way in and out like structured clone. */
function memoryStore(): DeviceStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
  return {
    values,
    get: async <T>(key: string) => copy(values.get(key) as T | undefined),
    update: async <T>(key: string, change: (old: T | undefined) => T) =>
      void values.set(key, copy(change(copy(values.get(key) as T | undefined)))),
    del: async (key) => void values.delete(key),
  };
}

class Offline extends Error {}
class Refused extends Error {}

const answer = (id: string, personId = "anna"): KeptAnswer => ({
  kind: "answer",
  id,
  personId,
  keptAt: NOW.toISOString(),
  body: { cardId: `card-${id}`, answer: "a", answeredAt: NOW.toISOString(), clientId: id },
});

const application = (id: string, personId = "anna"): KeptApplication => ({
  kind: "application",
  id,
  personId,
  planId: "plan-1",
  keptAt: NOW.toISOString(),
  body: { occurredAt: NOW.toISOString(), whatHappened: "", outcome: "partly" },
});

/** A server that counts what it received, answers "right", and fails as `fail` says. */
function server(fail: (item: OutboxItem) => Error | undefined = () => undefined) {
  const received: string[] = [];
  const send: Sender = async (item) => {
    const error = fail(item);
    if (error) throw error;
    received.push(item.id);
    return { correct: true, feedback: "", correctOptionIds: [], nextDue: NOW.toISOString() };
  };
  return { received, send };
}

function outboxWith(send: Sender, store = memoryStore(), legacy?: Storage) {
  return createOutbox({
    store,
    send,
    worthRetrying: (error) => error instanceof Offline,
    legacy: () => legacy,
    now: () => NOW,
  });
}

describe("the device outbox", () => {
  it("keeps writes across a reload (a new outbox on the same store)", async () => {
    const store = memoryStore();
    await outboxWith(server().send, store).keep(answer("a1"));
    const reloaded = outboxWith(server().send, store);
    await reloaded.load();
    expect(reloaded.snapshot().map((i) => i.id)).toEqual(["a1"]);
  });

  it("sends the person's writes in the order they were made, once, and then forgets them", async () => {
    const { received, send } = server();
    const outbox = outboxWith(send);
    await outbox.keep(answer("a1"));
    await outbox.keep(application("p1"));
    await outbox.keep(answer("a2"));
    const deliveries = await outbox.send("anna");
    expect(received).toEqual(["a1", "p1", "a2"]);
    expect(deliveries.map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
    expect(outbox.snapshot()).toEqual([]);
    expect(await outbox.send("anna")).toEqual([]);
    expect(received).toHaveLength(3);
  });

  it("sends one batch at a time: a second call while sending shares the first", async () => {
    const { received, send } = server();
    const outbox = outboxWith(send);
    await outbox.keep(answer("a1"));
    await outbox.keep(answer("a2"));
    const [first, second] = await Promise.all([outbox.send("anna"), outbox.send("anna")]);
    expect(received).toEqual(["a1", "a2"]);
    expect(second).toBe(first);
  });

  it("stops at the first write that must wait and keeps it and the rest for later", async () => {
    let online = false;
    const { received, send } = server((item) => (!online && item.id === "a2" ? new Offline() : undefined));
    const outbox = outboxWith(send);
    for (const id of ["a1", "a2", "a3"]) await outbox.keep(answer(id));
    expect((await outbox.send("anna")).map((d) => d.item.id)).toEqual(["a1"]);
    expect(outbox.snapshot().map((i) => i.id)).toEqual(["a2", "a3"]);
    online = true;
    await outbox.send("anna");
    expect(received).toEqual(["a1", "a2", "a3"]);
  });

  it("drops a write the server refuses for good, and says so", async () => {
    const outbox = outboxWith(server((item) => (item.id === "gone" ? new Refused() : undefined)).send);
    await outbox.keep(answer("gone"));
    await outbox.keep(answer("a1"));
    const deliveries = await outbox.send("anna");
    expect(deliveries.map((d) => [d.item.id, d.status])).toEqual([
      ["gone", "refused"],
      ["a1", "sent"],
    ]);
    expect(outbox.snapshot()).toEqual([]);
  });

  it("sends only the signed-in person's writes, and forgets another person's", async () => {
    const { received, send } = server();
    const outbox = outboxWith(send);
    await outbox.keep(answer("a1", "anna"));
    await outbox.keep(answer("b1", "bram"));
    await outbox.send("bram");
    expect(received).toEqual(["b1"]);
    await outbox.forget((item) => item.personId !== "bram");
    expect(outbox.snapshot()).toEqual([]);
  });

  it("tells listeners of each delivery, so an open practice card can show its feedback", async () => {
    const outbox = outboxWith(server().send);
    const heard: string[] = [];
    const stop = outbox.onDelivered((delivery) => heard.push(`${delivery.item.id}:${delivery.status}`));
    await outbox.keep(answer("a1"));
    await outbox.send("anna");
    stop();
    expect(heard).toEqual(["a1:sent"]);
  });

  it("takes over the answers the earlier localStorage outbox held, once", async () => {
    const legacy = new Map<string, string>([[LEGACY_KEY, JSON.stringify([answer("old").body])]]);
    const storage = {
      getItem: (key: string) => legacy.get(key) ?? null,
      removeItem: (key: string) => void legacy.delete(key),
    } as Storage;
    const { received, send } = server();
    const outbox = outboxWith(send, memoryStore(), storage);
    await outbox.adoptLegacy("anna");
    await outbox.adoptLegacy("anna");
    expect(legacy.has(LEGACY_KEY)).toBe(false);
    await outbox.send("anna");
    expect(received).toEqual(["old"]);
  });
});
