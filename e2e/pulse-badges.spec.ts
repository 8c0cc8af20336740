import type { Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { API_HEADERS, getJson } from "./support/api.ts";
import { anotherBrowser, APP, expectAccessible, signIn, signInInEnglish } from "./support/fixtures.ts";

/** The demo plan Femke wrote on the practice day: open, and older than this week. */
const DEMO_PLAN = "zeg ik eerst dat ik snap dat het vervelend is";

interface Plan {
  id: string;
  action: string;
  pulses: { week: string; rating: string }[];
}

/** The demo plan's pulses as the server holds them. */
async function demoPlanPulses(page: Page) {
  const plans = await getJson<Plan[]>(page, "/api/me/action-plans");
  return plans.find((p) => p.action.startsWith(DEMO_PLAN))!.pulses;
}

test("a learner gives this week's pulse on her plans, changes it, and sees what a badge still needs", async ({
  page,
  browser,
}, info) => {
  // A badge of her training that she cannot have yet: a competence proof and ten confirmed applications
  // (other journeys confirm some of hers on the shared demo), named for this run so a retry is its own.
  const badgeName = `Calm, proven and applied (${info.project.name} ${Date.now().toString(36)})`;
  const coordinator = await anotherBrowser(browser, info);
  await signIn(coordinator, "coordinator@demo.beklijf.nl");
  const trajectories = await getJson<{ id: string; title: string }[]>(coordinator, "/api/trajectories");
  const trajectory = trajectories.find((t) => t.title === "Moeilijke klantgesprekken")!;
  const detail = await getJson<{ document: { competences: { id: string }[] } }>(
    coordinator,
    `/api/trajectories/${trajectory.id}`,
  );
  const defined = await coordinator.request.post(`${APP}/api/trajectories/${trajectory.id}/achievements`, {
    headers: API_HEADERS,
    data: {
      competenceId: detail.document.competences[0]!.id,
      name: badgeName,
      description: "Calms an upset customer and agrees a next step, shown in a proof and at work.",
      criteria: "A passed competence proof and ten applications the manager saw.",
      requiresProof: true,
      minConfirmedApplications: 10,
    },
  });
  expect(defined.status()).toBe(201);
  await coordinator.context().close();

  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await page.getByRole("navigation").getByRole("link", { name: "My plans" }).click();
  const pulse = page.getByRole("region", { name: "This week" });
  await expect(pulse).toBeVisible();
  const row = pulse.locator("li.pulse-row", { hasText: DEMO_PLAN });
  const choice = (name: string) => row.getByRole("button", { name, exact: true });

  // A double tap makes one answer for this week.
  await choice("Tried").dblclick();
  await expect(choice("Tried")).toHaveAttribute("aria-pressed", "true");
  await expect(choice("Tried")).toBeEnabled();
  const afterTap = await demoPlanPulses(page);
  const week = afterTap[0]!.week;
  expect(afterTap.filter((p) => p.week === week)).toEqual([{ week, rating: "tried" }]);

  // "Tried" offers to note what happened, with the outcome chosen; the learner may leave it.
  await row.getByRole("button", { name: /Note what happened/ }).click();
  await expect(row.getByLabel("Partly")).toBeChecked();
  await expectAccessible(page, "weekly pulse with the log offer");
  await row.getByRole("button", { name: "Cancel" }).click();
  await page.screenshot({ path: `test-results/pulse-${info.project.name}.png`, fullPage: true });

  // Changing the answer changes this week's one record.
  await choice("Not yet").click();
  await expect(choice("Not yet")).toHaveAttribute("aria-pressed", "true");
  await expect(choice("Tried")).toHaveAttribute("aria-pressed", "false");
  await expect(row.getByRole("button", { name: /Note what happened/ })).toHaveCount(0);
  const afterChange = await demoPlanPulses(page);
  expect(afterChange.filter((p) => p.week === week)).toEqual([{ week, rating: "not-yet" }]);
  await expect(page.locator("li.plan", { hasText: DEMO_PLAN }).getByText(/: Not yet$/)).toBeVisible();
  await expectAccessible(page, "weekly pulse");

  await page.getByRole("navigation").getByRole("link", { name: "Skills passport" }).click();
  const reach = page.getByRole("region", { name: "Within reach" });
  const badge = reach.locator("li.badge-progress", { hasText: badgeName });
  await expect(badge).toBeVisible();
  const needs = badge.getByRole("list", { name: `What ${badgeName} still needs` });
  await expect(needs.getByText("Competence proof")).toBeVisible();
  await expect(needs.getByText(/^\d+ of 10 confirmed applications$/)).toBeVisible();
  await expect(needs.getByText(/^(one|\d+) confirmed applications? to go$/)).toBeVisible();
  await expect(needs.locator("meter")).toHaveCount(2);
  await expectAccessible(page, "passport with badges in progress");
  await page.screenshot({ path: `test-results/passport-${info.project.name}.png`, fullPage: true });

  // The same screens in Dutch.
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const dutchBadge = page.getByRole("region", { name: "Binnen bereik" }).locator("li.badge-progress", {
    hasText: badgeName,
  });
  await expect(dutchBadge.getByText(/^\d+ van 10 bevestigde toepassingen$/)).toBeVisible();
  await expect(dutchBadge.getByText("Competentiebewijs")).toBeVisible();
  await expectAccessible(page, "passport in Dutch");
  await page.getByRole("navigation").getByRole("link", { name: "Mijn plannen" }).click();
  const dutchRow = page
    .getByRole("region", { name: "Deze week" })
    .locator("li.pulse-row", { hasText: DEMO_PLAN });
  await expect(dutchRow.getByRole("button", { name: "Nog niet", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expectAccessible(page, "weekly pulse in Dutch");
  await page.screenshot({ path: `test-results/pulse-nl-${info.project.name}.png`, fullPage: true });
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
