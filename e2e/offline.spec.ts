import type { Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { getJson, remove } from "./support/api.ts";
import { acceptInvitation, invitationFor } from "./support/demo.ts";
import { anotherBrowser, APP, expectAccessible, signIn, signInInEnglish } from "./support/fixtures.ts";

// The service worker is what opens the app without a connection: this spec needs it running.
test.use({ serviceWorkers: "allow" });

const LEARNER = "learner@demo.beklijf.nl";

interface Export {
  learning: { answers: { question: string }[] };
}
interface Plan {
  id: string;
  applications: { id: string; whatHappened: string }[];
}

/** From here on a reload works offline: the service worker has the app shell and controls the page. */
async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The last sync as the app keeps it in IndexedDB (the persisted query cache), as text; "" if none. */
function lastSync(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open("beklijf");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("device")) return resolve("");
          const read = db.transaction("device").objectStore("device").get("query-cache");
          read.onsuccess = () => resolve(typeof read.result === "string" ? read.result : "");
        };
        open.onerror = () => resolve("");
      }),
  );
}

/** How many answers the server holds per question (from the learner's own data export). */
async function answerCounts(page: Page): Promise<Map<string, number>> {
  const data = await getJson<Export>(page, "/api/me/export");
  const counts = new Map<string, number>();
  for (const { question } of data.learning.answers) counts.set(question, (counts.get(question) ?? 0) + 1);
  return counts;
}

/**
 * Answers the card on screen (the first option, or a short text rated "Yes"); returns its question and
 * card id (several scenario cards share a prompt such as "What do you do?").
 */
async function answerCard(page: Page): Promise<{ prompt: string; cardId: string }> {
  const card = page.locator(".practice-card");
  const heading = card.getByRole("heading", { level: 2 });
  const prompt = (await heading.textContent())!;
  const cardId = (await heading.getAttribute("id"))!.replace(/^q-/, "");
  const options = card.locator(".options button");
  if ((await options.count()) > 0) {
    await options.first().click();
    // Offline the chosen option is marked as saved, never as wrong.
    await expect(options.first()).toHaveClass(/option-saved/);
    await expect(card.locator(".option-wrong, .option-right")).toHaveCount(0);
  } else {
    await card.getByLabel("Your answer").fill("I call back on Thursday before noon.");
    await card.getByRole("button", { name: "Compare with the model answer" }).click();
    await card.getByRole("button", { name: "Yes", exact: true }).click();
  }
  await expect(card.getByRole("status")).toContainText("Saved, checked when you are online.");
  await expect(card.locator(".feedback-wrong")).toHaveCount(0);
  return { prompt, cardId };
}

test("a learner practises and logs an application offline, reloads offline, and everything arrives once", async ({
  page,
  context,
}, info) => {
  await signInInEnglish(page, LEARNER);
  // The last sync: Today, the plans and the practice session, loaded online.
  await page.getByRole("navigation").getByRole("link", { name: "My plans" }).click();
  await expect(page.locator("li.plan").first()).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
  await page.getByTestId("today-items").getByRole("link", { name: "Start" }).click();
  await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
  await serviceWorkerInControl(page);
  for (const kept of ['["today"]', '["practice"]', '["action-plans","mine"]'])
    await expect.poll(async () => lastSync(page)).toContain(`"queryKey":${kept}`);

  const total = Number(/of (\d+)/.exec((await page.getByText(/^Question 1 of \d+$/).textContent())!)![1]);
  expect(total).toBeGreaterThanOrEqual(2);
  const before = await answerCounts(page);

  await context.setOffline(true);
  const status = page.getByTestId("offline-status");
  await expect(status).toContainText("You are offline.");
  const answered = [await answerCard(page)];
  await expect(status).toContainText("1 answer waiting to be sent.");
  await expectAccessible(page, "practice answer saved offline");
  await page.getByRole("button", { name: "Next question" }).click();
  answered.push(await answerCard(page));
  await expect(status).toContainText("2 answers waiting to be sent.");
  await page.screenshot({ path: info.outputPath("practice-offline.png"), fullPage: true });

  // An application logged offline is kept too.
  await page.getByRole("navigation").getByRole("link", { name: "My plans" }).click();
  const plan = page.locator("li.plan").first();
  const happened = `Offline on a building site (${info.project.name} ${Date.now().toString(36)})`;
  await plan.getByRole("button", { name: /The situation came: log it/ }).click();
  await plan.getByLabel("Partly").check();
  await plan.getByLabel("What happened").fill(happened);
  await plan.getByRole("button", { name: "Save", exact: true }).click();
  await expect(plan.getByText("Saved on this phone. It is sent when you are online again.")).toBeVisible();
  await expect(status).toContainText("1 application log waiting to be sent.");

  // A reload without a connection opens the app from the last sync, not the browser's error page.
  await page.goto(`${APP}/today`);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByTestId("today-items")).toBeVisible();
  await expect(status).toContainText("You are offline.");
  await expect(status).toContainText("2 answers waiting to be sent.");
  await expect(status).toContainText("1 application log waiting to be sent.");
  await expectAccessible(page, "today offline after a reload");
  await page.screenshot({ path: info.outputPath("today-offline.png"), fullPage: true });
  // The practice session from the last sync goes on without the two cards already answered.
  await page.goto(`${APP}/practice`);
  await expect(page.getByRole("heading", { level: 1, name: "Practice" })).toBeVisible();
  for (const { cardId } of answered) await expect(page.locator(`[id="q-${cardId}"]`)).toHaveCount(0);
  await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();

  // Online again, on Today: everything waiting goes, with a note of how the answers went.
  // (Chromium's emulation gives a reloaded page no "online" event: the app notices by trying the server.)
  await context.setOffline(false);
  await expect(status).toContainText(/2 answers given offline have been sent and checked: [0-2] right\./, {
    timeout: 30_000,
  });
  await expect(status).toContainText("Your application log made offline has been sent.");
  await expect(status).not.toContainText("waiting to be sent");
  await expectAccessible(page, "today after sending");
  await page.screenshot({ path: info.outputPath("today-sent.png"), fullPage: true });

  // The server counted each answer once, and has the application once.
  const after = await answerCounts(page);
  // The export names questions by their prompt: two cards may share one, so count per prompt.
  const sent = new Map<string, number>();
  for (const { prompt } of answered) sent.set(prompt, (sent.get(prompt) ?? 0) + 1);
  for (const [prompt, times] of sent)
    expect(after.get(prompt), prompt).toBe((before.get(prompt) ?? 0) + times);
  const plans = await getJson<Plan[]>(page, "/api/me/action-plans");
  const logged = plans.flatMap((p) => p.applications).filter((a) => a.whatHappened === happened);
  expect(logged).toHaveLength(1);
  await remove(page, `/api/applications/${logged[0]!.id}`);
  await page.getByRole("button", { name: "Close note" }).click();
  await expect(status).toBeEmpty();
});

test("signing out leaves nothing of the learner on a shared phone for the next person", async ({ page }) => {
  await signInInEnglish(page, LEARNER);
  await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
  await expect(page.getByTestId("today-items")).toBeVisible();
  await expect.poll(async () => lastSync(page)).toContain("Femke");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect.poll(async () => lastSync(page)).not.toContain("Femke");

  await signIn(page, "manager@demo.beklijf.nl");
  await expect.poll(async () => lastSync(page)).toContain("Marco");
  expect(await lastSync(page)).not.toContain("Femke");
});

test("when the session ended and another person signs in, the last person's screens are dropped", async ({
  page,
  context,
}) => {
  await signInInEnglish(page, LEARNER);
  await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
  await expect(page.getByTestId("today-items")).toBeVisible();
  await expect.poll(async () => lastSync(page)).toContain('"queryKey":["today"]');

  // No sign-out: the session simply ended (a week unused); the next person opens the app.
  await context.clearCookies();
  await page.goto(`${APP}/today`);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect.poll(async () => lastSync(page)).not.toContain('"queryKey":["today"]');
  await signIn(page, "manager@demo.beklijf.nl");
  await expect.poll(async () => lastSync(page)).toContain("Marco");
  expect(await lastSync(page)).not.toContain("Femke");
});

test("an answer given offline gets its real feedback on the open card when the connection returns", async ({
  page,
  browser,
}, info) => {
  // A colleague of their own per project (as in learner.spec.ts), so the demo learner's cards stay due.
  const name = info.project.name === "phone" ? "Kevin Visser" : "Niels Dekker";
  const { link } = await invitationFor(page, name);
  const learner = await anotherBrowser(browser, info, "nl-NL");
  await acceptInvitation(learner, link, "een goed wachtwoord", name);
  await learner.getByRole("navigation").getByRole("link", { name: "Vandaag" }).click();
  await learner.getByTestId("today-items").getByRole("link", { name: "Beginnen" }).click();
  await expect(learner.getByText(/^Vraag 1 van \d+$/)).toBeVisible();

  await learner.context().setOffline(true);
  const status = learner.getByTestId("offline-status");
  await expect(status).toContainText("Je bent offline.");
  const card = learner.locator(".practice-card");
  const options = card.locator(".options button");
  if ((await options.count()) > 0) await options.first().click();
  else {
    await card.getByLabel("Jouw antwoord").fill("Ik bel donderdag voor twaalf uur terug.");
    await card.getByRole("button", { name: "Vergelijk met het modelantwoord" }).click();
    await card.getByRole("button", { name: "Ja", exact: true }).click();
  }
  await expect(card.getByRole("status")).toContainText("Bewaard, nagekeken zodra je online bent.");
  await expect(status).toContainText("1 antwoord wacht om verstuurd te worden.");
  await expectAccessible(learner, "practice answer saved offline (nl)");

  await learner.context().setOffline(false);
  await expect(card.getByRole("status")).toContainText(/^(Goed|Niet helemaal)/);
  await expect(card.getByTestId("card-next-due")).toBeVisible();
  await expect(status).toContainText("Je offline gegeven antwoord is verstuurd en nagekeken");
  await expect(status).not.toContainText("wacht om verstuurd te worden");
  await learner.context().close();
});
