import { describe, expect, it } from "vitest";
import { presentOutboxMessage } from "./notifications.presenter.ts";

describe("presentOutboxMessage", () => {
  const message = {
    id: "m1",
    toAddress: "wim@example.test",
    subject: "Je inloglink voor Beklijf",
    textBody: "Hallo Wim,\n\nhttps://x.nl/sign-in/link#token=abcdefghijklmnop\n\nCode:\n123 456\n",
    status: "held" as const,
    createdAt: new Date("2026-11-26T10:00:00Z"),
  };
  const hidden = (readerEmail: string) => ({ readerEmail, signInSecret: "[hidden]" });

  it("hides a sign-in link and code from anyone but the recipient", () => {
    const text = presentOutboxMessage(message, "[scan]", hidden("coord@example.test")).text;
    expect(text).not.toContain("abcdefghijklmnop");
    expect(text).not.toContain("123 456");
    expect(text.match(/\[hidden\]/g)).toHaveLength(2);
  });

  it("shows them to the recipient reading their own mail", () => {
    const text = presentOutboxMessage(message, "[scan]", hidden("wim@example.test")).text;
    expect(text).toContain("#token=abcdefghijklmnop");
    expect(text).toContain("123 456");
  });
});
