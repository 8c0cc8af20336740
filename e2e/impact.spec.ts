import { readFile } from "node:fs/promises";
import { pdfPages } from "../test-support/pdf-text.ts";
import { expect, test } from "./support/test.ts";
import { APP, expectAccessible, signIn, signInInEnglish } from "./support/fixtures.ts";
import { goToDemoTrajectory, newOrganisationFigure } from "./support/demo.ts";

const FINISHED = "Kantoor en planning, klantgesprekken (voorjaar)";

test("the coordinator opens the impact of the finished demo cohort and downloads the PDF report", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await goToDemoTrajectory(page, "Impact");
  await expect(
    page.getByRole("heading", { level: 1, name: "Impact: Moeilijke klantgesprekken" }),
  ).toBeVisible();

  await page.getByLabel("Cohort").selectOption({ label: FINISHED });
  await expect(page.getByText("14 participants")).toBeVisible();
  // The picture: every tier, and completion is visibly not transfer.
  const chart = page.getByRole("img", { name: /Learners per LTEM tier/ });
  await expect(chart).toHaveAttribute("aria-label", /1 Attendance: 13.*7 Transfer: 5/);
  await expect(page.getByText(/Completion is not transfer/).first()).toBeVisible();
  await expect(page.getByText(/d_pre = .* standard deviations/)).toBeVisible();
  await expect(page.getByText("d_pre (headline)")).toBeVisible();
  await expect(page.getByText(/Context only/).first()).toBeVisible();
  await expect(page.getByText(/6 learners did not agree to be asked/)).toBeVisible();
  await expectAccessible(page, "impact dashboard");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Full report (PDF)" }).click(),
  ]);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const pages = await pdfPages(bytes);
  expect(pages[0]).toContain("Impact report");
  expect(pages[0]).toContain("Learners per LTEM tier");
  const rest = pages.slice(1).join(" ");
  for (const heading of ["Evidence per LTEM tier", "Effect size", "Learner survey", "Organisation figures"]) {
    expect(rest).toContain(heading);
  }

  // The same screen in Dutch.
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Deelnemers per LTEM-niveau" })).toBeVisible();
  await expectAccessible(page, "impact dashboard (nl)");
});

test("a designer sees the measurement plan in the editor", async ({ page }) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await goToDemoTrajectory(page);
  const plan = page.getByRole("region", { name: "Measurement plan" });
  await expect(plan.getByText(/Derived from the activities/)).toBeVisible();
  await expect(plan.getByLabel("Measure 1", { exact: true })).toHaveValue("attendance");
  await expectAccessible(page, "editor with measurement plan");
});

test("the coordinator corrects an organisation figure and a success-case interview, then marks it final", async ({
  page,
}, info) => {
  test.setTimeout(90_000);
  const run = `${info.project.name}-${Date.now().toString(36)}`;
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await goToDemoTrajectory(page, "Impact");
  await page.getByLabel("Cohort").selectOption({ label: FINISHED });

  // A figure typed with a word where the number belongs: "not a number", named by its label.
  const { kpis, add } = await newOrganisationFigure(page, `Complaints ${run}`, "forty");
  await add.getByRole("button", { name: "Save the figure" }).click();
  await expect(add.getByText("Before is not a number").first()).toBeVisible();
  await add.getByLabel("Before", { exact: true }).fill("40");
  await add.getByRole("button", { name: "Save the figure" }).click();
  const figure = kpis.getByRole("listitem").filter({ hasText: `Complaints ${run}` });
  await expect(figure).toBeVisible();
  await figure.getByRole("button", { name: `Change Complaints ${run}` }).click();
  await figure.getByLabel("After", { exact: true }).fill("31");
  await figure.getByLabel("Period after").fill("Q3");
  await expectAccessible(page, "organisation figure being corrected");
  await figure.getByRole("button", { name: "Save changes" }).click();
  await expect(figure).toContainText("31 (Q3)");
  page.once("dialog", (dialog) => void dialog.accept());
  await figure.getByRole("button", { name: `Remove Complaints ${run}` }).click();
  await expect(kpis.getByText(`Complaints ${run}`)).toHaveCount(0);

  // An interview: empty is refused at its first question; saved, corrected, then final and read-only.
  const cases = page.getByRole("region", { name: "Success cases" });
  const summary = cases.locator("details > summary").filter({ hasText: "Interview with" }).first();
  const name = ((await summary.textContent()) ?? "").replace("Interview with ", "").trim();
  await summary.click();
  const person = cases.getByRole("listitem").filter({ hasText: name }).first();
  await person.getByRole("button", { name: "Save the interview" }).click();
  await expect(person.getByRole("alert").first()).toContainText("The interview is empty");
  await person.getByLabel(/What did you use from the training/).fill(`Calm first ${run}`);
  await person.getByRole("button", { name: "Save the interview" }).click();
  await expect(person.getByText(`Calm first ${run}`)).toBeVisible();
  await person.getByRole("button", { name: `Change the interview with ${name}` }).click();
  await person.getByLabel(/What got in the way/).fill("Busy Mondays");
  await person.getByRole("button", { name: "Save the interview" }).click();
  await expect(person.getByText("Busy Mondays")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await person.getByRole("button", { name: `Mark the interview with ${name} final` }).click();
  await expect(person.getByText("Final: these notes no longer change")).toBeVisible();
  await expect(person.getByRole("button", { name: `Change the interview with ${name}` })).toHaveCount(0);
  await expectAccessible(page, "final interview");
});

test("a Dutch reader sees Dutch numbers and Dutch statistics text", async ({ page }) => {
  await signIn(page, "coordinator@demo.beklijf.nl");
  // An earlier journey may have left the coordinator in English.
  const dutch = page.getByRole("button", { name: "Nederlands" });
  if (await dutch.isVisible()) await dutch.click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await goToDemoTrajectory(page, "Impact");
  const effect = page.locator("section").filter({ has: page.locator("#impact-effect") });
  // "46,2%" and "0,50", never "46.2%" or "0.50", beside the Dutch hinge point.
  await expect(effect).toContainText(/\d+,\d%/);
  await expect(effect).toContainText(/d_pre = \d,\d\d/);
  await expect(effect).toContainText("scharnierpunt d = 0,40");
  await expect(effect).not.toContainText(/\d\.\d|hinge point/);
  await page.goto(`${APP}/evidence`);
  await expect(page.getByText("ρ = 0,36 (k = 35, N = 5.017); alleen steun ρ = 0,21")).toBeVisible();
  await expect(page.getByText(/support alone|hinge point/)).toHaveCount(0);
});
