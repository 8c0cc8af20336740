import type { Page } from "@playwright/test";
import type { AssessmentBoard, AttendanceView } from "../common/schemas/attendance.ts";
import { expect, test } from "./support/test.ts";
import { API_HEADERS, getJson, postJson } from "./support/api.ts";
import { anotherBrowser, APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";
import { goToDemoTrajectory } from "./support/demo.ts";

const SERVICE = "Serviceteam, klantgesprekken";
const FINISHED = "Kantoor en planning, klantgesprekken (voorjaar)";

async function cohortIdOf(page: Page, name: string): Promise<string> {
  const cohorts = await getJson<{ id: string; name: string }[]>(page, "/api/cohorts");
  return cohorts.find((c) => c.name === name)!.id;
}

/** The number of learners the impact chart shows on LTEM tier 6 for the finished cohort. */
async function tierSixOnScreen(page: Page): Promise<number> {
  await goToDemoTrajectory(page, "Impact");
  await page.getByLabel("Cohort").selectOption({ label: FINISHED });
  const chart = page.getByRole("img", { name: /Learners per LTEM tier/ });
  await expect(chart).toHaveAttribute("aria-label", /6 [^:]+: \d+/);
  return Number(/6 [^:]+: (\d+)/.exec((await chart.getAttribute("aria-label"))!)![1]);
}

test("the coordinator takes attendance for a past practice day, one record per tap, in English and Dutch", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const cohortId = await cohortIdOf(page, SERVICE);
  await page.goto(`${APP}/cohorts/${cohortId}`);
  const register = page.getByRole("region", { name: "Attendance" });
  await expect(register.getByLabel("Practice day")).toBeVisible();
  const before = await getJson<AttendanceView>(page, `/api/cohorts/${cohortId}/attendance`);
  const day = before.openDates.at(-1)!;
  // The second participant: the first stays untouched for other journeys on the demo.
  const person = before.participants[1]!;
  const row = register.getByRole("group", { name: new RegExp(`^${person.name}`) });
  await row.getByText("Absent", { exact: true }).click();
  await expect(row.getByText("✓ Saved")).toBeVisible();

  // A double tap on "Present" sends one write and leaves one record for the day.
  const writes: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "PUT" && r.url().endsWith(`/api/cohorts/${cohortId}/attendance`)) writes.push(r.url());
  });
  await row.getByText("Present", { exact: true }).dblclick();
  await expect(row.getByRole("radio", { name: "Present" })).toBeChecked();
  await expect(row.getByText("✓ Saved")).toBeVisible();
  expect(writes).toHaveLength(1);
  const after = await getJson<AttendanceView>(page, `/api/cohorts/${cohortId}/attendance`);
  expect(after.participants.find((p) => p.personId === person.personId)!.days[day]).toEqual({
    status: "present",
    note: null,
  });

  // A note, then the register as a whole for the phone screenshot.
  const listItem = register.getByRole("listitem").filter({ hasText: person.name });
  await listItem.getByText("Note", { exact: true }).click();
  await listItem.getByLabel(`Note for ${person.name}`).fill("Came at ten");
  await listItem.getByRole("button", { name: "Save note" }).click();
  await expect(listItem.getByText("Note: Came at ten")).toBeVisible();
  await expect(register.getByText(/\d+ present · \d+ excused · \d+ absent · \d+ to record/)).toBeVisible();
  await expectAccessible(page, "attendance register");
  await register.screenshot({ path: `test-results/attendance-${info.project.name}.png` });
  // The note is corrected away again, so the next run (phone after laptop) starts alike.
  await listItem.getByLabel(`Note for ${person.name}`).fill("");
  await listItem.getByRole("button", { name: "Save note" }).click();
  await expect(listItem.getByText("Note", { exact: true })).toBeVisible();

  // A practice day still to come: the form says so instead of offering the register.
  const planned = await cohortIdOf(page, "Montage, veilig werken op hoogte");
  await page.goto(`${APP}/cohorts/${planned}`);
  await expect(page.getByRole("region", { name: "Attendance" }).getByRole("note")).toHaveText(
    /still to come/,
  );
  await expect(page.getByRole("radio", { name: "Present" })).toHaveCount(0);

  await page.goto(`${APP}/cohorts/${cohortId}`);
  await page.getByRole("button", { name: "Nederlands" }).click();
  const dutch = page.getByRole("region", { name: "Aanwezigheid" });
  await expect(
    dutch
      .getByRole("group", { name: new RegExp(`^${person.name}`) })
      .getByRole("radio", { name: "Aanwezig" }),
  ).toBeChecked();
  await expectAccessible(page, "attendance register (nl)");
  await page.getByRole("button", { name: "English" }).click();
});

test("the coordinator scores a competence proof and tier 6 moves; undone afterwards", async ({
  page,
}, info) => {
  test.setTimeout(90_000);
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const cohortId = await cohortIdOf(page, FINISHED);
  const board = await getJson<AssessmentBoard>(page, `/api/cohorts/${cohortId}/assessments`);
  const share = (p: AssessmentBoard["participants"][number]) => {
    const scores = p.results[0]?.scores ?? [];
    return (
      scores.reduce((a, s) => a + s.score, 0) /
      Math.max(
        1,
        scores.reduce((a, s) => a + s.max, 0),
      )
    );
  };
  // Someone whose proof is below the pass mark, with earlier scores to put back afterwards.
  const learner = board.participants.find((p) => p.results.length > 0 && share(p) < 0.7)!;
  const tierBefore = await tierSixOnScreen(page);

  await page.goto(`${APP}/cohorts/${cohortId}`);
  const panel = page.getByRole("region", { name: "Competence proofs" });
  await panel.getByLabel("Participant").selectOption({ label: `${learner.name} (scored)` });
  for (const competence of board.competences) {
    await panel.getByRole("group", { name: competence.name }).getByText("3 – shown", { exact: true }).click();
  }
  await panel.getByLabel("Feedback for the learner").fill("Calm and clear; ask one more question next time.");
  await expectAccessible(page, "assessor form");
  await panel.screenshot({ path: `test-results/assessor-${info.project.name}.png` });
  await panel.getByRole("button", { name: "Save assessment" }).click();
  await expect(panel.getByText(`Assessment saved: ${learner.name} can read it now.`)).toBeVisible();

  expect(await tierSixOnScreen(page)).toBe(tierBefore + 1);
  await expectAccessible(page, "impact after the assessment");

  // Put the demo back as it was for the other journeys.
  await postJson(page, `/api/cohorts/${cohortId}/assessments`, {
    personId: learner.personId,
    activityId: learner.results[0]!.activityId,
    scores: learner.results[0]!.scores.map(({ competenceId, score, max }) => ({ competenceId, score, max })),
    comment: learner.results[0]!.comment,
  });
  expect(await tierSixOnScreen(page)).toBe(tierBefore);
});

test("the learner reads her competence proof's result and feedback, in English and Dutch", async ({
  page,
  browser,
}, info) => {
  const coordinator = await browser.newContext({ ...info.project.use });
  const coordinatorPage = await coordinator.newPage();
  await signInInEnglish(coordinatorPage, "coordinator@demo.beklijf.nl");
  const cohortId = await cohortIdOf(coordinatorPage, SERVICE);
  const board = await getJson<AssessmentBoard>(coordinatorPage, `/api/cohorts/${cohortId}/assessments`);
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  const self = await getJson<{ person: { id: string; name: string } }>(page, "/api/me");
  const activityId = board.proofs[0]!.activityId;
  // Below the pass mark, so the badges other journeys expect her to be working towards stay open.
  const scored = await coordinatorPage.request.post(`${APP}/api/cohorts/${cohortId}/assessments`, {
    headers: API_HEADERS,
    data: {
      personId: self.person.id,
      activityId,
      scores: board.competences.map((c) => ({ competenceId: c.id, score: 2, max: 4 })),
      comment: "Good start: you stayed calm. Next time, summarise before you offer a solution.",
    },
  });
  expect(scored.status()).toBe(201);
  await coordinator.close();

  await page.goto(`${APP}/learn/${cohortId}/${activityId}`);
  const result = page.getByRole("region", { name: "Your assessment" });
  await expect(result.getByText("Good start: you stayed calm.", { exact: false })).toBeVisible();
  await expect(result.getByText("2 – partly shown").first()).toBeVisible();
  await expect(result.getByText(/Assessed by .+ on /)).toBeVisible();
  await expectAccessible(page, "the learner's assessment");
  await page.screenshot({ path: `test-results/my-assessment-${info.project.name}.png`, fullPage: true });

  await page.getByRole("button", { name: "Nederlands" }).click();
  const dutch = page.getByRole("region", { name: "Jouw beoordeling" });
  await expect(dutch.getByText("2 – deels laten zien").first()).toBeVisible();
  await expectAccessible(page, "the learner's assessment (nl)");
  await page.getByRole("button", { name: "English" }).click();
});

test("a colleague named as assessor finds 'To assess' in her menu and scores there; unnamed, the page says why not", async ({
  page,
  browser,
}, info) => {
  const coordinator = await anotherBrowser(browser, info);
  await signInInEnglish(coordinator, "coordinator@demo.beklijf.nl");
  const cohortId = await cohortIdOf(coordinator, FINISHED);
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  const self = await getJson<{ person: { id: string } }>(page, "/api/me");
  const nameAssessors = async (personIds: string[]) => {
    const response = await coordinator.request.put(`${APP}/api/cohorts/${cohortId}/assessors`, {
      headers: API_HEADERS,
      data: { personIds },
    });
    expect(response.status()).toBe(200);
  };
  await nameAssessors([self.person.id]);

  await page.goto(`${APP}/`);
  await page.getByRole("navigation").getByRole("link", { name: "To assess" }).click();
  const card = page.getByRole("region", { name: FINISHED });
  await expect(card.getByText(/\d+ of \d+ scored/)).toBeVisible();
  await expectAccessible(page, "to assess");
  await page.screenshot({ path: `test-results/to-assess-${info.project.name}.png`, fullPage: true });
  await card.getByRole("link", { name: `Score ${FINISHED}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Assess: ${FINISHED}` })).toBeVisible();
  const panel = page.getByRole("region", { name: "Competence proofs" });
  await expect(panel.getByLabel("Participant")).toBeVisible();
  // A named assessor scores; naming other assessors stays with the coordinator.
  await expect(panel.getByRole("button", { name: "Save assessors" })).toHaveCount(0);
  await expectAccessible(page, "assessing a cohort");

  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Beoordelen: ${FINISHED}` })).toBeVisible();
  await expectAccessible(page, "assessing a cohort (nl)");
  await page.getByRole("button", { name: "English" }).click();

  await nameAssessors([]);
  await page.reload();
  await expect(page.getByText("You are not an assessor for this cohort")).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "To assess" })).toHaveCount(0);
  await coordinator.context().close();
});
