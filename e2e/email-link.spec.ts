import fs from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { pdfLinks } from "../test-support/pdf-text.ts";
import type { ReceivedMail } from "../test-support/smtp-peer.ts";
import { postJson } from "./support/api.ts";
import { expect, test } from "./support/test.ts";
import {
  anotherBrowser,
  APP,
  expectAccessible,
  MAIL_FOLDER,
  signInInEnglish,
  uniqueEmail,
} from "./support/fixtures.ts";

/** A colleague without a password: added by the coordinator, no invitation sent. */
async function colleagueWithoutPassword(page: Page, info: TestInfo, name: string) {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase(), info.project.name);
  const person = await postJson<{ id: string }>(page, "/api/people", {
    name,
    email,
    locale: "nl",
    sendInvitation: false,
  });
  return { id: person.id, email };
}

/** Every mail the SMTP peer received for `to`, oldest first. */
function mailsTo(to: string): ReceivedMail[] {
  const files = fs.existsSync(MAIL_FOLDER) ? fs.readdirSync(MAIL_FOLDER).sort() : [];
  return files
    .map((file) => JSON.parse(fs.readFileSync(path.join(MAIL_FOLDER, file), "utf8")) as ReceivedMail)
    .filter((mail) => mail.to.includes(to) && mail.text.includes("/sign-in/link#token="));
}

/** Waits for sign-in mail number `n` (1-based) to `to`. */
async function signInMail(to: string, n: number): Promise<ReceivedMail> {
  await expect.poll(() => mailsTo(to).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(n);
  return mailsTo(to)[n - 1]!;
}

const linkIn = (mail: ReceivedMail) => new RegExp(`${APP}/sign-in/link#token=[\\w-]+`).exec(mail.text)![0];
const codeIn = (mail: ReceivedMail) => /^(\d{3} \d{3})$/m.exec(mail.text)![1]!;

/** The panel that "Sign in without a password" opens. */
async function emailLinkPanel(page: Page) {
  const toggle = page.getByRole("button", { name: "Inloggen zonder wachtwoord" });
  return page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
}

async function askForLink(page: Page, email: string): Promise<void> {
  await page.getByRole("button", { name: "Inloggen zonder wachtwoord" }).click();
  const panel = await emailLinkPanel(page);
  await panel.getByLabel("E-mailadres").fill(email);
  await panel.getByRole("button", { name: "Stuur me een inloglink" }).click();
  await expect(panel.getByText("Kijk in je mail.")).toBeVisible();
}

test.use({ locale: "nl-NL" });

test("a person without a password signs in with the emailed link, and with the code on the device that asked", async ({
  page,
  browser,
}, info) => {
  const { email } = await colleagueWithoutPassword(page, info, "Wim Werkbus");
  await page.context().clearCookies();

  // The phone or laptop that asks; the code from the email is typed there, by keyboard.
  const asking = await anotherBrowser(browser, info, "nl-NL");
  await asking.goto(`${APP}/sign-in`);
  await expectAccessible(asking, "sign-in with the email-link choice");
  await askForLink(asking, email);
  await expectAccessible(asking, "email link asked, code field");
  await asking.screenshot({ path: info.outputPath("email-link-asked.png"), fullPage: true });
  const first = await signInMail(email, 1);
  expect(first.text).toContain("15 minuten geldig");
  const panel = await emailLinkPanel(asking);
  await panel.getByLabel("Code").fill(codeIn(first) === "000 000" ? "111 111" : "000 000");
  await panel.getByLabel("Code").press("Enter");
  await expect(panel.getByRole("alert")).toContainText("Pogingen over: 4");
  await expectAccessible(asking, "wrong code");
  await asking.screenshot({ path: info.outputPath("email-link-wrong-code.png"), fullPage: true });
  await panel.getByLabel("Code").fill(codeIn(first));
  await panel.getByLabel("Code").press("Enter");
  await expect(asking.getByRole("heading", { level: 1 })).toHaveText("Hallo Wim");

  // Asked again from another browser, and the email opened on a third device: the link signs in there,
  // once.
  const second = await anotherBrowser(browser, info, "nl-NL");
  await second.goto(`${APP}/sign-in`);
  await askForLink(second, email);
  const mail = await signInMail(email, 2);
  await second.context().close();
  const elsewhere = await anotherBrowser(browser, info, "nl-NL");
  await elsewhere.goto(linkIn(mail));
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Inloggen met je link" })).toBeVisible();
  await expectAccessible(elsewhere, "email link landing");
  await elsewhere.getByRole("button", { name: "Inloggen" }).click();
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Hallo Wim");
  await elsewhere.goto(linkIn(mail));
  await elsewhere.getByRole("button", { name: "Inloggen" }).click();
  await expect(elsewhere.getByRole("alert")).toContainText("verlopen of al gebruikt");
  await elsewhere.context().close();

  // The profile lists both sign-ins, each saying how it began.
  await asking.goto(`${APP}/profile`);
  const sessions = asking.getByRole("region", { name: "Waar je bent ingelogd" });
  await expect(sessions.getByText("met een maillink", { exact: false })).toHaveCount(2);
  await asking.context().close();
});

test("a coordinator prints a QR sign-in card, and its link signs the installer in on a phone", async ({
  page,
  browser,
}, info) => {
  const { id } = await colleagueWithoutPassword(page, info, "Ine Installateur");
  await page.goto(`${APP}/people/${id}`);
  const section = page.getByRole("region", { name: "Sign-in card" });
  await expect(section.getByText("No card printed.")).toBeVisible();
  await section.getByLabel("Valid for").selectOption({ label: "6 months" });
  const download = page.waitForEvent("download");
  await section.getByRole("button", { name: "Print a sign-in card (PDF)" }).click();
  const file = await (await download).path();
  await expect(section.getByRole("status")).toContainText("Print it and hand it to Ine Installateur");
  await expect(section.getByText("Not used yet.")).toBeVisible();
  await expectAccessible(page, "person page with a sign-in card");
  await page.screenshot({ path: info.outputPath("sign-in-card-section.png"), fullPage: true });

  const [link] = await pdfLinks(fs.readFileSync(file));
  expect(link).toMatch(new RegExp(`^${APP}/sign-in/card#token=`));

  // The installer scans the card with the phone's camera.
  const phone = await anotherBrowser(browser, info, "nl-NL");
  await phone.goto(link!);
  await expect(phone.getByRole("heading", { level: 1, name: "Inloggen met je kaart" })).toBeVisible();
  await expectAccessible(phone, "sign-in card landing");
  await phone.screenshot({ path: info.outputPath("sign-in-card-landing.png"), fullPage: true });
  await phone.getByRole("button", { name: "Inloggen" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Hallo Ine");
  await phone.context().close();

  await page.reload();
  await expect(section.getByText(/Used once/)).toBeVisible();
  await section.getByRole("button", { name: "Block this card" }).click();
  await expect(section.getByRole("status")).toContainText("The card is blocked");
  await expect(section.getByText("No card printed.")).toBeVisible();
});
