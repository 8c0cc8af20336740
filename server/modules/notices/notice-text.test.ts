import { describe, expect, it } from "vitest";
import { noticeKinds } from "../../../common/schemas/notices.ts";
import { renderNoticeText } from "./notice-text.ts";

describe("renderNoticeText", () => {
  it("writes each kind in both languages, naming the other person", () => {
    for (const kind of noticeKinds)
      for (const locale of ["nl", "en"] as const) {
        const text = renderNoticeText(locale, kind, { badge: "Calm", date: "2026-03-05" }, "Max");
        expect(text, `${kind} ${locale}`).not.toMatch(/notices\.|\{\{/);
        expect(text.length, `${kind} ${locale}`).toBeGreaterThan(20);
      }
  });

  it("says who confirmed, in the reader's language", () => {
    expect(renderNoticeText("nl", "application-confirmed", { from: "id" }, "Max")).toBe(
      "Max heeft bevestigd dat je je plan op het werk hebt toegepast.",
    );
    expect(renderNoticeText("en", "application-confirmed", { from: "id" }, "Max")).toBe(
      "Max confirmed that you applied your plan at work.",
    );
  });

  it("names the badge and writes a date as the reader reads it", () => {
    expect(renderNoticeText("en", "badge-awarded", { badge: "Calm under pressure" }, undefined)).toBe(
      'You earned the badge "Calm under pressure".',
    );
    expect(renderNoticeText("nl", "check-in-due", { date: "2026-03-05" }, "Lena")).toBe(
      "De praktijkdag van Lena is op 5 maart. Plan vooraf een kort gesprek.",
    );
    expect(renderNoticeText("en", "check-in-due", { date: "2026-03-05" }, "Lena")).toContain("5 March");
  });

  it("says 'someone' when the other person is unknown (erased)", () => {
    expect(renderNoticeText("en", "feedback-answered", { from: "gone" }, undefined)).toBe(
      "Someone answered your request for feedback.",
    );
    expect(renderNoticeText("nl", "feedback-answered", { from: "gone" }, undefined)).toBe(
      "Iemand heeft je vraag om feedback beantwoord.",
    );
  });
});
