import type { Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { copyOfTemplate, getJson, postJson, remove } from "./support/api.ts";
import { APP, expectAccessible, signInInEnglish, uniqueEmail, useEnglish } from "./support/fixtures.ts";
import { workingDayIn } from "../test-support/working-day.ts";

/** The demo's company that has just started: only its coordinator (server/db/seed/demo-starter.ts). */
const STARTER = "start@demo.beklijf.nl";

/**
 * Phone and laptop share the starter organisation: undo what a journey added (erase the people, archive
 * the trajectories, cancel the cohorts), so each journey starts from an organisation with nothing in it.
 */
async function backToTheStart(page: Page): Promise<void> {
  for (const cohort of await getJson<{ id: string; cancelledAt: string | null }[]>(page, "/api/cohorts")) {
    if (!cohort.cancelledAt) await postJson(page, `/api/cohorts/${cohort.id}/cancel`, {}, 200);
  }
  for (const trajectory of await getJson<{ id: string }[]>(page, "/api/trajectories")) {
    await postJson(page, `/api/trajectories/${trajectory.id}/archive`, {}, 200);
  }
  for (const person of await getJson<{ id: string; email: string }[]>(page, "/api/people")) {
    if (person.email !== STARTER) await remove(page, `/api/people/${person.id}`);
  }
}

const step = (page: Page, action: string) =>
  page
    .getByRole("region", { name: /First steps|Eerste stappen/ })
    .getByRole("listitem")
    .filter({
      has: page.getByRole("link", { name: action }),
    });

test("a new organisation's coordinator sees the first steps tick themselves off", async ({ page }, info) => {
  await signInInEnglish(page, STARTER);
  await backToTheStart(page);
  await page.goto(APP);
  const steps = page.getByRole("region", { name: "First steps" });
  await expect(steps).toContainText("0 of 5 done");
  await expect(step(page, "Add your people")).toContainText("To do:");
  await expect(step(page, "Plan a cohort")).toContainText("To do:");
  await expectAccessible(page, "a new organisation's home");

  // Add a person where the step leads, then plan a cohort from a template.
  await step(page, "Add your people").getByRole("link").click();
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill("Noor Nieuw");
  await form.getByLabel("Email address").fill(uniqueEmail("noor-start", info.project.name));
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByRole("status")).toHaveText("Noor Nieuw has been added.");
  await page.goto(APP);
  await expect(step(page, "Add your people")).toContainText("Done:");
  await expect(step(page, "Add your people")).toContainText("1 person added");
  await expect(step(page, "Invite your people")).toContainText("1 person invited");
  await expect(step(page, "Plan a cohort")).toContainText("To do:");

  const people = await getJson<{ id: string; email: string }[]>(page, "/api/people");
  const trajectoryId = await copyOfTemplate(page, `Start ${info.project.name}`);
  await postJson(page, "/api/cohorts", {
    trajectoryId,
    name: "Eerste groep",
    sessionDates: [workingDayIn(14)],
    personIds: people.filter((p) => p.email !== STARTER).map((p) => p.id),
  });
  await page.reload();
  await expect(steps).toContainText("4 of 5 done");
  await expect(step(page, "Plan a cohort")).toContainText("1 cohort planned");
  await expect(step(page, "Choose a trajectory template")).toContainText("1 trajectory");
  await expect(step(page, "Run a culture scan")).toContainText("To do:");
  await expectAccessible(page, "a new organisation's home, four steps done");
  await page.screenshot({
    path: `test-results/coordinator-home-new-${info.project.name}.png`,
    fullPage: true,
  });

  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("region", { name: "Eerste stappen" })).toContainText("4 van 5 gedaan");
  await expect(step(page, "Plan een groep")).toContainText("1 groep gepland");
  await expectAccessible(page, "a new organisation's home in Dutch");
  // The language is kept per person: leave her in English for the next journey.
  await useEnglish(page);
  await backToTheStart(page);
});

test("the demo coordinator sees running cohorts by tier, what is overdue, the latest scan and impact", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Carla");
  // Every first step is done in the demo, so the home leads with what is running.
  await expect(page.getByRole("region", { name: "First steps" })).toHaveCount(0);
  const running = page.getByRole("region", { name: "Running cohorts" });
  const chart = running.getByRole("img", { name: /Learners per LTEM tier/ }).first();
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute("aria-label", /1 Attendance: \d+.*7 Transfer: \d+/);
  await expect(running.getByText(/overdue|Nothing overdue/).first()).toBeVisible();

  const scan = page.getByRole("region", { name: "Latest culture scan" });
  await expect(scan.getByText(/people answered/)).toBeVisible();
  await expect(scan.getByText(/^(Planned|Open|Closed)$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Impact of Moeilijke klantgesprekken" })).toBeVisible();
  await expectAccessible(page, "the demo coordinator's home");
  await page.screenshot({
    path: `test-results/coordinator-home-demo-${info.project.name}.png`,
    fullPage: true,
  });

  await page.getByRole("link", { name: "Impact of Moeilijke klantgesprekken" }).click();
  await expect(page.getByRole("img", { name: /Learners per LTEM tier/ })).toBeVisible();

  await page.goto(APP);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("region", { name: "Lopende groepen" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Laatste cultuurscan" })).toBeVisible();
  await expectAccessible(page, "the demo coordinator's home in Dutch");
  // The language is kept per person, and other journeys sign Carla in expecting English.
  await useEnglish(page);
});
