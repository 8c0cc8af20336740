import { intlLocale, type Locale } from "../../../common/locales.ts";
import type { NeedsYouItem } from "../../../common/schemas/team.ts";
import { translator } from "../../i18n.ts";
import type { LinkPayload } from "./signed-links.ts";

/**
 * The digest's words, from the manager's needs-you list: per person what waits, with one-click links
 * ("I saw it applied" per application, "we talked" per person). Pure: the sweep and the in-app preview
 * call it with the same list, so the preview is the email.
 */

type Translate = ReturnType<typeof translator>;
/** Signs one link for the manager (a real link for the email, a preview link for the preview). */
export type LinkFor = (payload: Pick<LinkPayload, "p" | "a" | "x">) => string;

const dayFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", timeZone: "UTC" });

/** One line for one thing that waits: what it is and what to ask, in the manager's language. */
export function itemText(item: NeedsYouItem, t: Translate, locale: Locale): string {
  const date = item.due ? dayFormat(locale).format(new Date(`${item.due}T12:00:00Z`)) : "";
  return t(`emails.digest.items.${item.kind}`, { detail: item.detail ?? "", date });
}

export interface DigestPerson {
  name: string;
  lines: { text: string; link?: { label: string; url: string } }[];
  talked: { label: string; url: string };
}

/** The items grouped per person, in the order of the list (the person waiting longest first). */
export function digestPeople(items: NeedsYouItem[], locale: Locale, linkFor: LinkFor): DigestPerson[] {
  const t = translator(locale);
  const people = new Map<string, DigestPerson>();
  for (const item of items) {
    const person = people.get(item.personId) ?? {
      name: item.personName,
      lines: [],
      talked: { label: t("emails.digest.talked"), url: linkFor({ p: item.personId, a: "talked" }) },
    };
    const link =
      item.kind === "confirm-application" && item.recordId
        ? {
            label: t("emails.digest.sawIt"),
            url: linkFor({ p: item.personId, a: "confirm", x: item.recordId }),
          }
        : undefined;
    person.lines.push({ text: itemText(item, t, locale), ...(link ? { link } : {}) });
    people.set(item.personId, person);
  }
  return [...people.values()];
}

/** The plain-text block that goes into the email's `{{items}}`. */
export function digestItemsText(people: DigestPerson[]): string {
  return people
    .map((person) =>
      [
        `${person.name}:`,
        ...person.lines.flatMap((line) => [
          `  - ${line.text}`,
          ...(line.link ? [`    ${line.link.label}: ${line.link.url}`] : []),
        ]),
        `  ${person.talked.label}: ${person.talked.url}`,
      ].join("\n"),
    )
    .join("\n\n");
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map(
      (p) =>
        `<p>${escapeHtml(p)
          .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')
          .replace(/\n/g, "<br>")}</p>`,
    )
    .join("\n");

const anchor = (link: { label: string; url: string }) =>
  `<a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a>`;

/**
 * The same email as HTML: the text around the items as paragraphs, the items as a list per person.
 * Every text is escaped; no styles or scripts, so it shows in a sandboxed frame under the app's CSP.
 */
export function digestHtml(
  { subject, text, locale }: { subject: string; text: string; locale: Locale },
  itemsText: string,
  people: DigestPerson[],
): string {
  const [before = text, after = ""] = text.split(itemsText);
  const list = people
    .map(
      (person) =>
        `<h2>${escapeHtml(person.name)}</h2>\n<ul>\n${person.lines
          .map((line) => `<li>${escapeHtml(line.text)}${line.link ? ` ${anchor(line.link)}` : ""}</li>`)
          .join("\n")}\n</ul>\n<p>${anchor(person.talked)}</p>`,
    )
    .join("\n");
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    "<body>",
    paragraphs(before),
    list,
    paragraphs(after.replace(/^-- $/m, "--")),
    "</body>",
    "</html>",
  ].join("\n");
}
