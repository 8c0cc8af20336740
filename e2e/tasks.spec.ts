import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { getJson, remove } from "./support/api.ts";
import { anotherBrowser, APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";

/** The demo learner's check-in after the practice day (the trajectory is in Dutch). */
const CHECK_IN_TASK = /Gesprek: welk plan, wanneer, welke steun heb je nodig\?/;
/** The demo learner's optional video before the practice day. */
const OPTIONAL_TASK = /Twee opgenomen gesprekken/;

interface CheckIns {
  checkIns: { id: string; agreements: string }[];
}

/**
 * The manager (on `manager`) deletes the check-ins he recorded with the demo learner (signed in on
 * `learner`) whose agreements match: other journeys on the shared demo hold the same conversation.
 */
async function removeCheckIns(learner: Page, manager: Page, matching: RegExp = /.*/) {
  const { checkIns } = await getJson<CheckIns>(learner, "/api/me/check-ins");
  for (const checkIn of checkIns.filter((c) => matching.test(c.agreements)))
    await remove(manager, `/api/team/check-ins/${checkIn.id}`);
}

async function phoneScreenshot(page: Page, info: TestInfo, name: string) {
  if (info.project.name === "phone")
    await page.screenshot({ path: `test-results/screens/tasks-${name}.png`, fullPage: true });
}

test("a learner's check-in task closes when her manager records it, and she reads the agreements", async ({
  page,
  browser,
}, info) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  const manager = await anotherBrowser(browser, info);
  await signInInEnglish(manager, "manager@demo.beklijf.nl");
  // A clean start: another journey (or the other device's run) may have held this conversation already.
  await removeCheckIns(page, manager);

  await page.goto(`${APP}/today`);
  const todo = page.getByTestId("today-items");
  const task = todo.getByRole("link", { name: CHECK_IN_TASK });
  await expect(task).toBeVisible();
  await task.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHECK_IN_TASK);
  const tool = page.getByRole("region", { name: "The conversation after the practice day" });
  await expect(tool.getByText(/which plan you will try at work, when, and what support/)).toBeVisible();
  await expect(tool.getByTestId("check-in-closes")).toContainText("Marco de Vries holds this conversation");
  await expect(page.getByRole("button", { name: "Mark as done" })).toHaveCount(0);
  const taskAddress = page.url();
  await expectAccessible(page, "check-in task");
  await phoneScreenshot(page, info, "check-in-open");

  const agreements = `Try the plan on Tuesday's calls; look back on Friday (${info.project.name})`;
  await manager.getByRole("navigation").getByRole("link", { name: "My team" }).click();
  const femke = manager.locator("li.member", { hasText: "Femke de Wit" });
  await femke.getByText(/Check-in guide after the training/).click();
  await femke.getByLabel("Agreements").fill(agreements);
  await femke.getByRole("button", { name: "Save the check-in" }).click();
  await expect(femke.getByText(agreements)).toBeVisible();

  await page.goto(`${APP}/today`);
  await expect(page.getByTestId("today-items").getByRole("link", { name: CHECK_IN_TASK })).toHaveCount(0);
  const myCheckIns = page.getByRole("region", { name: "Check-ins with your manager" });
  await expect(myCheckIns.getByText(agreements)).toBeVisible();
  await expectAccessible(page, "today with a check-in");
  await phoneScreenshot(page, info, "today-check-ins");

  await page.goto(taskAddress);
  await expect(page.getByText("Done. Well done.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "What you agreed" })).toBeVisible();
  await expect(tool.getByText(agreements)).toBeVisible();
  await expect(tool.getByText(/recorded by Marco de Vries on/)).toBeVisible();
  await expectAccessible(page, "check-in task closed");
  await phoneScreenshot(page, info, "check-in-closed");
  await page.getByRole("button", { name: "Nederlands" }).click();
  const inDutch = page.getByRole("region", { name: "Het gesprek na de praktijkdag" });
  await expect(
    inDutch.getByRole("heading", { level: 3, name: "Wat jullie hebben afgesproken" }),
  ).toBeVisible();
  await expect(inDutch.getByText(/vastgelegd door Marco de Vries op/)).toBeVisible();
  await expectAccessible(page, "check-in task closed (nl)");
  await page.getByRole("button", { name: "English" }).click();

  await removeCheckIns(page, manager, new RegExp(info.project.name));
  await manager.context().close();
});

test("a learner skips an optional task and takes it back, on Today and on its page", async ({
  page,
}, info) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await page.goto(`${APP}/today`);
  const menu = page.getByRole("region", { name: "Your choice" });
  await menu.getByRole("button", { name: /^Skip Twee opgenomen gesprekken/ }).click();
  const skipped = page.getByRole("region", { name: "Skipped" });
  await expect(skipped.getByRole("link", { name: OPTIONAL_TASK })).toBeVisible();
  await expect(menu).toHaveCount(0);
  await expectAccessible(page, "today with a skipped task");
  await phoneScreenshot(page, info, "today-skipped");

  await skipped.getByRole("link", { name: OPTIONAL_TASK }).click();
  await expect(page.getByText("You skipped this.")).toBeVisible();
  await page.getByRole("button", { name: "Undo skip" }).click();
  await expect(page.getByRole("button", { name: "Skip", exact: true })).toBeVisible();
  await expectAccessible(page, "task taken back");

  await page.getByRole("link", { name: "Back to today" }).click();
  await expect(menu.getByRole("link", { name: OPTIONAL_TASK })).toBeVisible();
  await menu.getByRole("button", { name: /^Skip Twee opgenomen gesprekken/ }).click();
  await skipped.getByRole("button", { name: /^Take back Twee opgenomen gesprekken/ }).click();
  await expect(menu.getByRole("link", { name: OPTIONAL_TASK })).toBeVisible();
  await expect(skipped).toHaveCount(0);
});
