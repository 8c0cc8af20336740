import type { Browser, Locator, Page, TestInfo } from "@playwright/test";
import { demoQuestions } from "../server/db/seed/demo-questions.ts";
import { expect, test } from "./support/test.ts";
import { anotherBrowser, APP, expectAccessible, useEnglish } from "./support/fixtures.ts";
import { acceptInvitation, invitationFor } from "./support/demo.ts";

/**
 * A colleague of the demo service team per device (as learner.spec.ts does with two others), so the
 * demo learner's own cards stay due for a newcomer trying the demo, and the two runs do not share cards.
 */
async function colleagueSignedIn(page: Page, browser: Browser, info: TestInfo): Promise<Page> {
  const name = info.project.name === "phone" ? "Fatima Bouzid" : "Pieter de Boer";
  const { link } = await invitationFor(page, name);
  const learner = await anotherBrowser(browser, info, "nl-NL");
  await acceptInvitation(learner, link, "een goed wachtwoord", name);
  return learner;
}

/** The demo question on screen, found by its situation and prompt (several share a prompt). */
async function questionOnScreen(card: Locator) {
  const prompt = (await card.getByRole("heading", { level: 2 }).textContent())!.trim();
  const situation = (await card.locator(".situation").count())
    ? (await card.locator(".situation").textContent())!.trim()
    : null;
  const question = demoQuestions.find((q) => q.prompt === prompt && (q.situation ?? null) === situation);
  expect(question, `demo question "${prompt}"`).toBeDefined();
  return { prompt, question: question! };
}

const words = {
  nl: {
    yourAnswer: "Jouw antwoord",
    compare: "Vergelijk met het modelantwoord",
    yes: "Ja",
    notYet: "Nog niet",
  },
  en: { yourAnswer: "Your answer", compare: "Compare with the model answer", yes: "Yes", notYet: "Not yet" },
};

/** Answers the card on screen right or, on purpose, wrong; returns its prompt. */
async function answerCard(learner: Page, right: boolean, language: "nl" | "en"): Promise<string> {
  const card = learner.locator(".practice-card");
  const { prompt, question } = await questionOnScreen(card);
  if (question.kind === "open") {
    await card.getByLabel(words[language].yourAnswer).fill("Ik erken eerst wat de klant voelt.");
    await card.getByRole("button", { name: words[language].compare }).click();
    await card
      .getByRole("button", { name: right ? words[language].yes : words[language].notYet, exact: true })
      .click();
  } else {
    const option = question.options!.find((o) => o.correct === right)!;
    await card.getByRole("button", { name: option.text, exact: true }).click();
  }
  return prompt;
}

async function screenshotOnPhone(learner: Page, info: TestInfo, name: string): Promise<void> {
  if (info.project.name === "phone")
    await learner.screenshot({ path: `test-results/practice-${name}.png`, fullPage: true });
}

test("a missed question is asked again in the session, and the recap says when each comes back", async ({
  page,
  browser,
}, info) => {
  const learner = await colleagueSignedIn(page, browser, info);
  await learner.goto(`${APP}/practice`);
  await expect(learner.getByRole("heading", { level: 1, name: "Oefenen" })).toBeVisible();
  const progress = learner.locator(".session-progress label");
  const total = Number(/van (\d+)$/.exec((await progress.textContent()) ?? "")![1]);
  expect(total).toBeGreaterThan(0);

  // The first question wrong on purpose, in Dutch: it will be asked again a little later.
  const missed = await answerCard(learner, false, "nl");
  await expect(learner.getByText("Niet helemaal")).toBeVisible();
  await expect(learner.getByTestId("card-next-due")).toHaveText(
    "Je krijgt deze vraag straks nog een keer, na een paar andere.",
  );
  await expect(progress).toHaveText(`Vraag 1 van ${total + 1}`);
  await expectAccessible(learner, "practice miss (nl)");
  await screenshotOnPhone(learner, info, "miss-nl");

  await useEnglish(learner);
  await expect(progress).toHaveText(`Question 1 of ${total + 1}`);
  let askedAgain = false;
  for (let position = 1; position <= total; position++) {
    await learner.getByRole("button", { name: "Next question" }).click();
    await expect(progress).toHaveText(`Question ${position + 1} of ${total + 1}`);
    const repeat = learner.getByText("Once more: you missed this one earlier");
    if (await repeat.isVisible()) {
      askedAgain = true;
      await expectAccessible(learner, "practice question asked again");
      await screenshotOnPhone(learner, info, "asked-again");
      expect(await answerCard(learner, true, "en")).toBe(missed);
    } else {
      await answerCard(learner, true, "en");
    }
    await expect(learner.getByText("Right", { exact: true })).toBeVisible();
  }
  expect(askedAgain).toBe(true);
  await learner.getByRole("button", { name: "Finish" }).click();

  const recap = learner.getByRole("region", { name: "How it went" });
  await expect(recap).toBeVisible();
  const lines = recap.getByTestId("practice-recap").getByRole("listitem");
  await expect(lines).toHaveCount(total);
  const missedLine = lines.filter({ hasText: missed });
  await expect(missedLine).toContainText("Missed, then right when asked again");
  await expect(missedLine).toContainText(/comes back (tomorrow|in \d+ days)/);
  await expect(
    lines.filter({ hasText: /^(?!.*Missed).*Right · comes back (tomorrow|in \d+ days)/ }),
  ).toHaveCount(total - 1);
  await expect(recap.getByText("1 right when asked again")).toBeVisible();
  await expect(learner.getByTestId("forecast")).toContainText(
    /Of the \d+ questions you have practised, you will probably still remember about \d+ in 10 a week from now\./,
  );
  await expectAccessible(learner, "practice recap (en)");
  await screenshotOnPhone(learner, info, "recap-en");

  await learner.getByRole("button", { name: "Nederlands" }).click();
  await expect(learner.getByRole("region", { name: "Zo ging het" })).toBeVisible();
  const missedInDutch = learner
    .getByTestId("practice-recap")
    .getByRole("listitem")
    .filter({ hasText: missed });
  await expect(missedInDutch).toContainText("Eerst mis, de tweede keer goed");
  await expect(missedInDutch).toContainText(/komt (morgen|over \d+ dagen) terug/);
  await expect(learner.getByTestId("forecast")).toContainText("op de 10");
  await expectAccessible(learner, "practice recap (nl)");
  await screenshotOnPhone(learner, info, "recap-nl");
  await learner.context().close();
});
