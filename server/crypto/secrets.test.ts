import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretUnreadable, sealerWithKey } from "./secrets.ts";

describe("sealed secrets", () => {
  const sealer = sealerWithKey(randomBytes(32));

  it("opens what it sealed, for the same place", () => {
    const sealed = sealer.seal("client-secret-ü", "sso-client-secret:org-a");
    expect(sealed).not.toContain("client-secret");
    expect(sealer.open(sealed, "sso-client-secret:org-a")).toBe("client-secret-ü");
  });

  it("seals the same secret differently each time", () => {
    expect(sealer.seal("same", "x")).not.toBe(sealer.seal("same", "x"));
  });

  it("refuses a value copied to another place", () => {
    const sealed = sealer.seal("secret", "sso-client-secret:org-a");
    expect(() => sealer.open(sealed, "sso-client-secret:org-b")).toThrow(SecretUnreadable);
  });

  it("refuses a tampered value", () => {
    const parts = sealer.seal("secret", "x").split(".");
    parts[3] = Buffer.from("other!").toString("base64url");
    expect(() => sealer.open(parts.join("."), "x")).toThrow(SecretUnreadable);
  });

  it("says so when another key sealed the value", () => {
    const other = sealerWithKey(randomBytes(32)).seal("secret", "x");
    expect(() => sealer.open(other, "x")).toThrow(/another key/);
    expect(() => sealer.open("plain text", "x")).toThrow(/not a sealed value/);
  });

  it("takes only a 32-byte key", () => {
    expect(() => sealerWithKey(randomBytes(16))).toThrow(RangeError);
  });
});
