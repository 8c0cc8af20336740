import { expect, test } from "./support/test.ts";
import { anotherBrowser, APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";

test("a coach offers coaching, the learner accepts, and the coach's notes reach the learner", async ({
  page,
  browser,
}, info) => {
  await signInInEnglish(page, "manager@demo.beklijf.nl");
  await page.getByRole("navigation").getByRole("link", { name: "Coaching" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Offer coaching" })).toBeVisible();
  // The first run offers coaching to Femke; a second (the other screen size) finds her a coachee already.
  if (await page.getByLabel("Colleague").isVisible()) {
    const option = page.getByLabel("Colleague").locator("option", { hasText: "Femke de Wit" });
    if ((await option.count()) > 0) {
      await page.getByLabel("Colleague").selectOption({ label: "Femke de Wit" });
      await page.getByRole("button", { name: "Offer coaching" }).click();
      await expect(page.getByText("Femke de Wit: waiting for an answer")).toBeVisible();
    }
  }
  await expectAccessible(page, "coaching (coach)");

  const learner = await anotherBrowser(browser, info);
  await signInInEnglish(learner, "learner@demo.beklijf.nl");
  await learner.goto(`${APP}/plans`);
  await expect(learner.getByRole("heading", { level: 2, name: "Coaching" })).toBeVisible();
  const accept = learner.getByRole("button", { name: "Accept" });
  if (await accept.isVisible()) {
    await expect(learner.getByText(/offers to coach you/)).toBeVisible();
    await expectAccessible(learner, "coaching offer");
    await accept.click();
  }
  await expect(accept).toHaveCount(0);

  await page.reload();
  const femke = page.locator("li.card", {
    has: page.getByRole("heading", { level: 2, name: "Femke de Wit" }),
  });
  await expect(
    femke.locator("p", { hasText: "zeg ik eerst dat ik snap dat het vervelend is" }),
  ).toBeVisible();
  const note = `Friday: look back on two calls (${info.project.name})`;
  await femke.getByLabel("When").fill("2030-01-07T09:00");
  await femke.getByLabel("Notes").fill(note);
  await femke.getByRole("button", { name: "Save the session" }).click();
  await expect(femke.getByText(note)).toBeVisible();

  await learner.reload();
  await expect(learner.getByText(note)).toBeVisible();
  await learner.context().close();
});
