import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, type TestInfo } from "@playwright/test";
import type { ReceivedMail } from "../../test-support/smtp-peer.ts";

export const APP = "http://localhost:3100";
/** A second app without SMTP, where the development mailbox is on. */
export const APP_WITHOUT_SMTP = "http://localhost:3101";
export const MAIL_FOLDER = path.resolve("test-results/e2e-mail");
export const DEMO_PASSWORD = "beklijf-demo";

/**
 * Runs axe on the current screen and fails on any serious or critical violation. A sandboxed frame (the
 * digest preview, package content) is left out: axe cannot run inside a frame that may not run scripts,
 * and Chromium reports the attempt as an error.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .exclude("iframe[sandbox]")
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility of ${screen}`).toEqual([]);
}

/**
 * The first mail to `to` (whose text matches `containing`, when given): a morning nudge or digest may
 * reach the same person first, depending on the weekday the suite runs.
 */
export async function waitForMail(
  to: string,
  containing?: RegExp,
  timeoutMs = 20_000,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = fs.existsSync(MAIL_FOLDER) ? fs.readdirSync(MAIL_FOLDER).sort() : [];
    for (const file of files) {
      const mail = JSON.parse(fs.readFileSync(path.join(MAIL_FOLDER, file), "utf8")) as ReceivedMail;
      if (mail.to.includes(to) && (!containing || containing.test(mail.text))) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

/** The personal link (an invitation, a scan) in the first mail to `to` that holds one. */
export async function waitForLink(to: string, kind: "invitation" | "scan"): Promise<string> {
  const mail = await waitForMail(to, new RegExp(`${kind}#token=`));
  return new RegExp(`${APP}/${kind}#token=[\\w-]+`).exec(mail.text)![0];
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, base = APP): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Hello|Hallo/);
}

export async function useEnglish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

/** Signs in and switches the screens to English: where most journeys start. */
export async function signInInEnglish(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await useEnglish(page);
}

/** A browser of its own for a second person, on the same kind of device (phone or laptop) as the journey. */
export async function anotherBrowser(browser: Browser, info: TestInfo, locale?: string): Promise<Page> {
  const context = await browser.newContext({ ...info.project.use, ...(locale ? { locale } : {}) });
  return context.newPage();
}

/** Unique per run and per project, so desktop and phone journeys do not collide. */
export function uniqueEmail(prefix: string, projectName: string): string {
  return `${prefix}-${projectName}-${Date.now().toString(36)}@example.test`;
}
