import { expect, test } from "./support/test.ts";
import {
  anotherBrowser,
  APP,
  expectAccessible,
  signIn,
  signInInEnglish,
  uniqueEmail,
  useEnglish,
  waitForLink,
} from "./support/fixtures.ts";
import { acceptInvitation } from "./support/demo.ts";
import { getJson, postJson } from "./support/api.ts";

type Plan = { id: string; archived?: boolean; archivedAt?: string | null };

test("the manager confirms an application; the learner hears it in the header and lands on her plans", async ({
  page,
  browser,
}, info) => {
  // The learner logs an application on one of her demo plans (the screens for it are in transfer.spec).
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  const plans = await getJson<Plan[]>(page, "/api/me/action-plans");
  const plan = plans.find((p) => !p.archived && !p.archivedAt)!;
  const whatHappened = `Named the frustration before the quote (${info.project.name} ${Date.now()})`;
  await postJson(page, `/api/action-plans/${plan.id}/applications`, {
    occurredAt: new Date().toISOString(),
    whatHappened,
    outcome: "went-well",
  });

  // Her manager hears it waits for him, and confirms it on his team page.
  const manager = await anotherBrowser(browser, info);
  await signInInEnglish(manager, "manager@demo.beklijf.nl");
  await expect(manager.getByRole("link", { name: /^Notices, \d+ unread$/ })).toBeVisible();
  await manager.getByRole("navigation").getByRole("link", { name: "My team" }).click();
  const application = manager.locator(".applications li", { hasText: whatHappened });
  await application.getByRole("button", { name: /I saw this happen/ }).click();
  await expect(application.getByText("seen by your manager")).toBeVisible();
  await manager.context().close();

  // The learner sees the unread count in the header without reloading the page by hand.
  await page.goto(`${APP}/today`);
  const bell = page.getByRole("link", { name: /^Notices, \d+ unread$/ });
  await expect(bell).toBeVisible();
  const unreadBefore = Number((await bell.locator(".notices-count").textContent())!);
  await bell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Notices" })).toBeVisible();
  const notice = page
    .locator("li.notice-unread")
    .getByRole("link", { name: "Marco de Vries confirmed that you applied your plan at work." })
    .first();
  await expect(notice).toBeVisible();
  await expectAccessible(page, "notices");
  await page.screenshot({ path: `test-results/notices-${info.project.name}.png`, fullPage: true });
  await notice.click();
  await expect(page).toHaveURL(/\/plans$/);
  await expect(page.getByRole("heading", { level: 1, name: "My plans" })).toBeVisible();
  await expect(page.locator("li.plan").getByText(whatHappened)).toBeVisible();
  // Opened is read: the count in the header goes down by one.
  const after = unreadBefore - 1;
  await expect(
    page.getByRole("link", { name: after > 0 ? `Notices, ${after} unread` : "Notices", exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: `test-results/notices-plans-${info.project.name}.png` });
});

test("a learner marks all her notices read at once, and the header count goes", async ({ page }) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await page.getByRole("link", { name: /^Notices/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notices" })).toBeVisible();
  const markAll = page.getByRole("button", { name: "Mark all as read" });
  if (await markAll.isVisible()) {
    await markAll.click();
    await expect(page.getByText("Everything is read.")).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Notices", exact: true })).toBeVisible();
  await expect(page.locator("li.notice-unread")).toHaveCount(0);
  await expectAccessible(page, "notices, all read");
});

test("a newcomer with no notices yet is told what will come here", async ({ page, browser }, info) => {
  // A colleague of their own: the demo people collect notices from the other journeys.
  const name = "Noor Visser";
  const email = uniqueEmail("noor", info.project.name);
  await signIn(page, "coordinator@demo.beklijf.nl");
  await postJson(page, "/api/people", { name, email, roles: ["manager"] });
  const link = await waitForLink(email, "invitation");
  const newcomer = await anotherBrowser(browser, info, "nl-NL");
  await acceptInvitation(newcomer, link, "a-long-enough-password-1", name);
  await useEnglish(newcomer);
  await newcomer.getByRole("link", { name: /^Notices/ }).click();
  await expect(newcomer.getByText("Nothing new")).toBeVisible();
  await expectAccessible(newcomer, "notices, empty");
  // The same screen in Dutch.
  await newcomer.getByRole("button", { name: "Nederlands" }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: "Meldingen" })).toBeVisible();
  await expect(newcomer.getByText("Niets nieuws")).toBeVisible();
  await expect(newcomer.getByRole("link", { name: "Meldingen", exact: true })).toBeVisible();
  await expectAccessible(newcomer, "meldingen, leeg");
  await newcomer.context().close();
});
