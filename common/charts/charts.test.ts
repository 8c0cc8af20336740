import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { CHART_CLASS, renderChart } from "./render.ts";
import { scoreBars } from "./score-bars.ts";
import { stackedShares } from "./stacked-shares.ts";
import { tierBars } from "./tier-bars.ts";

/** A document as the server has one (linkedom); the browser passes its own. */
const { document } = parseHTML("<!doctype html><html><body></body></html>");

const tiers = [
  { tier: 1, name: "Attendance", learners: 13 },
  { tier: 2, name: "Activity", learners: 9 },
  { tier: 7, name: "Transfer", learners: 5 },
  { tier: 8, name: "Effects of transfer", learners: 0 },
];
const text = { label: "Learners per LTEM tier, out of 13", organisationLevel: "organisation figures" };

describe("renderChart", () => {
  it("draws an svg a screen reader announces as one labelled picture", () => {
    const svg = renderChart(tierBars(tiers, 13, text, 560), document as unknown as Document, 560);
    expect(svg.tagName.toLowerCase()).toBe("svg");
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Learners per LTEM tier, out of 13");
    expect(svg.getAttribute("class")).toBe(CHART_CLASS);
    // One picture, one name: the marks inside carry none of their own.
    expect(svg.querySelectorAll("[aria-label]")).toHaveLength(0);
  });

  it("leaves out Plot's inline <style>, which the Content-Security-Policy refuses", () => {
    const svg = renderChart(tierBars(tiers, 13, text, 375), document as unknown as Document, 375);
    expect(svg.querySelectorAll("style")).toHaveLength(0);
    expect(svg.outerHTML).not.toContain("style=");
  });
});

describe("tierBars", () => {
  it("writes each tier's count beside its bar, and words for the organisation's tier 8", () => {
    const svg = renderChart(tierBars(tiers, 13, text, 560), document as unknown as Document, 560);
    const words = [...svg.querySelectorAll("text")].map((node) => node.textContent);
    expect(words).toEqual(expect.arrayContaining(["1. Attendance", "13", "7. Transfer", "5"]));
    expect(words).toContain("organisation figures");
  });

  it("writes labels beside the bars on a laptop, and whole above the bars where they would be cut on a phone", () => {
    const dutch = [{ tier: 3, name: "Oordeel van deelnemers", learners: 11 }, ...tiers];
    expect(tierBars(dutch, 13, text, 560).options.marginLeft).toBeGreaterThan(0);
    const phone = tierBars(dutch, 13, text, 300);
    expect(phone.options.marginLeft).toBe(0);
    const svg = renderChart(phone, document as unknown as Document, 300);
    const words = [...svg.querySelectorAll("text")].map((node) => node.textContent);
    expect(words).toContain("3. Oordeel van deelnemers");
    expect(words.some((w) => w?.includes("…"))).toBe(false);
    expect(Number(svg.getAttribute("height"))).toBeGreaterThan(
      Number(
        renderChart(tierBars(dutch, 13, text, 560), document as unknown as Document, 560).getAttribute(
          "height",
        ),
      ),
    );
  });
});

describe("scoreBars", () => {
  it("writes each row's words beside a bar, also where the figure is hidden", () => {
    const spec = scoreBars(
      [
        { label: "Tasks done", value: 3, max: 5, shown: "3 / 5" },
        { label: "Time to practise", value: null, max: 5, shown: "—" },
      ],
      "Team progress: Tasks done 3 / 5",
      375,
    );
    const svg = renderChart(spec, document as unknown as Document, 375);
    expect(svg.getAttribute("aria-label")).toBe("Team progress: Tasks done 3 / 5");
    const words = [...svg.querySelectorAll("text")].map((node) => node.textContent);
    expect(words).toEqual(expect.arrayContaining(["Tasks done", "3 / 5", "Time to practise", "—"]));
  });
});

describe("stackedShares", () => {
  it("draws one segment per share above zero, in the given order and colours", () => {
    const spec = stackedShares(
      [
        { key: "unaware", value: 2, colour: "#8c96a0" },
        { key: "selecting", value: 0, colour: "#e0a526" },
        { key: "acting", value: 3, colour: "#2f7fc1" },
      ],
      "Unaware: 2, Selecting: 0, Acting: 3",
    );
    const svg = renderChart(spec, document as unknown as Document, 320);
    const fills = [...svg.querySelectorAll("rect")].map((rect) => rect.getAttribute("fill"));
    expect(fills).toEqual(expect.arrayContaining(["#8c96a0", "#2f7fc1"]));
    expect(fills).not.toContain("#e0a526");
  });
});
