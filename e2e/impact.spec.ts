import { readFile } from "node:fs/promises";
import { pdfPages } from "../test-support/pdf-text.ts";
import { APP, expectAccessible, signIn, useEnglish } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

const FINISHED = "Kantoor en planning, klantgesprekken (voorjaar)";

test("the coordinator opens the impact of the finished demo cohort and downloads the PDF report", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "coordinator@demo.beklijf.nl");
  await useEnglish(page);
  await page.goto(`${APP}/trajectories`);
  await page
    .getByRole("link", { name: /Moeilijke klantgesprekken/ })
    .first()
    .click();
  await page.getByRole("link", { name: "Impact" }).click();
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
  await signIn(page, "coordinator@demo.beklijf.nl");
  await useEnglish(page);
  await page.goto(`${APP}/trajectories`);
  await page
    .getByRole("link", { name: /Moeilijke klantgesprekken/ })
    .first()
    .click();
  const plan = page.getByRole("region", { name: "Measurement plan" });
  await expect(plan.getByText(/Derived from the activities/)).toBeVisible();
  await expect(plan.getByLabel("Measure 1", { exact: true })).toHaveValue("attendance");
  await expectAccessible(page, "editor with measurement plan");
});

test("a Dutch reader sees Dutch numbers and Dutch statistics text", async ({ page }) => {
  await signIn(page, "coordinator@demo.beklijf.nl");
  // An earlier journey may have left the coordinator in English.
  const dutch = page.getByRole("button", { name: "Nederlands" });
  if (await dutch.isVisible()) await dutch.click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.goto(`${APP}/trajectories`);
  await page
    .getByRole("link", { name: /Moeilijke klantgesprekken/ })
    .first()
    .click();
  await page.getByRole("link", { name: "Impact" }).click();
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
