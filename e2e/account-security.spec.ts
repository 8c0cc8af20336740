import type { Browser, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { anotherBrowser, APP, expectAccessible, signIn } from "./support/fixtures.ts";
import { acceptInvitation, invitationFor } from "./support/demo.ts";

const PASSWORD = "een goed wachtwoord";

/** A colleague of the demo organisation of our own (one per project), invited as a real one would be. */
async function invitedColleague(page: Page, info: TestInfo): Promise<{ email: string; name: string }> {
  const name = info.project.name === "phone" ? "Gert Maas" : "Linda Postma";
  const { email, link } = await invitationFor(page, name);
  await page.context().clearCookies();
  await acceptInvitation(page, link, PASSWORD, name);
  return { email, name };
}

async function secondDevice(browser: Browser, info: TestInfo, email: string): Promise<Page> {
  const page = await anotherBrowser(browser, info, "nl-NL");
  await signIn(page, email, PASSWORD);
  return page;
}

test.use({ locale: "nl-NL" });

test("a person sees where they are signed in, signs out elsewhere with the keyboard, and changes their password", async ({
  page,
  browser,
}, info) => {
  const { email } = await invitedColleague(page, info);
  const other = await secondDevice(browser, info, email);

  await page.goto(`${APP}/profile`);
  const sessions = page.getByRole("region", { name: "Waar je bent ingelogd" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("Dit apparaat")).toHaveCount(1);
  await expectAccessible(page, "profile with sessions");

  // Keyboard only: focus the button and press Enter.
  const everywhere = sessions.getByRole("button", { name: "Overal anders uitloggen" });
  await everywhere.focus();
  await page.keyboard.press("Enter");
  await expect(sessions.getByRole("status")).toHaveText("Op alle andere apparaten uitgelogd.");
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await other.reload();
  await expect(other).toHaveURL(/\/sign-in$/);

  // A wrong current password is refused in the person's words, at the field.
  const form = page.getByRole("region", { name: "Wachtwoord wijzigen" });
  await form.getByLabel("Huidig wachtwoord").fill("niet mijn wachtwoord");
  await form.getByLabel("Nieuw wachtwoord").fill("een nieuw lang wachtwoord");
  await form.getByLabel("Herhaal het wachtwoord").fill("een nieuw lang wachtwoord");
  await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(form.getByText("Huidig wachtwoord klopt niet.", { exact: false }).first()).toBeVisible();
  await expectAccessible(page, "password change with an error");

  await form.getByLabel("Huidig wachtwoord").fill(PASSWORD);
  await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Je wachtwoord is gewijzigd. Andere apparaten zijn uitgelogd.",
  );
  await other.context().close();
});
