import { describe, expect, it } from "vitest";
import { escapeText, foldLine, organiserAddress, renderCalendar } from "./icalendar.ts";

const organiser = { name: "Bakkerij De Korrel, Utrecht", email: "noreply@beklijf.example" };

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
      organiser,
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("DTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270311");
    expect(ics).toContain("DTSTART:20270312T073000Z\r\nDTEND:20270312T074500Z");
    expect(ics).toContain("DTSTAMP:20270301T100000Z");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("keeps control characters out of every value, so no parser truncates or rejects the feed", () => {
    expect(escapeText("Als\rde klant\r\nboos is\u0000,\u0007 dan\u001b\u007f\tzeg ik")).toBe(
      "Als\\nde klant\\nboos is\\, dan\tzeg ik",
    );
    const ics = renderCalendar(
      "Beklijf\u0000",
      [
        {
          uid: "plan-1\u0001@beklijf",
          summary: "Plan\u000b",
          description: "Als de klant\rboos is\u0000",
          url: "https://beklijf.example/plans\u0000",
          start: new Date("2027-03-12T08:30:00Z"),
        },
      ],
      new Date("2027-03-01T10:00:00Z"),
      organiser,
    );
    const content = ics.replaceAll("\r\n ", "").split("\r\n");
    // eslint-disable-next-line no-control-regex
    for (const line of content) expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
    expect(content).toContain("DESCRIPTION:Als de klant\\nboos is");
  });

  it("names an organiser on every event, as RFC 5546 asks of a published feed", () => {
    const ics = renderCalendar(
      "Beklijf",
      [
        { uid: "a@beklijf", summary: "Praktijkdag", date: "2027-03-10" },
        { uid: "b@beklijf", summary: "Oefenen", date: "2027-03-11" },
      ],
      new Date("2027-03-01T10:00:00Z"),
      { name: 'De "Korrel"; Utrecht', email: "noreply@beklijf.example" },
    );
    expect(ics).toContain("METHOD:PUBLISH");
    const organizers = ics.split("\r\n").filter((line) => line.startsWith("ORGANIZER"));
    expect(organizers).toEqual([
      "ORGANIZER;CN=\"De 'Korrel'; Utrecht\":mailto:noreply@beklijf.example",
      "ORGANIZER;CN=\"De 'Korrel'; Utrecht\":mailto:noreply@beklijf.example",
    ]);
  });

  it("takes the organiser's address from MAIL_FROM, else a no-reply address at the site", () => {
    expect(organiserAddress("Beklijf <leren@bakkerij.example>", "https://beklijf.example")).toBe(
      "leren@bakkerij.example",
    );
    expect(organiserAddress("leren@bakkerij.example", "https://beklijf.example")).toBe(
      "leren@bakkerij.example",
    );
    expect(organiserAddress("Beklijf", "https://beklijf.example:8443")).toBe("noreply@beklijf.example");
  });
});
