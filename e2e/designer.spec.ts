import type { Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { APP, expectAccessible, signIn, signInInEnglish } from "./support/fixtures.ts";
import { workingDayIn } from "../test-support/working-day.ts";

async function score(page: Page): Promise<number> {
  return Number(await page.getByTestId("transfer-score").textContent());
}

/** The check runs shortly after each change; wait until the score has moved past `previous`. */
async function scoreAbove(page: Page, previous: number): Promise<number> {
  await expect.poll(() => score(page)).toBeGreaterThan(previous);
  return score(page);
}

async function addActivity(page: Page, phase: string, type: string, day?: number) {
  const section = page.getByRole("region", { name: phase, exact: true });
  await section.getByRole("button", { name: /Add activity/ }).click();
  const form = section.locator(".activity-form");
  await form.getByLabel("Type").selectOption({ label: type });
  if (day !== undefined) await form.getByLabel("Day", { exact: true }).fill(String(day));
  await section.getByRole("button", { name: /^Close/ }).click();
}

test("a designer builds a trajectory from scratch, watches the score rise, and plans a cohort", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.getByRole("navigation").getByRole("link", { name: "Trajectories" }).click();
  await page.getByRole("link", { name: "New trajectory" }).click();
  await expectAccessible(page, "new trajectory");

  const form = page.getByRole("form", { name: "Start from scratch" });
  await form.getByRole("button", { name: "Create trajectory" }).click();
  await expect(form.getByRole("alert")).toContainText("Title is required.");
  await form.getByLabel("Title").fill(`Toolbox talks (${info.project.name})`);
  await form
    .getByLabel("Target behaviour")
    .fill("Foremen open every Monday with a five-minute toolbox talk about one real risk.");
  await form.getByLabel("Competence 1").fill("Leading a toolbox talk");
  await form.getByRole("button", { name: "Create trajectory" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Toolbox talks (${info.project.name})`);
  await expect(page.getByText("The trajectory has no practice day")).toBeVisible();
  const start = await score(page);
  expect(start).toBeLessThan(25);
  await expect(page.getByText("The trajectory has no practice day")).toBeVisible();
  await expectAccessible(page, "trajectory editor");

  await addActivity(page, "Practice day", "Simulation or role play");
  const afterPractice = await scoreAbove(page, start);
  await expect(page.getByText("The trajectory has no practice day")).toHaveCount(0);

  await addActivity(page, "Practice day", "If-then action plan");
  const afterPlan = await scoreAbove(page, afterPractice);

  // Open the evidence behind a finding, in place.
  const finding = page.locator(".finding").filter({ hasText: "manager" }).first();
  await finding.getByText(/Why: \d+ source/).click();
  await expect(finding.locator(".evidence").first()).toBeVisible();
  await expectAccessible(page, "trajectory editor with evidence open");

  await addActivity(page, "Before", "Manager check-in", -7);
  await addActivity(page, "Between", "Manager check-in", 7);
  await addActivity(page, "Between", "Assignment at work", 3);
  await scoreAbove(page, afterPlan);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/Saved as version 2/)).toBeVisible();

  // Keyboard: move the action plan up above the simulation with the arrow button.
  await page.getByRole("button", { name: /Move If-then action plan up/ }).focus();
  await page.keyboard.press("Enter");
  const practiceDay = page.getByRole("region", { name: "Practice day", exact: true });
  await expect(practiceDay.locator(".activity strong").first()).toHaveText("If-then action plan");

  // The move is not saved yet: leaving asks first; staying keeps the change, which is then saved.
  await page.getByRole("link", { name: "Plan a cohort" }).click();
  const leave = page.getByRole("alertdialog", { name: /unsaved changes/ });
  await expect(leave).toBeVisible();
  await leave.getByRole("button", { name: "Stay and keep editing" }).click();
  await expect(practiceDay.locator(".activity strong").first()).toHaveText("If-then action plan");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/Saved as version 3/)).toBeVisible();
  await page.getByRole("link", { name: "Plan a cohort" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan a cohort" })).toBeVisible();
  await page.getByLabel("Name of the cohort").fill("Foremen, spring");
  await page.getByLabel("Practice day 1").fill("2020-05-04");
  await page.getByRole("checkbox", { name: "Montage" }).check();
  await page.getByRole("button", { name: "Plan and show the schedule" }).click();
  await expect(page.getByRole("alert")).toContainText("lies in the past");
  await expectAccessible(page, "plan a cohort with an error");

  // Practice days fall on working days: a month from now, or the first working day after it.
  const inAMonth = workingDayIn(30);
  await page.getByLabel("Practice day 1").fill(inAMonth);
  await page.getByRole("button", { name: "Plan and show the schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Foremen, spring" })).toBeVisible();
  // The Montage team: nine demo members, plus anyone an earlier journey imported into it.
  await expect(page.getByText(/^\d+ participants$/)).toBeVisible();
  // A month calendar on a laptop, an agenda on a phone: whichever is on screen shows the plan.
  await expect(page.getByText("If-then action plan").filter({ visible: true }).first()).toBeVisible();
  await expectAccessible(page, "cohort calendar");
});

test("the evidence library is searchable and never shows an unverified figure as fact", async ({ page }) => {
  await signInInEnglish(page, "manager@demo.beklijf.nl");
  await page.goto(`${APP}/evidence`);
  await expectAccessible(page, "evidence library");
  await page.getByLabel("Search the evidence").fill("feedback");
  await expect(page.getByText("not shown: not verified")).toBeVisible();
  await expect(page.getByText("d = 0.41")).toHaveCount(0);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Onderbouwing" })).toBeVisible();
});

test("the designer's screens pass the accessibility check in both languages", async ({ page }) => {
  await signIn(page, "coordinator@demo.beklijf.nl");
  for (const [language, trajectoriesTitle] of [
    ["English", "Trajectories"],
    ["Nederlands", "Trajecten"],
  ] as const) {
    await page.getByRole("button", { name: language }).click();
    await page.goto(`${APP}/trajectories`);
    await expect(page.getByRole("heading", { level: 1, name: trajectoriesTitle })).toBeVisible();
    await expectAccessible(page, `trajectories (${language})`);
    await page
      .getByRole("link", { name: /Moeilijke klantgesprekken/ })
      .first()
      .click();
    await expect(page.getByTestId("transfer-score")).toHaveText("100");
    await expectAccessible(page, `editor (${language})`);
    await page.goto(`${APP}/cohorts`);
    await page.getByRole("link", { name: "Serviceteam, klantgesprekken" }).click();
    await expect(page.locator("h1")).toHaveText("Serviceteam, klantgesprekken");
    await expectAccessible(page, `cohort (${language})`);
    await page.goto(`${APP}/cohorts/new`);
    await expectAccessible(page, `plan a cohort (${language})`);
  }
});
