import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test.ts";
import { APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";

/**
 * Thursday 21 December 2028: the customer-conversations offsets reach a weekend, Christmas Day (a
 * Monday), Boxing Day and New Year's Day from here. Far enough ahead to stay in the future.
 */
const FIRST_DAY = "2028-12-21";
const CHRISTMAS = "2028-12-25";
const SECOND_DAY = "2029-01-04";

test("the coordinator sets the working week, plans a cohort over Christmas, sees the moved dates and downloads its calendar", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");

  // The organisation's country and working week; an empty week is refused, naming the field.
  await page.goto(`${APP}/organisation`);
  const week = page.getByRole("form", { name: "Country and working week" });
  await expect(week.getByLabel("Country")).toHaveValue("NL");
  await expect(week.getByRole("checkbox", { name: "Friday" })).toBeChecked();
  await expect(week.getByRole("checkbox", { name: "Saturday" })).not.toBeChecked();
  await expectAccessible(page, "organisation with the working week");
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    await week.getByRole("checkbox", { name: day }).uncheck();
  await week.getByRole("button", { name: "Save" }).click();
  await expect(week.getByRole("alert")).toContainText(
    "Working days: choose at least one day on which people work.",
  );
  await expectAccessible(page, "organisation with an empty working week");
  await page.reload();
  await expect(week.getByRole("checkbox", { name: "Monday" })).toBeChecked();

  // A practice day on Christmas Day is refused with the reason, not moved silently.
  await page.goto(`${APP}/cohorts/new`);
  const name = `Winter course (${info.project.name})`;
  await page.getByLabel("Trajectory").selectOption({ label: "Moeilijke klantgesprekken" });
  await page.getByLabel("Name of the cohort").fill(name);
  await page.getByLabel("Practice day 1").fill(FIRST_DAY);
  await page.getByRole("button", { name: "Add another practice day" }).click();
  await page.getByLabel("Practice day 2").fill(CHRISTMAS);
  await page.getByRole("checkbox", { name: "Montage" }).check();
  await page.getByRole("button", { name: "Plan and show the schedule" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Practice-day dates: Monday, 25 December 2028 is a public holiday (Christmas Day); choose another day.",
  );
  await expectAccessible(page, "plan a cohort on a holiday");
  await page.getByLabel("Practice day 2").fill(SECOND_DAY);
  await page.getByRole("button", { name: "Plan and show the schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // Both practice days are on the calendar, and what moved off a day off says from where to where.
  const onScreen = (text: string | RegExp) => page.getByText(text).filter({ visible: true }).first();
  await expect(onScreen(/Practice day 1/)).toBeVisible();
  await expect(onScreen(/Practice day 2/)).toBeVisible();
  const moved = page.locator(".moved-activities");
  await expect(moved.getByRole("heading", { name: "Moved off days off" })).toBeVisible();
  // Two days after is Saturday 23 December; Christmas and Boxing Day follow: Wednesday the 27th.
  await expect(moved.getByText("Oefenvragen (5 minuten): Sat 23 Dec → Wed 27 Dec")).toBeVisible();
  // Before-work moves earlier: five days before is a Saturday, so the Friday.
  await expect(
    moved.getByText("Twee opgenomen gesprekken: een dat misgaat, een dat werkt: Sat 16 Dec → Fri 15 Dec"),
  ).toBeVisible();
  // Ten days after is Sunday 31 December, and New Year's Day is a Monday.
  await expect(
    moved.getByText(/Vraag een collega om feedback op een echt gesprek: Sun 31 Dec → Tue 2 Jan/),
  ).toBeVisible();
  await expectAccessible(page, "cohort with moved dates");
  if (info.project.name === "phone")
    await page.screenshot({
      path: `test-results/working-days-cohort-${info.project.name}.png`,
      fullPage: true,
    });

  // The calendar for the trainer and the room: an iCalendar file with both practice days.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Calendar for the trainer and the room" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^winter-course-(laptop|phone)\.ics$/);
  const ics = await readFile((await download.path())!, "utf8");
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics).toContain("DTSTART;VALUE=DATE:20281221");
  expect(ics).toContain("DTSTART;VALUE=DATE:20290104");
  expect(ics).toContain("SUMMARY:Practice day 2: Winter course");
  expect(ics).not.toContain("DTSTART;VALUE=DATE:20281225");

  // The same in Dutch.
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(onScreen(/Praktijkdag 2/)).toBeVisible();
  await expect(moved.getByRole("heading", { name: "Verschoven van vrije dagen" })).toBeVisible();
  await expect(moved.getByText(/Oefenvragen \(5 minuten\): za 23 dec\.? → wo 27 dec/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Agenda voor de trainer en de zaal" })).toBeVisible();
  await expectAccessible(page, "cohort with moved dates (Dutch)");
  if (info.project.name === "phone")
    await page.screenshot({
      path: `test-results/working-days-cohort-nl-${info.project.name}.png`,
      fullPage: true,
    });
  await page.goto(`${APP}/organisation`);
  await expect(page.getByRole("form", { name: "Land en werkweek" }).getByLabel("Land")).toHaveValue("NL");
  await expectAccessible(page, "organisation (Dutch)");
  if (info.project.name === "phone")
    await page.screenshot({
      path: `test-results/working-days-organisation-nl-${info.project.name}.png`,
      fullPage: true,
    });
});
