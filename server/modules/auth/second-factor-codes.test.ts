import { describe, expect, it } from "vitest";
import {
  acceptedTotpStep,
  formatRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  totpOf,
} from "./second-factor-codes.ts";

const at = new Date("2026-11-26T10:00:10Z");
const step = Math.floor(at.getTime() / 30_000);

describe("TOTP codes", () => {
  const secret = newTotpSecret();
  const codeAt = (time: Date) => totpOf(secret, "x").generate({ timestamp: time.getTime() });

  it("accepts the code of now and says for which step", () => {
    expect(acceptedTotpStep(secret, codeAt(at), at, null)).toBe(step);
  });

  it("accepts a code from the step before, for a phone clock a little behind", () => {
    expect(acceptedTotpStep(secret, codeAt(new Date(at.getTime() - 30_000)), at, null)).toBe(step - 1);
  });

  it("refuses a code from two minutes ago", () => {
    expect(acceptedTotpStep(secret, codeAt(new Date(at.getTime() - 120_000)), at, null)).toBeNull();
  });

  it("never accepts the same code twice", () => {
    expect(acceptedTotpStep(secret, codeAt(at), at, step)).toBeNull();
  });

  it("refuses a code made with another secret", () => {
    const other = totpOf(newTotpSecret(), "x").generate({ timestamp: at.getTime() });
    expect(acceptedTotpStep(secret, other, at, null)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are 16 characters without look-alikes, printed in groups of four", () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-km-np-z2-9]{16}$/);
    expect(formatRecoveryCode(code)).toMatch(/^(\w{4}-){3}\w{4}$/);
  });

  it("differ every time", () => {
    expect(new Set(Array.from({ length: 50 }, newRecoveryCode)).size).toBe(50);
  });
});
