import { describe, expect, it } from "vitest";
import { renderEmail } from "./email-templates.ts";

describe("renderEmail", () => {
  const invitation = {
    template: "invitation" as const,
    params: {
      name: "Sanne",
      organisation: "Van Dijk",
      inviter: "Carla",
      link: "https://x.nl/invitation#token=abc",
    },
  };

  it("writes the invitation in Dutch and English with the link and who invited", () => {
    const nl = renderEmail("nl", invitation);
    expect(nl.subject).toBe("Carla nodigt je uit voor Beklijf");
    expect(nl.text).toContain("Hallo Sanne");
    expect(nl.text).toContain("https://x.nl/invitation#token=abc");
    const en = renderEmail("en", invitation);
    expect(en.subject).toBe("Carla invites you to Beklijf");
    expect(en.text).toContain("valid for 7 days");
  });

  it("does not HTML-escape plain-text mail", () => {
    const mail = renderEmail("en", {
      template: "password-reset",
      params: { name: "Jan & Piet", link: "https://x.nl/?a=1&b=2" },
    });
    expect(mail.text).toContain("Jan & Piet");
    expect(mail.text).toContain("https://x.nl/?a=1&b=2");
  });
});
