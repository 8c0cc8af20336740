import { expect, test } from "./support/test.ts";
import { APP, expectAccessible, signIn, signInInEnglish } from "./support/fixtures.ts";
import { copyOfTemplate, getJson, postJson } from "./support/api.ts";
import { workingDayIn } from "../test-support/working-day.ts";

/** Correcting what was made: trajectories archived and restored, cohorts moved and cancelled. */

test("a designer archives a trajectory, finds it under 'show archived' and restores it", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const title = `Archive me ${info.project.name} ${Date.now()}`;
  const id = await copyOfTemplate(page, title);
  await page.goto(`${APP}/trajectories/${id}`);
  await page.getByRole("button", { name: "Archive trajectory" }).click();
  await expectAccessible(page, "archive confirmation");
  await page.getByRole("button", { name: "Yes, archive" }).click();
  await expect(page.getByText("This trajectory is archived")).toBeVisible();
  await page.goto(`${APP}/trajectories`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await page.getByLabel("Show archived trajectories").check();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page, "trajectories with archived");
  await page.getByRole("button", { name: `Restore “${title}”` }).click();
  await page.getByLabel("Show archived trajectories").uncheck();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("unsaved changes in the editor survive a reload as a draft, and leaving asks first", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const id = await copyOfTemplate(page, `Draft ${info.project.name} ${Date.now()}`);
  await page.goto(`${APP}/trajectories/${id}`);
  await page.getByLabel("Target behaviour").fill("Written but not saved");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByText("This browser kept unsaved changes")).toBeVisible();
  await expectAccessible(page, "editor with a draft");
  await page.getByRole("button", { name: "Restore draft" }).click();
  await expect(page.getByLabel("Target behaviour")).toHaveValue("Written but not saved");
  await page
    .getByRole("link", { name: /All trajectories|Back/ })
    .first()
    .click();
  await expect(page.getByText("You have unsaved changes. Leave this page")).toBeVisible();
  await page.getByRole("button", { name: "Stay and keep editing" }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /2/ })).toBeVisible();
  await page.reload();
  await expect(page.getByText("This browser kept unsaved changes")).toHaveCount(0);
  await expect(page.getByLabel("Target behaviour")).toHaveValue("Written but not saved");
});

test("a planner moves a cohort's practice day and cancels it", async ({ page }, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const trajectoryId = await copyOfTemplate(page, `Cohort corrections ${info.project.name} ${Date.now()}`);
  const people = await getJson<{ id: string; status: string }[]>(page, "/api/people");
  const { id: cohortId } = await postJson<{ id: string }>(page, "/api/cohorts", {
    trajectoryId,
    name: `Move me ${info.project.name}`,
    sessionDates: [workingDayIn(20)],
    personIds: [people.find((p) => p.status === "active")!.id],
  });
  await page.goto(`${APP}/cohorts/${cohortId}`);
  await page.getByRole("button", { name: "Change cohort" }).click();
  await expectAccessible(page, "change a cohort");
  const moved = workingDayIn(27);
  await page.getByLabel("Practice day 1").fill(moved);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await page.getByRole("button", { name: "Cancel cohort" }).click();
  await page.getByRole("button", { name: "Yes, cancel the cohort" }).click();
  await expect(page.getByText(/This cohort was cancelled on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Change cohort" })).toHaveCount(0);
  await expectAccessible(page, "cancelled cohort");
});

test("a manager who opens another team's cohort is told it is not theirs", async ({ page }) => {
  await signIn(page, "coordinator@demo.beklijf.nl");
  const cohorts = await getJson<{ id: string; name: string }[]>(page, "/api/cohorts");
  const montage = cohorts.find((c) => c.name === "Montage, veilig werken op hoogte")!;
  await page.context().clearCookies();
  await signInInEnglish(page, "manager@demo.beklijf.nl");
  await page.goto(`${APP}/cohorts/${montage.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Not one of your cohorts" })).toBeVisible();
  await expect(page.getByText("Bram Hendriks")).toHaveCount(0);
  await expectAccessible(page, "another team's cohort");
});
