import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readLaunch, signLaunch } from "./launch-token.ts";

describe("launch tokens", () => {
  const key = randomBytes(32);
  const now = new Date("2026-11-26T10:00:00Z");
  const payload = { o: randomUUID(), p: randomUUID(), e: now.getTime() / 1000 + 60 };

  it("reads back what was signed, in a short address segment", () => {
    const token = signLaunch(key, payload);
    expect(token.length).toBeLessThanOrEqual(100);
    expect(readLaunch(key, token, now)).toEqual(payload);
  });

  it("reads nothing from an expired, altered or foreign token", () => {
    const token = signLaunch(key, payload);
    expect(readLaunch(key, token, new Date(now.getTime() + 61_000))).toBeNull();
    expect(readLaunch(key, `${token[0] === "A" ? "B" : "A"}${token.slice(1)}`, now)).toBeNull();
    expect(readLaunch(randomBytes(32), token, now)).toBeNull();
    expect(readLaunch(key, "../../etc", now)).toBeNull();
  });
});
