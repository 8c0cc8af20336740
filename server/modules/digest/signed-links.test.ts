import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readLink, signLink, type LinkPayload } from "./signed-links.ts";

describe("signed one-click links", () => {
  const key = randomBytes(32);
  const now = new Date("2027-03-01T08:00:00Z");
  const payload: LinkPayload = {
    o: "org",
    m: "manager",
    p: "learner",
    a: "talked",
    e: now.getTime() / 1000 + 3600,
  };

  it("reads back what it signed", () => {
    expect(readLink(key, signLink(key, payload), now)).toEqual(payload);
  });

  it("refuses a changed payload, another key, an expired link and garbage", () => {
    const token = signLink(key, payload);
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ ...payload, p: "someone-else" })).toString("base64url")}.${signature}`;
    expect(readLink(key, forged, now)).toBeNull();
    expect(readLink(randomBytes(32), token, now)).toBeNull();
    expect(readLink(key, token, new Date(now.getTime() + 2 * 3_600_000))).toBeNull();
    expect(readLink(key, "not-a-token", now)).toBeNull();
    expect(readLink(key, signLink(key, { ...payload, a: "delete" as never }), now)).toBeNull();
  });
});
