import { describe, expect, it } from "vitest";
import { AccountThrottle, LoginThrottle } from "./login-throttle.ts";

describe("LoginThrottle", () => {
  const minute = 60_000;

  it("blocks after the tenth failure within the window and tells how long to wait", () => {
    const throttle = new LoginThrottle({ maxFailures: 10, windowMs: 15 * minute });
    for (let i = 0; i < 9; i++) throttle.recordFailure("ip|a@x", i * 1000);
    expect(throttle.retryAfterSeconds("ip|a@x", 9_000)).toBe(0);
    throttle.recordFailure("ip|a@x", 9_000);
    expect(throttle.retryAfterSeconds("ip|a@x", 10_000)).toBe(15 * 60 - 10);
  });

  it("forgets failures older than the window", () => {
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: minute });
    throttle.recordFailure("k", 0);
    throttle.recordFailure("k", 1);
    expect(throttle.retryAfterSeconds("k", 2)).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds("k", minute + 2)).toBe(0);
  });

  it("never slows down successful sign-ins, and a success clears earlier failures", () => {
    const throttle = new LoginThrottle({ maxFailures: 2 });
    throttle.recordFailure("k", 0);
    throttle.recordSuccess("k");
    throttle.recordFailure("k", 1);
    expect(throttle.retryAfterSeconds("k", 2)).toBe(0);
  });

  it("keeps keys apart, so guessing from one address does not lock the owner out elsewhere", () => {
    const throttle = new LoginThrottle({ maxFailures: 1 });
    throttle.recordFailure("attacker|a@x", 0);
    expect(throttle.retryAfterSeconds("attacker|a@x", 1)).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds("office|a@x", 1)).toBe(0);
  });

  it("bounds its memory", () => {
    const throttle = new LoginThrottle({ maxFailures: 1, maxKeys: 3 });
    for (const key of ["a", "b", "c", "d"]) throttle.recordFailure(key, 0);
    expect(throttle.retryAfterSeconds("a", 1)).toBe(0);
    expect(throttle.retryAfterSeconds("d", 1)).toBeGreaterThan(0);
  });
});

describe("AccountThrottle", () => {
  it("lets the first failures through, then doubles the wait with every further failure, up to a cap", () => {
    const throttle = new AccountThrottle({ freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 8_000 });
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds("a@x", 0)).toBe(0);
      throttle.recordFailure("a@x", 0);
    }
    expect(throttle.retryAfterSeconds("a@x", 0)).toBe(1);
    throttle.recordFailure("a@x", 1_000);
    expect(throttle.retryAfterSeconds("a@x", 1_000)).toBe(2);
    throttle.recordFailure("a@x", 3_000);
    throttle.recordFailure("a@x", 7_000);
    throttle.recordFailure("a@x", 15_000);
    expect(throttle.retryAfterSeconds("a@x", 15_000)).toBe(8);
    expect(throttle.retryAfterSeconds("a@x", 23_000)).toBe(0);
  });

  it("clears on a success and forgets a day after the last failure", () => {
    const throttle = new AccountThrottle({ freeFailures: 1 });
    throttle.recordFailure("a@x", 0);
    expect(throttle.retryAfterSeconds("a@x", 0)).toBeGreaterThan(0);
    throttle.recordSuccess("a@x");
    expect(throttle.retryAfterSeconds("a@x", 0)).toBe(0);
    throttle.recordFailure("b@x", 0);
    throttle.recordFailure("b@x", 0);
    expect(throttle.retryAfterSeconds("b@x", 24 * 3_600_000 + 1)).toBe(0);
  });
});
