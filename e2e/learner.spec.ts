import type { Browser, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { anotherBrowser, APP, expectAccessible, signInInEnglish, useEnglish } from "./support/fixtures.ts";
import { acceptInvitation, goToDemoTrajectory, invitationFor } from "./support/demo.ts";

/**
 * Each project takes its own colleague from the demo service team (invited by the coordinator, as a
 * real one would be), so the demo learner's own cards stay due for a newcomer trying the demo.
 */
async function colleagueSignedIn(page: Page, browser: Browser, info: TestInfo): Promise<Page> {
  const name = info.project.name === "phone" ? "Sanne Jansen" : "Daan Bakker";
  const { link } = await invitationFor(page, name);
  const learner = await anotherBrowser(browser, info, "nl-NL");
  await acceptInvitation(learner, link, "een goed wachtwoord", name);
  return learner;
}

/** Answers the card on screen: the first option, or for an open question a short text and "Yes". */
async function answerCard(learner: Page): Promise<void> {
  const options = learner.locator(".options button");
  if ((await options.count()) > 0) {
    await options.first().click();
  } else {
    await learner.getByLabel("Your answer").fill("I call back on Thursday before noon.");
    await learner.getByRole("button", { name: "Compare with the model answer" }).click();
    await learner.getByRole("button", { name: "Yes", exact: true }).click();
  }
  // A miss is asked again later in the session; anything else says when it comes back.
  await expect(learner.getByTestId("card-next-due")).toContainText(
    /You will see this question again around|You get this question once more in a moment/,
  );
}

/**
 * Answers every card of the session on screen, reading how many there are from the progress label after
 * each answer: a miss is asked again later, so the session grows by one.
 */
async function answerSession(learner: Page, checkAccessibility: boolean): Promise<void> {
  const progress = learner.locator(".session-progress label");
  for (let index = 1; ; index++) {
    await expect(progress).toHaveText(new RegExp(`^Question ${index} of \\d+$`));
    await answerCard(learner);
    if (index === 1 && checkAccessibility) await expectAccessible(learner, "practice feedback");
    const total = Number(/of (\d+)/.exec((await progress.textContent()) ?? "")![1]);
    await learner.getByRole("button", { name: index < total ? "Next question" : "Finish" }).click();
    if (index >= total) break;
  }
  await expect(
    learner.getByRole("heading", { level: 2, name: /^(Done for today|A few more, while it is fresh)$/ }),
  ).toBeVisible();
}

test("a learner does today's practice and sees the next practice move from now to a later day", async ({
  page,
  browser,
}, info) => {
  const learner = await colleagueSignedIn(page, browser, info);
  await learner.getByRole("link", { name: "Open vandaag" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "Vandaag" })).toBeVisible();
  await expectAccessible(learner, "today (nl)");
  await useEnglish(learner);
  const todo = learner.getByTestId("today-items");
  await expect(todo.getByText("Practice questions")).toBeVisible();
  await expect(todo.getByText(/open since/).first()).toBeVisible();
  await expectAccessible(learner, "today (en)");

  await todo.getByRole("link", { name: "Start" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "Practice" })).toBeVisible();
  await expect(learner.getByTestId("next-due")).toHaveText("now");
  await expectAccessible(learner, "practice card");
  // Misses can bring related questions forward (extra practice within the budget): keep going until done.
  for (let round = 0; round < 5; round++) {
    await answerSession(learner, round === 0);
    const more = learner.getByRole("button", { name: "Continue" });
    if (!(await more.isVisible())) break;
    await more.click();
  }
  await expect(learner.getByRole("heading", { level: 2, name: "Done for today" })).toBeVisible();
  await expect(learner.getByTestId("next-due")).not.toHaveText("now");
  await expect(learner.getByTestId("next-due")).toHaveText(/\d/);
  await expectAccessible(learner, "practice done");

  await learner.getByRole("link", { name: "Back to today" }).click();
  await expect(learner.getByTestId("today-items").getByText("Practice questions")).toHaveCount(0);
  await learner.context().close();
});

test("a learner reads an earlier task, marks it done, and sets reminders and a calendar feed", async ({
  page,
}) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await page.goto(`${APP}/today`);
  const todo = page.getByTestId("today-items");
  // The short survey is answered and a check-in or feedback request closes through its tool, not with
  // a tick: take the first task of the learner's own.
  const first = todo
    .getByRole("listitem")
    .filter({ hasNotText: /vragenlijst|closes when your manager/i })
    .locator('a[href^="/learn/"]')
    .first();
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(page, "activity");
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(page.getByText("Done. Well done.")).toBeVisible();
  await page.getByRole("link", { name: "Back to today" }).click();
  await expect(page.getByTestId("today-items").getByRole("link", { name: title })).toHaveCount(0);
  await page.goto(`${APP}/profile`);
  await expect(page.getByRole("heading", { level: 2, name: "Reminders" })).toBeVisible();
  await page.getByLabel("Once a week (Monday)").check();
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByRole("button", { name: "Show my calendar address" }).click();
  const address = await page.getByLabel("Calendar address").inputValue();
  expect(address).toMatch(/\/api\/calendar-feeds\/[\w-]+\.ics$/);
  const feed = await page.request.get(address);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain("BEGIN:VEVENT");
  await expectAccessible(page, "profile with reminders");
});

test("a designer opens the question bank, sees where learners stumble, and finds the badges", async ({
  page,
}) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await goToDemoTrajectory(page, "Questions");
  await expect(page.getByRole("heading", { level: 2, name: /\d+ questions/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Where learners stumble" })).toBeVisible();
  await expectAccessible(page, "question bank");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("A scenario question needs a work situation.");
  await expectAccessible(page, "question form with errors");
  await page.getByRole("link", { name: "Back to the trajectory" }).click();
  await page.getByRole("link", { name: "Badges" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Rustig bij een boze klant" })).toBeVisible();
  await expectAccessible(page, "badges");
});
