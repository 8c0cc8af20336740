import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { anotherBrowser, APP, signInInEnglish, uniqueEmail } from "./support/fixtures.ts";
import { goToDemoTrajectory, newOrganisationFigure } from "./support/demo.ts";
import { copyOfTemplate, getJson, postJson, remove } from "./support/api.ts";

/**
 * A real double click on the submit button of every create form makes ONE record. The web app sends one
 * Idempotency-Key per submission and the server replays its first answer; these journeys prove it in
 * the browser, counting the records afterwards through the same API the screens read.
 *
 * Covered: a team, a person, a culture scan, a culture-scan action, an organisation figure (KPI), an
 * action plan, an application log entry, a check-in and a question in the question bank. What a journey
 * adds to the shared demo data (a plan, a check-in, a figure, a scan and its action) is removed again
 * afterwards, so the journeys that run later see the demo as it was.
 */

/** Unique per run and per project, so phone and laptop runs and re-runs do not collide. */
const unique = (info: TestInfo) => `${info.project.name} ${Date.now()}`;

test("a double click on 'Create team' makes one team", async ({ page }, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/teams`);
  const name = `Double click ${unique(info)}`;
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).dblclick();
  await expect(page.getByText("The team has been created.")).toBeVisible();
  const teams = await getJson<{ name: string }[]>(page, "/api/teams");
  expect(teams.filter((team) => team.name === name)).toHaveLength(1);
});

test("a double click on 'Add person' makes one person", async ({ page }, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/people`);
  const name = `Dubbel Klik ${unique(info)}`;
  const email = uniqueEmail("double-click", info.project.name);
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Email an invitation now").uncheck();
  await form.getByRole("button", { name: "Add person" }).dblclick();
  await expect(form.getByText(`${name} has been added.`)).toBeVisible();
  const people = await getJson<{ email: string }[]>(page, "/api/people");
  expect(people.filter((person) => person.email.toLowerCase() === email.toLowerCase())).toHaveLength(1);
});

test("a double click on 'Start the scan' makes one culture scan", async ({ page }, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/culture-scans`);
  const title = `Double click ${unique(info)}`;
  const form = page.getByRole("form", { name: "New scan" });
  await form.getByLabel("Title").fill(title);
  await form.getByRole("checkbox", { name: "Montage", exact: true }).check();
  // Planned far ahead: no links go out to the demo team, and a planned scan can be deleted afterwards.
  await form.getByLabel("Opening date").fill("2099-06-01");
  await form.getByLabel("Closing date").fill("2099-12-31");
  await form.getByRole("button", { name: "Start the scan and send the links" }).dblclick();
  await expect(form.getByRole("status")).toHaveText("The scan has started; the links are on their way.");
  const scans = await getJson<{ id: string; title: string }[]>(page, "/api/culture-scans");
  const made = scans.filter((scan) => scan.title === title);
  expect(made).toHaveLength(1);
  await remove(page, `/api/culture-scans/${made[0]!.id}`);
});

test("a double click on 'Save action' makes one action in the scan's action plan", async ({ page }, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const scans = await getJson<{ id: string; status: string; responses: number }[]>(
    page,
    "/api/culture-scans",
  );
  const closedId = scans.find((scan) => scan.status === "closed" && scan.responses >= 10)!.id;
  await page.goto(`${APP}/culture-scans/${closedId}`);
  const owner = `Owner ${unique(info)}`;
  const recommendation = page.locator("ol.findings > li").first();
  await recommendation.getByRole("button", { name: /^Add to action plan/ }).click();
  await recommendation.getByLabel("Owner").fill(owner);
  await recommendation.getByRole("button", { name: "Save action" }).dblclick();
  await expect(recommendation.getByText("Added to the action plan.")).toBeVisible();
  const results = await getJson<{ actions: { id: string; scanId: string; owner: string }[] }>(
    page,
    `/api/culture-scans/${closedId}/results`,
  );
  const made = results.actions.filter((action) => action.owner === owner);
  expect(made).toHaveLength(1);
  await remove(page, `/api/culture-scans/${closedId}/actions/${made[0]!.id}`);
});

test("a double click on 'Save the figure' makes one organisation figure", async ({ page }, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await goToDemoTrajectory(page, "Impact");
  await expect(
    page.getByRole("heading", { level: 1, name: "Impact: Moeilijke klantgesprekken" }),
  ).toBeVisible();
  const trajectoryId = /\/trajectories\/([^/]+)\/impact/.exec(page.url())![1]!;
  const name = `Complaints ${unique(info)}`;
  const { kpis, add } = await newOrganisationFigure(page, name, "40");
  await add.getByRole("button", { name: "Save the figure" }).dblclick();
  await expect(kpis.getByRole("listitem").filter({ hasText: name })).toBeVisible();
  const figures = await getJson<{ kpis: { id: string; name: string }[] }>(
    page,
    `/api/trajectories/${trajectoryId}/kpis`,
  );
  const made = figures.kpis.filter((kpi) => kpi.name === name);
  expect(made).toHaveLength(1);
  await remove(page, `/api/trajectories/${trajectoryId}/kpis/${made[0]!.id}`);
});

type Plan = { id: string; action: string; applications: { whatHappened: string }[] };

/** Writes a plan on the plans page, submitted with a single or a double click. */
async function writePlan(page: Page, action: string, submit: "click" | "dblclick"): Promise<void> {
  await page.goto(`${APP}/plans`);
  await expect(page.getByRole("heading", { level: 1, name: "My plans" })).toBeVisible();
  await page.getByLabel("When… (the situation at work)").fill("When a customer calls about a late repair");
  await page.getByLabel("…then I will (what you do first)").fill(action);
  await page.getByRole("button", { name: "Save the plan" })[submit]();
  await expect(page.getByText("Your plan is saved")).toBeVisible();
}

async function archivePlans(page: Page, action: string): Promise<void> {
  for (const plan of (await getJson<Plan[]>(page, "/api/me/action-plans")).filter(
    (p) => p.action === action,
  )) {
    await postJson(page, `/api/action-plans/${plan.id}/archive`, {}, 200);
  }
}

test("a double click on 'Save the plan' makes one action plan", async ({ page }, info) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  const action = `I repeat the promised date aloud (${unique(info)})`;
  await writePlan(page, action, "dblclick");
  const plans = await getJson<Plan[]>(page, "/api/me/action-plans");
  expect(plans.filter((plan) => plan.action === action)).toHaveLength(1);
  // Leave the demo learner with no more plans than before.
  await archivePlans(page, action);
});

test("a double click on 'Save' in the log makes one application entry", async ({ page }, info) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  const run = unique(info);
  const action = `I name the frustration first (${run})`;
  await writePlan(page, action, "click");
  const happened = `The customer calmed down (${run})`;
  const plan = page.locator("li.plan", { hasText: action });
  await plan.getByRole("button", { name: /The situation came: log it/ }).click();
  await plan.getByLabel("It went well").check();
  await plan.getByLabel("What happened").fill(happened);
  await plan.getByRole("button", { name: "Save", exact: true }).dblclick();
  await expect(plan.getByText(/Logged\. Thank you/)).toBeVisible();
  const plans = await getJson<Plan[]>(page, "/api/me/action-plans");
  const mine = plans.filter((p) => p.action === action);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.applications.filter((a) => a.whatHappened === happened)).toHaveLength(1);
  await archivePlans(page, action);
});

test("a double click on 'Save the check-in' makes one check-in", async ({ page, browser }, info) => {
  await signInInEnglish(page, "manager@demo.beklijf.nl");
  await page.goto(`${APP}/team`);
  const agreements = `Look back on Thursday (${unique(info)})`;
  const femke = page.locator("li.member", { hasText: "Femke de Wit" });
  await femke.getByText(/Check-in guide/).click();
  await femke.getByLabel("Agreements").fill(agreements);
  await femke.getByRole("button", { name: "Save the check-in" }).dblclick();
  await expect(femke.getByText(agreements)).toBeVisible();

  // The team screen shows only the last check-in; Femke's own data export holds all of them.
  const learner = await anotherBrowser(browser, info);
  await signInInEnglish(learner, "learner@demo.beklijf.nl");
  const exported = await getJson<{ learning: { checkIns: { agreements: string }[] } }>(
    learner,
    "/api/me/export",
  );
  expect(exported.learning.checkIns.filter((c) => c.agreements === agreements)).toHaveLength(1);
  await learner.context().close();

  const team = await getJson<{
    teams: { members: { name: string; lastCheckIn: { id: string; agreements: string } | null }[] }[];
  }>(page, "/api/team");
  const made = team.teams
    .flatMap((t) => t.members)
    .map((m) => m.lastCheckIn)
    .find((c) => c?.agreements === agreements)!;
  await remove(page, `/api/team/check-ins/${made.id}`);
});

test("a double click on 'Save' in the question bank makes one question", async ({ page }, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  // A trajectory of its own: a new question in a demo trajectory would reach the learners' practice.
  const trajectoryId = await copyOfTemplate(page, `Question bank ${unique(info)}`);
  await page.goto(`${APP}/trajectories/${trajectoryId}/questions`);
  await page.getByRole("button", { name: "Add a question" }).click();
  const form = page.getByRole("form", { name: "Add a question" });
  const prompt = `What do you say first? (${unique(info)})`;
  await form.getByLabel("Kind of question").selectOption({ label: "Open question" });
  await form.getByLabel("Question", { exact: true }).fill(prompt);
  await form.getByLabel("Model answer").fill("That I understand the frustration.");
  await form.getByRole("button", { name: "Save", exact: true }).dblclick();
  await expect(form).toHaveCount(0);
  await expect(page.locator("strong", { hasText: prompt })).toBeVisible();
  const bank = await getJson<{ questions: { prompt: string }[] }>(
    page,
    `/api/trajectories/${trajectoryId}/questions`,
  );
  expect(bank.questions.filter((question) => question.prompt === prompt)).toHaveLength(1);
});
