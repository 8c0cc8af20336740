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

/** Who publishes the feed: RFC 5546 requires an ORGANIZER on every event of a METHOD:PUBLISH feed. */
export interface CalendarOrganiser {
  name: string;
  email: string;
}

/**
 * Control characters have no place in a content line (RFC 5545 §3.1): libical cuts a value off at
 * one and vobject rejects the whole feed. A tab may stay; line breaks become the `\n` escape.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;

export function withoutControls(value: string): string {
  return value.replace(CONTROL, "");
}

export function escapeText(value: string): string {
  return withoutControls(
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n"),
  );
}

/**
 * The address in MAIL_FROM ("Beklijf <noreply@example.org>" or a bare address), else a no-reply
 * address at the site's host: a calendar app shows it, and nobody is meant to reply to a feed.
 */
export function organiserAddress(mailFrom: string, site: string): string {
  const address = (/<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  return /^[^\s@<>"]+@[^\s@<>"]+$/.test(address) ? address : `noreply@${new URL(site).hostname}`;
}

/** A parameter value (CN=…): quoted, as a name may hold `,`, `;` or `:`; a quote cannot be escaped. */
const paramValue = (value: string) => `"${withoutControls(value).replaceAll('"', "'")}"`;

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

export function renderCalendar(
  name: string,
  events: CalendarEvent[],
  stamp: Date,
  organiser: CalendarOrganiser,
): string {
  const organizer = `ORGANIZER;CN=${paramValue(organiser.name)}:mailto:${withoutControls(organiser.email)}`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Beklijf//Beklijf//NL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const event of events) {
    lines.push("BEGIN:VEVENT", `UID:${withoutControls(event.uid)}`, `DTSTAMP:${utc(stamp)}`, organizer);
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
    if (event.url) lines.push(`URL:${withoutControls(event.url)}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
