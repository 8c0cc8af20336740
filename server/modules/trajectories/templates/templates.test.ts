import { describe, expect, it } from "vitest";
import { contentLocales } from "../../../../common/content/content.ts";
import { templateTexts } from "../../../../common/content/templates.ts";
import type { Locale } from "../../../../common/locales.ts";
import { trajectoryTemplates } from "./index.ts";
import { renderTemplate } from "./template.ts";

describe("example trajectories", () => {
  it("have words for every competence and activity in every language, and no words left unused", () => {
    for (const locale of contentLocales) {
      const { templates } = templateTexts(locale);
      expect(Object.keys(templates).sort(), locale).toEqual(trajectoryTemplates.map((t) => t.key).sort());
      for (const template of trajectoryTemplates) {
        const words = templates[template.key]!;
        expect(Object.keys(words.competences).sort()).toEqual(template.competences.map((c) => c.key).sort());
        const ownActivities = template.activities.filter((a) => !a.shared).map((a) => a.key);
        expect(Object.keys(words.activities).sort()).toEqual([...new Set(ownActivities)].sort());
      }
    }
  });

  it("render in French with the same shape as in Dutch", () => {
    for (const template of trajectoryTemplates) {
      const dutch = renderTemplate(template, "nl");
      const french = renderTemplate(template, "fr" as Locale);
      expect(french.activities.map(({ title: _t, content: _c, ...shape }) => shape)).toEqual(
        dutch.activities.map(({ title: _t, content: _c, ...shape }) => shape),
      );
      expect(french.title).not.toBe(dutch.title);
    }
    const safety = trajectoryTemplates.find((t) => t.key === "working-safely-at-height")!;
    expect(renderTemplate(safety, "fr" as Locale).title).toBe("Travailler en sécurité en hauteur");
  });
});
