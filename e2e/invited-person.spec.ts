import { expect, test } from "./support/test.ts";
import {
  anotherBrowser,
  APP,
  expectAccessible,
  signInInEnglish,
  uniqueEmail,
  waitForLink,
} from "./support/fixtures.ts";

test("an invited person opens the emailed link, chooses a password and lands on their home", async ({
  page,
  browser,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/people`);
  const email = uniqueEmail("ivo", info.project.name);
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill("Ivo Invited");
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByRole("status")).toBeVisible();

  const link = await waitForLink(email, "invitation");

  // A fresh browser context: the invited person's own phone or laptop.
  const invited = await anotherBrowser(browser, info, "nl-NL");
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1, name: "Welkom bij Beklijf" })).toBeVisible();
  await expect(invited.getByText(`Je logt in met ${email}`)).toBeVisible();
  await expectAccessible(invited, "invitation");
  await invited.getByLabel("Nieuw wachtwoord").fill("een goed wachtwoord");
  await invited.getByLabel("Herhaal het wachtwoord").fill("een ander wachtwoord");
  await invited.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
  await expect(invited.getByText("De twee wachtwoorden zijn niet gelijk.")).toBeVisible();
  await invited.getByLabel("Herhaal het wachtwoord").fill("een goed wachtwoord");
  await invited.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText("Hallo Ivo");
  await expect(invited.getByText("Vandaag niets te doen")).toBeVisible();
  await expectAccessible(invited, "learner home");

  await invited.getByRole("button", { name: "Uitloggen" }).click();
  await expect(invited.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await invited.goto(link);
  await expect(invited.getByRole("alert")).toContainText("verlopen of al gebruikt");
  await invited.context().close();
});
