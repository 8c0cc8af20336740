import { expect, type Page } from "@playwright/test";
import { postJson } from "./support/api.ts";
import { anotherBrowser, APP, expectAccessible, signIn, signInInEnglish } from "./support/fixtures.ts";
import { test } from "./support/test.ts";

/** "3 things wait for you." on the home page: the number. */
async function waitingCount(page: Page): Promise<number> {
  const text = await page
    .getByRole("region", { name: "Needs you this week" })
    .getByText(/things? waits? for you\./)
    .innerText();
  return Number(/\d+/.exec(text)![0]);
}

test("a manager starts on what needs them, previews the digest, and confirms an application", async ({
  page,
  browser,
}, info) => {
  // Femke logs an application of a plan of her own (no competence, so no badge depends on it).
  const situation = `When a customer asks about an invoice (${info.project.name} ${Date.now().toString(36)})`;
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  const plan = await postJson<{ id: string }>(page, "/api/action-plans", {
    situation,
    action: "I first repeat the question in my own words",
    firstMoment: new Date().toISOString(),
  });
  await postJson(page, `/api/action-plans/${plan.id}/applications`, {
    occurredAt: new Date().toISOString(),
    whatHappened: `The customer nodded (${info.project.name})`,
    outcome: "went-well",
  });

  const manager = await anotherBrowser(browser, info);
  await signInInEnglish(manager, "manager@demo.beklijf.nl");
  const needsYou = manager.getByRole("region", { name: "Needs you this week" });
  const item = needsYou
    .getByRole("list", { name: /Confirm an? applications?/ })
    .getByRole("link", { name: `Femke de Wit applied “${situation}”` });
  await expect(item).toBeVisible();
  const before = await waitingCount(manager);
  await expect(
    manager
      .getByRole("region", { name: "Your team" })
      .getByText(/tasks done/)
      .first(),
  ).toBeVisible();
  await expectAccessible(manager, "manager home with needs you");
  await manager.screenshot({ path: info.outputPath("manager-home.png"), fullPage: true });

  // The digest as it would go out now, with preview links.
  await needsYou.getByRole("link", { name: "Preview this week's digest" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "This week's digest" })).toBeVisible();
  await expect(manager.frameLocator("iframe.digest-frame").getByText(situation)).toBeVisible();
  await expectAccessible(manager, "digest preview");
  await manager.screenshot({ path: info.outputPath("digest-preview.png"), fullPage: true });
  await manager.getByText("Text version").click();
  const text = await manager.locator("pre.digest-text").innerText();
  const afterSituation = text.slice(text.indexOf(situation));
  const token = /#token=(\S+)/.exec(afterSituation)![1]!;

  // Its landing page names the person and the record before any button; a preview link has none.
  await manager.goto(`${APP}/digest-action#token=${token}`);
  await expect(manager.getByText(`Confirm that Femke de Wit applied “${situation}” on`)).toBeVisible();
  await expect(manager.getByText(`The customer nodded (${info.project.name})`)).toBeVisible();
  await expect(manager.getByText(/comes from the preview of your digest/)).toBeVisible();
  await expect(manager.getByRole("button", { name: /Yes/ })).toHaveCount(0);
  await expectAccessible(manager, "digest landing page");
  await manager.screenshot({ path: info.outputPath("digest-landing.png"), fullPage: true });

  // Back home, the item leads to where it is done; once confirmed, the list is shorter.
  await manager.goto(APP);
  await item.click();
  const application = manager.locator(".applications li", {
    hasText: `The customer nodded (${info.project.name})`,
  });
  await expect(application).toBeVisible();
  await application.getByRole("button", { name: /I saw this happen/ }).click();
  await expect(application.getByText("seen by your manager")).toBeVisible();
  await expectAccessible(manager, "team sorted by attention");
  await manager.screenshot({ path: info.outputPath("team.png") });
  await manager.goto(APP);
  await expect(needsYou.getByRole("link", { name: "Preview this week's digest" })).toBeVisible();
  await expect(item).toHaveCount(0);
  if (before > 1) expect(await waitingCount(manager)).toBe(before - 1);
  else await expect(needsYou.getByText("Nothing needs you this week")).toBeVisible();
  await manager.context().close();

  // Tidy the shared demo: Femke archives the plan again.
  await postJson(page, `/api/action-plans/${plan.id}/archive`, {}, 200);
});

test("in Dutch, the manager's home says what waits and previews the digest in Dutch", async ({
  page,
}, info) => {
  await signIn(page, "manager@demo.beklijf.nl");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const needsYou = page.getByRole("region", { name: "Wacht deze week op jou" });
  await expect(
    needsYou.getByText(/op je\.$/).or(needsYou.getByText("Deze week wacht er niets op je")),
  ).toBeVisible();
  await expectAccessible(page, "manager home in Dutch");
  await needsYou.getByRole("link", { name: "Bekijk het overzicht van deze week" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Het overzicht van deze week" })).toBeVisible();
  await expect(page.getByText(/Vanaf deze pagina wordt niets verstuurd/)).toBeVisible();
  await expectAccessible(page, "digest preview in Dutch");
  await page.screenshot({ path: info.outputPath("digest-preview-nl.png"), fullPage: true });
});
