import { expect, type Page } from "@playwright/test";
import { APP, signIn, waitForLink } from "./fixtures.ts";

/** The demo trajectory with a finished cohort and figures on every tier. */
const DEMO_TRAJECTORY = "Moeilijke klantgesprekken";

/** Opens the demo trajectory from the list, and then its `tab` ("Impact", "Questions") when given. */
export async function goToDemoTrajectory(page: Page, tab?: string): Promise<void> {
  await page.goto(`${APP}/trajectories`);
  await page
    .getByRole("link", { name: new RegExp(DEMO_TRAJECTORY) })
    .first()
    .click();
  if (tab) await page.getByRole("link", { name: tab }).click();
}

/**
 * On the impact dashboard, opens "Add a figure" among the organisation figures and fills it in with a
 * `before` value (a number, or a word to see it refused): the figures region and its form, ready to save.
 */
export async function newOrganisationFigure(page: Page, name: string, before: string) {
  const kpis = page.getByRole("region", { name: "Organisation figures (tier 8)" });
  await kpis.getByText("Add a figure").click();
  const add = kpis.locator("details form");
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Unit").fill("per month");
  await add.getByLabel("Before", { exact: true }).fill(before);
  await add.getByLabel("Period before").fill("Q1");
  return { kpis, add };
}

/**
 * The demo coordinator (signed in on `page`) sends the demo colleague `name` a new invitation: the
 * colleague's address and the link from the mail that reached them.
 */
export async function invitationFor(page: Page, name: string): Promise<{ email: string; link: string }> {
  await signIn(page, "coordinator@demo.beklijf.nl");
  const people = await page.request.get(`${APP}/api/people`);
  const person = ((await people.json()) as { id: string; name: string; email: string }[]).find(
    (p) => p.name === name,
  )!;
  const invited = await page.request.post(`${APP}/api/people/${person.id}/invitation`, {
    headers: { origin: APP },
  });
  expect(invited.ok()).toBe(true);
  return { email: person.email, link: await waitForLink(person.email, "invitation") };
}

/** Opens an invitation link, chooses `password` on the Dutch screen and lands home, greeted by first name. */
export async function acceptInvitation(
  page: Page,
  link: string,
  password: string,
  name: string,
): Promise<void> {
  await page.goto(link);
  await page.getByLabel("Nieuw wachtwoord").fill(password);
  await page.getByLabel("Herhaal het wachtwoord").fill(password);
  await page.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hallo ${name.split(" ")[0]}`);
}
