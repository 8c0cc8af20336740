import { describe, expect, it } from "vitest";
import { firstUnanswered, requiredItems, sections } from "./questionnaire.ts";

const allAnswered = () =>
  Object.fromEntries(
    requiredItems.map((item) => [item.id, item.kind === "choice" ? item.options[0]!.value : 3]),
  );

describe("firstUnanswered", () => {
  it("is null when every required question is answered", () => {
    expect(firstUnanswered(allAnswered())).toBeNull();
  });

  it("names the step and the question that is still open", () => {
    const last = requiredItems.at(-1)!;
    const answers: Record<string, unknown> = allAnswered();
    delete answers[last.id];
    const open = firstUnanswered(answers)!;
    expect(open.item.id).toBe(last.id);
    expect(sections[open.step]!.items[open.number - 1]).toBe(last);
    expect(open.count).toBe(1);
  });

  it("takes the earliest open question when several are open", () => {
    expect(firstUnanswered({})).toMatchObject({
      step: 0,
      item: requiredItems[0],
      count: requiredItems.length,
    });
  });
});
