import { expect, test } from "./support/test.ts";
import {
  APP,
  APP_WITHOUT_SMTP,
  expectAccessible,
  signIn,
  signInInEnglish,
  useEnglish,
} from "./support/fixtures.ts";

test("a manager sees their team on the home screen", async ({ page }) => {
  await signInInEnglish(page, "manager@demo.beklijf.nl");
  await expect(page.getByRole("heading", { level: 2, name: "Your team" })).toBeVisible();
  await expect(page.getByText("Service & Onderhoud")).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "People" })).toHaveCount(0);
  await expectAccessible(page, "manager home");
});

test("a learner sees what is waiting today and can change their own language", async ({ page }) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await expect(page.getByText(/\d+ things?, about \d+ minutes/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Open today" })).toBeVisible();
  await expectAccessible(page, "learner home");
  await page.getByRole("navigation").getByRole("link", { name: "My profile" }).click();
  await page.getByRole("combobox", { name: "Language" }).selectOption("nl");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn profiel" })).toBeVisible();
  await expectAccessible(page, "profile");
  await page.getByRole("combobox", { name: "Taal" }).selectOption("");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByText("Opgeslagen.")).toBeVisible();
});

test("wrong passwords get a clear message, and the forgot-password screen answers without revealing accounts", async ({
  page,
}) => {
  await page.goto(`${APP}/sign-in`);
  await useEnglish(page);
  await page.getByLabel("Email address").fill("learner@demo.beklijf.nl");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "That email address and password do not match. Check both and try again.",
  );
  await expectAccessible(page, "sign-in with an error");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email address").fill("nobody@demo.beklijf.nl");
  await page.getByRole("button", { name: "Email me a link" }).click();
  // The offline banner is a status region too (empty while online): the one that answers.
  await expect(page.getByRole("status").filter({ hasText: "If that address has an account" })).toBeVisible();
  await expectAccessible(page, "forgot password");
});

test("without SMTP, the coordinator reads outgoing mail in the development mailbox", async ({ page }) => {
  await signIn(page, "coordinator@demo.beklijf.nl", undefined, APP_WITHOUT_SMTP);
  await useEnglish(page);
  await page.goto(`${APP_WITHOUT_SMTP}/forgot-password`);
  await page.goto(`${APP_WITHOUT_SMTP}/mailbox`);
  await expect(page.getByRole("heading", { level: 1, name: "Mailbox (development)" })).toBeVisible();
  await expectAccessible(page, "mailbox");
});
