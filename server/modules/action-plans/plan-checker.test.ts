import { describe, expect, it } from "vitest";
import type { Locale } from "../../../common/locales.ts";
import { checkPlan, findPlanProblems } from "./plan-checker.ts";

/** French joins `Locale` with decision 0032; the coach's French is already in its content file. */
const french = "fr" as Locale;

describe("if-then plan checker", () => {
  it("passes a concrete plan in English and in Dutch", () => {
    expect(
      findPlanProblems({
        situation: "When a customer calls for the second time about a late repair",
        action: "I will first say that I understand the frustration, then ask what matters most now",
      }),
    ).toEqual([]);
    expect(
      findPlanProblems({
        situation: "Als een klant voor de tweede keer belt over een late reparatie",
        action: "Dan zeg ik eerst dat ik de frustratie begrijp en vraag ik wat nu het belangrijkst is",
      }),
    ).toEqual([]);
  });

  it("flags a plan without a situation", () => {
    expect(
      findPlanProblems({ situation: "When", action: "I will call the customer back the same day" }),
    ).toEqual(["missing_situation"]);
    expect(findPlanProblems({ situation: "", action: "Ik bel de klant dezelfde dag terug" })).toEqual([
      "missing_situation",
    ]);
  });

  it("flags vague actions in both languages", () => {
    expect(
      findPlanProblems({
        situation: "When a customer is angry on the phone",
        action: "I will be better at listening",
      }),
    ).toEqual(["vague_action"]);
    expect(
      findPlanProblems({
        situation: "Als een klant boos belt over de planning",
        action: "Dan probeer ik beter te luisteren",
      }),
    ).toEqual(["vague_action"]);
  });

  it("flags a situation that never comes at a recognisable moment", () => {
    expect(
      findPlanProblems({ situation: "Altijd als het zo uitkomt", action: "Vat ik samen wat de klant zei" }),
    ).toEqual(["vague_situation"]);
  });

  it("flags a negative action and suggests the behaviour to do instead", () => {
    const [finding] = checkPlan(
      { situation: "When a customer starts shouting at the counter", action: "I will not interrupt them" },
      "en",
    );
    expect(finding).toMatchObject({ code: "negative_action", severity: "medium" });
    expect(finding!.suggestion).toContain("let the customer finish");
  });

  it("answers in the caller's language", () => {
    const [finding] = checkPlan({ situation: "", action: "" }, "nl");
    expect(finding!.message).toBe(
      'Het plan heeft geen situatie: zonder "als" is er niets dat het plan in gang zet.',
    );
  });

  it("flags an action too long to remember in the moment", () => {
    const action = Array.from({ length: 35 }, (_, i) => `step${i}`).join(" ");
    expect(findPlanProblems({ situation: "When the weekly planning meeting starts", action })).toEqual([
      "long_action",
    ]);
  });

  describe("in French", () => {
    it('passes a concrete plan, written as "Quand…, je…" or "Si…, alors je…"', () => {
      expect(
        findPlanProblems({
          situation: "Quand un client appelle pour la deuxième fois au sujet d'une réparation en retard",
          action:
            "je dis d'abord que je comprends sa frustration, puis je demande ce qui compte le plus pour lui",
        }),
      ).toEqual([]);
      expect(
        findPlanProblems({
          situation: "Si le planning du lundi arrive après huit heures",
          action: "alors je vais appeler le chef d'équipe avant de partir sur chantier",
        }),
      ).toEqual([]);
      expect(
        findPlanProblems({
          situation: "Lorsqu'un collègue monte sur l'échelle sans harnais",
          action: "Je lui demande de redescendre et je lui tends le harnais",
        }),
      ).toEqual([]);
    });

    it("does not count the lead-in as the situation or the action", () => {
      expect(findPlanProblems({ situation: "Quand", action: "je rappelle le client le jour même" })).toEqual([
        "missing_situation",
      ]);
      expect(findPlanProblems({ situation: "Si un client se fâche au comptoir", action: "alors" })).toEqual([
        "missing_action",
      ]);
    });

    it("flags vague verbs: intentions rather than something others see you do", () => {
      for (const action of [
        "j'essaie de mieux écouter",
        "je vais faire plus attention au client",
        "je veille à être plus patient",
        "je pose davantage de questions",
      ]) {
        expect(
          findPlanProblems({ situation: "Quand un client se fâche au téléphone", action }),
          action,
        ).toEqual(["vague_action"]);
      }
    });

    it("flags negations, with or without the elided ne", () => {
      for (const action of [
        "je ne coupe pas la parole au client",
        "je n'interromps jamais le client",
        "j'évite de me justifier tout de suite",
      ]) {
        expect(
          findPlanProblems({ situation: "Quand un client commence à crier au comptoir", action }),
          action,
        ).toEqual(["negative_action"]);
      }
    });

    it("flags a situation that never comes at a recognisable moment", () => {
      expect(
        findPlanProblems({
          situation: "Parfois, quand c'est possible",
          action: "je résume ce que le client a dit",
        }),
      ).toEqual(["vague_situation"]);
    });

    it("coaches in French, with a French example of what to do instead", () => {
      const [negative] = checkPlan(
        {
          situation: "Quand un client commence à crier au comptoir",
          action: "je ne lui coupe pas la parole",
        },
        french,
      );
      expect(negative).toMatchObject({ code: "negative_action", severity: "medium" });
      expect(negative!.message).toMatch(/^L'action dit ce que vous ne ferez pas/);
      expect(negative!.suggestion).toContain("Je laisse le client terminer");
      const [missing] = checkPlan({ situation: "", action: "" }, french);
      expect(missing!.message).toMatch(/^Le plan n'a pas de situation/);
    });

    it('does not mistake Dutch "pas" (only then) for a French negation', () => {
      expect(
        findPlanProblems({
          situation: "Als een klant boos belt over een late levering",
          action: "Dan leg ik pas uit nadat ik de frustratie heb benoemd",
        }),
      ).toEqual([]);
    });
  });
});
