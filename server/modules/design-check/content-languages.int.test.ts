import { describe, expect, it } from "vitest";
import { designCheckTexts } from "../../../common/content/design-check.ts";
import { evidenceTexts } from "../../../common/content/evidence.ts";
import { planCheckerTexts } from "../../../common/content/plan-checker.ts";
import { templateTexts } from "../../../common/content/templates.ts";
import { supportedLocales } from "../../../common/locales.ts";
import { TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";

/**
 * The public content routes answer from common/content in whichever language the caller asks for, for
 * every language the app offers (French joins with decision 0032 and is then covered here too).
 */
describe("content in the caller's language (decision 0033)", () => {
  const t = useTestApp();
  const call = (method: "GET" | "POST", url: string, language: string, payload?: object) =>
    t.app.inject({ method, url, headers: { origin: TEST_ORIGIN, "accept-language": language }, payload });

  it.each(supportedLocales)(
    "GET /api/trajectory-templates and POST /api/design-check in %s",
    async (locale) => {
      const response = await call("GET", "/api/trajectory-templates", locale);
      expect(response.statusCode).toBe(200);
      const [first] = response.json() as { key: string; title: string; document: { activities: object[] } }[];
      const words = templateTexts(locale).templates[first!.key]!;
      expect(first!.title).toBe(words.title);

      const planless = {
        ...first!.document,
        activities: first!.document.activities.filter((a) => (a as { type: string }).type !== "action-plan"),
      };
      const check = await call("POST", "/api/design-check", locale, planless);
      expect(check.statusCode).toBe(200);
      const finding = (
        check.json() as { findings: { rule: string; message: string; advice: string }[] }
      ).findings.find((f) => f.rule === "triggered-action-plan");
      expect(finding).toMatchObject({
        message: designCheckTexts(locale)["triggered-action-plan"]!.messages.default,
        advice: designCheckTexts(locale)["triggered-action-plan"]!.advice,
      });
    },
  );

  it.each(supportedLocales)("GET /api/evidence in %s, never an unverified figure", async (locale) => {
    const response = await call("GET", "/api/evidence", locale);
    expect(response.statusCode).toBe(200);
    const entries = response.json() as {
      id: string;
      claim: string;
      figure: string | null;
      verification: string;
    }[];
    for (const entry of entries) {
      expect(entry.claim, entry.id).toBe(evidenceTexts(locale).entries[entry.id]!.claim);
      if (entry.verification === "NV") expect(entry.figure, entry.id).toBeNull();
    }
  });

  it.each(supportedLocales)("POST /api/action-plans/check coaches in %s", async (locale) => {
    const response = await call("POST", "/api/action-plans/check", locale, {
      situation: "",
      action: "je ne coupe pas la parole au client",
    });
    expect(response.statusCode).toBe(200);
    const { problems } = planCheckerTexts(locale);
    expect(response.json()).toEqual({
      findings: [
        { code: "missing_situation", severity: "high", ...problems.missing_situation },
        { code: "negative_action", severity: "medium", ...problems.negative_action },
      ],
    });
  });
});
