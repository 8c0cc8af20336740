import type { Browser, Locator, Page, TestInfo } from "@playwright/test";
import { addDays } from "../common/dates.ts";
import { defaultCalendar } from "../common/working-week.ts";
import { toWorkingDay } from "../server/modules/cohorts/working-days.ts";
import { fixtureZip } from "../test-support/packages/zip.ts";
import { copyOfTemplate, getJson, postJson } from "./support/api.ts";
import { acceptInvitation } from "./support/demo.ts";
import {
  anotherBrowser,
  APP,
  expectAccessible,
  signInInEnglish,
  uniqueEmail,
  useEnglish,
  waitForLink,
} from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

/** The template's online theory before the practice day (seven days before it). */
const THEORY = "What happens in an escalating conversation";

/** What a person sees of `part` (the player, the activity in the editor), kept to look at. */
async function screenshot(part: Locator, info: TestInfo, name: string) {
  await part.screenshot({ path: `test-results/screens/packages-${info.project.name}-${name}.png` });
}

/** The package's own page: inside the content origin's launch page, inside the player's sandboxed frame. */
const moduleFrame = (page: Page) => page.frameLocator("iframe.package-frame").frameLocator("#sco");

/** A new learner (signed in, in English) in a new cohort of the trajectory whose practice day is near. */
async function enrolNewLearner(
  page: Page,
  browser: Browser,
  info: TestInfo,
  { trajectoryId, tag, name }: { trajectoryId: string; tag: string; name: string },
) {
  const email = uniqueEmail(`${tag}-learner`, info.project.name);
  const person = await postJson<{ id: string }>(page, "/api/people", { name, email });
  const link = await waitForLink(email, "invitation");
  const learner = await anotherBrowser(browser, info, "nl-NL");
  await acceptInvitation(learner, link, `${tag}-wachtwoord-2026`, name);
  await useEnglish(learner);
  const today = new Date().toISOString().slice(0, 10);
  const practiceDay = toWorkingDay(addDays(today, 2), "earlier", defaultCalendar);
  const cohort = await postJson<{ id: string }>(page, "/api/cohorts", {
    trajectoryId,
    name: `${tag} ${info.project.name}`,
    sessionDates: [practiceDay],
    personIds: [person.id],
  });
  await learner.goto(`${APP}/today`);
  await learner
    .getByTestId("today-items")
    .getByRole("link", { name: new RegExp(THEORY) })
    .click();
  return { learner, cohort };
}

test("a designer attaches a SCORM package; a learner starts it, leaves halfway, resumes and finishes", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const trajectoryId = await copyOfTemplate(
    page,
    `E-learning ${info.project.name} ${Date.now().toString(36)}`,
  );

  // The designer uploads the zip for the online theory and sees what it holds.
  await page.goto(`${APP}/trajectories/${trajectoryId}`);
  const theory = page.locator("li.activity", { hasText: THEORY });
  await theory.getByRole("button", { name: /Edit/ }).click();
  await theory.getByLabel("Upload a SCORM or cmi5 package (zip)").setInputFiles({
    name: "complaint-scorm12.zip",
    mimeType: "application/zip",
    buffer: fixtureZip("scorm12"),
  });
  await expect(theory.getByText("Handling a complaint (SCORM 1.2)")).toBeVisible();
  await expect(theory.getByText("The first minute of a complaint · pass mark 80%")).toBeVisible();
  await expectAccessible(page, "package attached in the editor");
  await screenshot(theory, info, "editor");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/Saved/).first()).toBeVisible();

  // A hostile zip is refused with the reason, on the field.
  await theory.getByLabel("Replace with another package (zip)").setInputFiles({
    name: "not-a-zip.zip",
    mimeType: "application/zip",
    buffer: Buffer.from("<html>not a zip</html>"),
  });
  await expect(theory.getByText("E-learning package is not a zip file.", { exact: false })).toBeVisible();

  // A new learner in a cohort whose online theory is due.
  const { learner, cohort } = await enrolNewLearner(page, browser, info, {
    trajectoryId,
    tag: "pakket",
    name: "Pim Pakket",
  });
  await expect(learner.getByRole("heading", { level: 1 }).first()).toHaveText(THEORY);
  await expect(learner.getByRole("button", { name: "Mark as done" })).toHaveCount(0);
  await expect(learner.getByText("You have not started this module yet.")).toBeVisible();
  await learner.getByRole("button", { name: "Start the module" }).click();

  // Halfway: answer, then leave with the place kept.
  const module = moduleFrame(learner);
  await module.getByLabel("Let them finish and say back what you heard").check();
  await module.getByRole("button", { name: "Check my answer" }).click();
  await expect(module.getByText("Right: people calm down once they feel heard.")).toBeVisible();
  await expectAccessible(learner, "package playing");
  // The viewport, not the element: an element screenshot on an emulated phone re-lays out the page.
  await learner.screenshot({ path: `test-results/screens/packages-${info.project.name}-playing.png` });
  // By keyboard, as a keyboard user would: on an emulated phone, taps into the module's nested frames
  // right after the page re-laid out (axe, the screenshot) sometimes missed their button.
  await module.getByRole("button", { name: "Leave for now" }).press("Enter");
  await expect(learner.getByText("Your progress is saved.")).toBeVisible();
  await expect(learner.getByText("In progress")).toBeVisible();

  // Later: the module opens where the learner left it, and finishing closes the task.
  await learner.reload();
  await learner.getByRole("button", { name: "Continue the module" }).click();
  await expect(module.getByText("Welcome back: you were at step 2.")).toBeVisible();
  await module.getByRole("button", { name: "Finish" }).press("Enter");
  await expect(learner.getByText("Passed")).toBeVisible();
  await expect(learner.getByText("100%")).toBeVisible();
  // Beklijf measures the time itself: this module reports none.
  await expect(learner.getByText("Time spent")).toBeVisible();
  await expect(learner.getByText("Done. Well done.")).toBeVisible();
  await expectAccessible(learner, "package finished");
  await screenshot(learner.locator("main"), info, "finished");

  await learner.goto(`${APP}/today`);
  await expect(
    learner.getByTestId("today-items").getByRole("link", { name: new RegExp(THEORY) }),
  ).toHaveCount(0);
  const statements = await getJson<{ statements: { verb: { id: string } }[] }>(learner, "/api/me/statements");
  expect(statements.statements.map((s) => s.verb.id)).toContain("http://adlnet.gov/expapi/verbs/completed");

  // Leave the shared demo organisation as it was: the cohort cancelled, the trajectory archived.
  await postJson(page, `/api/cohorts/${cohort.id}/cancel`, {}, 200);
  await postJson(page, `/api/trajectories/${trajectoryId}/archive`, {}, 200);
});

test("a designer attaches a cmi5 course; a learner plays it and the course satisfied closes the task", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const trajectoryId = await copyOfTemplate(page, `cmi5 ${info.project.name} ${Date.now().toString(36)}`);
  await page.goto(`${APP}/trajectories/${trajectoryId}`);
  const theory = page.locator("li.activity", { hasText: THEORY });
  await theory.getByRole("button", { name: /Edit/ }).click();
  await theory.getByLabel("Upload a SCORM or cmi5 package (zip)").setInputFiles({
    name: "complaint-cmi5.zip",
    mimeType: "application/zip",
    buffer: fixtureZip("cmi5"),
  });
  await expect(theory.getByText("Handling a complaint (cmi5)")).toBeVisible();
  await expect(
    theory.getByText("The first minute of a complaint · pass mark 80% · done when completed and passed"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/Saved/).first()).toBeVisible();

  const { learner, cohort } = await enrolNewLearner(page, browser, info, {
    trajectoryId,
    tag: "cursus",
    name: "Cas Cursus",
  });
  await learner.getByRole("button", { name: "Start the module" }).click();

  // The AU itself fetches its credentials once, reads LMS.LaunchData and talks to the LRS.
  const au = learner.frameLocator("iframe.package-frame");
  await expect(au.getByText("Ready (Normal).")).toBeVisible();
  await expect(learner.getByText("In progress")).toBeVisible({ timeout: 15_000 });
  await expectAccessible(learner, "cmi5 course playing");
  await learner.screenshot({ path: `test-results/screens/packages-${info.project.name}-cmi5-playing.png` });
  // By keyboard, as in the SCORM journey: taps into a frame right after a re-layout can miss on a phone.
  await au.getByLabel("Listen until they have finished").press("Space");
  await expect(au.getByLabel("Listen until they have finished")).toBeChecked();
  await au.getByRole("button", { name: "Finish" }).press("Enter");
  await expect(au.getByText("Finished: passed.")).toBeVisible();
  // The page asks every few seconds while the AU plays: the course satisfied shows as completed.
  await expect(learner.getByText("Completed")).toBeVisible({ timeout: 15_000 });

  await learner.goto(`${APP}/today`);
  await expect(
    learner.getByTestId("today-items").getByRole("link", { name: new RegExp(THEORY) }),
  ).toHaveCount(0);
  const statements = await getJson<{ statements: { verb: { id: string } }[] }>(learner, "/api/me/statements");
  expect(statements.statements.map((s) => s.verb.id)).toContain("https://w3id.org/xapi/adl/verbs/satisfied");

  await postJson(page, `/api/cohorts/${cohort.id}/cancel`, {}, 200);
  await postJson(page, `/api/trajectories/${trajectoryId}/archive`, {}, 200);
});

test("a SCORM package in two parts: the learner sees each part's state and opens the second", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const trajectoryId = await copyOfTemplate(page, `Parts ${info.project.name} ${Date.now().toString(36)}`);
  await page.goto(`${APP}/trajectories/${trajectoryId}`);
  const theory = page.locator("li.activity", { hasText: THEORY });
  await theory.getByRole("button", { name: /Edit/ }).click();
  await theory.getByLabel("Upload a SCORM or cmi5 package (zip)").setInputFiles({
    name: "complaint-two-parts.zip",
    mimeType: "application/zip",
    buffer: fixtureZip("scorm12-multi"),
  });
  await expect(theory.getByText("Agreeing the next step · pass mark 80%")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/Saved/).first()).toBeVisible();

  const { learner, cohort } = await enrolNewLearner(page, browser, info, {
    trajectoryId,
    tag: "delen",
    name: "Dirk Delen",
  });
  await learner.getByRole("button", { name: "Start the module" }).click();
  const module = moduleFrame(learner);
  await module.getByLabel("Let them finish and say back what you heard").press("Space");
  await module.getByRole("button", { name: "Check my answer" }).press("Enter");
  await module.getByRole("button", { name: "Leave for now" }).press("Enter");
  await expect(learner.getByText("Your progress is saved.")).toBeVisible();

  // Both parts listed with where the learner stands; the second opens on its own.
  const parts = learner.getByRole("region", { name: "Parts of this module" });
  await expect(parts.getByRole("listitem")).toHaveCount(2);
  await expect(parts.getByRole("listitem").nth(0)).toContainText("In progress");
  await expect(parts.getByRole("listitem").nth(1)).toContainText("Not started");
  await parts.getByRole("button", { name: "Open Agreeing the next step" }).press("Enter");
  await expect(learner.locator("iframe.package-frame")).toHaveAttribute("title", "Agreeing the next step");
  await expect(parts.getByRole("listitem").nth(1)).toHaveAttribute("aria-current", "step");
  await expectAccessible(learner, "package with two parts");
  await learner.screenshot({ path: `test-results/screens/packages-${info.project.name}-parts.png` });

  await postJson(page, `/api/cohorts/${cohort.id}/cancel`, {}, 200);
  await postJson(page, `/api/trajectories/${trajectoryId}/archive`, {}, 200);
});
