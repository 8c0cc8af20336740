import { describe, expect, it } from "vitest";
import { escapeText, foldLine, renderCalendar } from "./icalendar.ts";

describe("iCalendar", () => {
  it("escapes TEXT values as RFC 5545 asks", () => {
    expect(escapeText("Oefenen; daarna, samen\nterugkijken \\ klaar")).toBe(
      "Oefenen\\; daarna\\, samen\\nterugkijken \\\\ klaar",
    );
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"é".repeat(60)}`;
    const folded = foldLine(line);
    for (const physical of folded.split("\r\n"))
      expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((part, i) => (i === 0 ? part : part.slice(1)))
        .join(""),
    ).toBe(line);
  });

  it("writes whole-day and timed events in UTC with CRLF line ends", () => {
    const ics = renderCalendar(
      "Beklijf",
      [
        { uid: "a@beklijf", summary: "Praktijkdag", date: "2027-03-10" },
        {
          uid: "b@beklijf",
          summary: "Als de klant boos is, dan…",
          start: new Date("2027-03-12T08:30:00+01:00"),
          durationMinutes: 15,
        },
      ],
      new Date("2027-03-01T10:00:00Z"),
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("DTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270311");
    expect(ics).toContain("DTSTART:20270312T073000Z\r\nDTEND:20270312T074500Z");
    expect(ics).toContain("DTSTAMP:20270301T100000Z");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replaceAll("\r\n", "")).not.toContain("\n");
  });
});
