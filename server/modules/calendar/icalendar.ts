/**
 * iCalendar (RFC 5545) feeds, written by hand because the format is small and exact: CRLF line ends,
 * lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, times in UTC.
 */
export interface CalendarEvent {
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  /** A whole day (practice day, due date) … */
  date?: string;
  /** … or a moment with a length (an action plan's expected situation). */
  start?: Date;
  durationMinutes?: number;
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line so that no physical line exceeds 75 octets. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const compactDate = (isoDate: string) => isoDate.replaceAll("-", "");

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function renderCalendar(name: string, events: CalendarEvent[], stamp: Date): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Beklijf//Beklijf//NL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const event of events) {
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${utc(stamp)}`);
    if (event.date) {
      lines.push(
        `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
        `DTEND;VALUE=DATE:${compactDate(nextDay(event.date))}`,
      );
    } else if (event.start) {
      lines.push(
        `DTSTART:${utc(event.start)}`,
        `DTEND:${utc(new Date(event.start.getTime() + (event.durationMinutes ?? 30) * 60_000))}`,
      );
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
