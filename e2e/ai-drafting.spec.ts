import type { Page } from "@playwright/test";
import {
  draftsAnswer,
  dutchScenarios,
  startOpenAiPeer,
  type OpenAiPeer,
} from "../test-support/openai-peer.ts";
import { expect, test } from "./support/test.ts";
import { API_HEADERS, copyOfTemplate } from "./support/api.ts";
import { APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";

// AI drafting against a local OpenAI-compatible peer (decision 0028): the app's worker calls it on
// loopback, so the journey needs no network. The demo organisation keeps AI off: the journey switches
// it on for itself and off again at the end.
const KEY = "sk-e2e-peer-key";
let peer: OpenAiPeer;
test.beforeAll(async () => {
  peer = await startOpenAiPeer({ apiKey: KEY });
});
test.afterAll(() => peer.close());

async function switchAiOff(page: Page) {
  await page.request.put(`${APP}/api/organisation/ai`, {
    headers: API_HEADERS,
    data: { enabled: false, baseUrl: peer.baseUrl, model: "peer-model" },
  });
}

async function setUpProvider(page: Page) {
  await page.goto(`${APP}/organisation`);
  await page
    .getByRole("region", { name: "AI drafting" })
    .getByRole("link", { name: "Set up AI drafting" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "AI drafting of practice questions" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Where the text goes" })).toContainText("never sends names");
  const toggle = page.getByRole("checkbox", { name: "Switch AI drafting on" });
  await expect(toggle).not.toBeChecked();
  await expectAccessible(page, "AI settings, off");
  await toggle.check();
  await page.getByLabel("Provider address").fill(peer.baseUrl);
  await page.getByLabel("Model", { exact: true }).fill("peer-model");
  await page.getByLabel("API key").fill(KEY);
  await page.getByRole("button", { name: "Save AI settings" }).click();
  await expect(page.getByText("AI settings saved.")).toBeVisible();
  // The key is write-only: gone from the form, only said to be stored.
  await page.reload();
  await expect(page.getByLabel("API key")).toHaveValue("");
  await expect(page.getByText("A key is stored.")).toBeVisible();
}

test("a coordinator switches AI drafting on, a designer's drafts wait for review, and only accepted ones join the bank", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await switchAiOff(page);
  await setUpProvider(page);

  const trajectoryId = await copyOfTemplate(page, `AI drafts (${info.project.name})`);
  await page.goto(`${APP}/trajectories/${trajectoryId}/questions`);
  await page.getByRole("button", { name: "Draft with AI" }).click();
  const form = page.getByRole("form", { name: "Draft questions with AI" });
  await form.getByLabel("Number of questions").fill("2");
  await form.getByLabel("Paste text").check();
  await form
    .getByLabel("Text from your own material")
    .fill("Bij een klacht: eerst luisteren, dan samenvatten.");
  await expectAccessible(page, "Draft with AI");
  peer.queue({ kind: "ok", content: draftsAnswer(dutchScenarios) });
  await form.getByRole("button", { name: "Ask for drafts" }).click();
  await expect(page.getByText("2 drafts are waiting for your review below.")).toBeVisible({
    timeout: 20_000,
  });
  expect(JSON.stringify(peer.requests.at(-1)!.body.messages)).toContain("eerst luisteren, dan samenvatten");

  const queue = page.getByRole("region", { name: "Review queue: 2 AI drafts" });
  await expect(queue).toContainText("AI draft");
  await expect(queue).toContainText("peer-model");
  await expect(queue).toContainText("source: pasted text");
  await expectAccessible(page, "review queue");
  await page.screenshot({ path: `test-results/ai-review-queue-${info.project.name}.png`, fullPage: true });
  await queue.getByRole("button", { name: "Accept Wat doe je als eerste?", exact: true }).click();
  await expect(page.getByText("Accepted: the question is in the bank.")).toBeVisible();

  await page
    .getByRole("region", { name: "Review queue: 1 AI draft" })
    .getByRole("button", { name: "Edit, then accept Hoe reageer je?" })
    .click();
  await page.getByLabel("Question", { exact: true }).fill("Hoe reageer je op je collega?");
  await page.getByRole("button", { name: "Accept with my changes" }).click();
  const bank = page.getByRole("region", { name: /2 questions/ });
  await expect(bank).toContainText("Hoe reageer je op je collega?");
  await expect(bank.getByText(/AI-drafted \(peer-model\), accepted by/)).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Review queue: 0 AI drafts" })).toContainText(
    "No drafts waiting.",
  );
  await expectAccessible(page, "bank with accepted AI drafts");

  // A provider that fails gives a clear message and stores nothing.
  peer.queue({ kind: "status", status: 500 });
  await page.getByRole("button", { name: "Draft with AI" }).click();
  await page
    .getByRole("form", { name: "Draft questions with AI" })
    .getByRole("button", { name: "Ask for drafts" })
    .click();
  await expect(page.getByRole("alert").filter({ hasText: "could not be reached" })).toBeVisible({
    timeout: 20_000,
  });

  // The coordinator sees the use per month, and the page on what the feature does and does not do.
  await page.goto(`${APP}/organisation/ai`);
  const usage = page.getByRole("region", { name: "Use per month" });
  await expect(usage.getByRole("img", { name: /Requests to the AI provider per month: .* 2/ })).toBeVisible();
  await expect(usage).toContainText("question-drafts/v1");
  await expectAccessible(page, "AI usage");
  await page.screenshot({ path: `test-results/ai-usage-${info.project.name}.png`, fullPage: true });
  await page.getByRole("link", { name: /What AI drafting does and does not do/ }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "AI in Beklijf: what it does and does not do" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "How this relates to the AI Act" })).toContainText(
    "Annex III",
  );
  await expectAccessible(page, "AI Act page");

  // Off again, as the demo keeps it: the bank says so and who can switch it on.
  await switchAiOff(page);
  await page.goto(`${APP}/trajectories/${trajectoryId}/questions`);
  await expect(page.getByRole("button", { name: "Draft with AI" })).toBeDisabled();
  await expect(page.getByText("AI drafting is off for your organisation.")).toBeVisible();
});

test("a manager is told the AI settings are not for their role", async ({ page }) => {
  await signInInEnglish(page, "manager@demo.beklijf.nl");
  await page.goto(`${APP}/organisation/ai`);
  await expect(page.getByText("Your role does not allow this.")).toBeVisible();
  await expectAccessible(page, "AI settings as a manager");
});
