import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test.ts";
import { anotherBrowser, APP, expectAccessible, signInInEnglish, useEnglish } from "./support/fixtures.ts";

test("a learner writes a plan with coaching and logs an application; the manager confirms it", async ({
  page,
  browser,
}, info) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await page.getByRole("navigation").getByRole("link", { name: "My plans" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My plans" })).toBeVisible();
  await page
    .getByLabel("When… (the situation at work)")
    .fill("When a customer calls for the second time about a late repair");
  await page.getByLabel("…then I will (what you do first)").fill("be better at listening");
  await expect(page.getByText(/The action is an intention/)).toBeVisible();
  await expectAccessible(page, "plan form with coaching");
  const action = `I first say that I understand the frustration (${info.project.name})`;
  await page.getByLabel("…then I will (what you do first)").fill(action);
  await expect(page.getByText(/Clear: a recognisable moment/)).toBeVisible();
  await page.getByLabel("Competence").selectOption({ index: 1 });
  const linkable = page.getByRole("group", { name: "Practice questions about this situation" });
  await linkable.getByRole("checkbox").first().check();
  await expectAccessible(page, "plan form with linked questions");
  await page.getByRole("button", { name: "Save the plan" }).click();
  await expect(page.getByText("Your plan is saved")).toBeVisible();

  const plan = page.locator("li.plan", { hasText: action });
  await plan.getByRole("button", { name: /The situation came: log it/ }).click();
  await plan.getByLabel("It went well").check();
  await plan.getByLabel("What happened").fill("The customer calmed down once I named the frustration.");
  await expectAccessible(page, "logging an application");
  await plan.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/Logged\. Thank you/)).toBeVisible();

  const manager = await anotherBrowser(browser, info);
  await signInInEnglish(manager, "manager@demo.beklijf.nl");
  await manager.getByRole("navigation").getByRole("link", { name: "My team" }).click();
  await expect(manager.getByText(/You never see their answers/)).toBeVisible();
  const application = manager.locator(".applications li", { hasText: "The customer calmed down" }).filter({
    has: manager.locator("xpath=ancestor::div[contains(@class,'plan')]", { hasText: action }),
  });
  await expect(application).toHaveCount(1);
  await expectAccessible(manager, "team");
  const femke = manager.locator("li.member", { hasText: "Femke de Wit" });
  await femke.getByText(/Check-in guide after the training/).click();
  await femke.getByLabel("Agreements").fill(`Look back on Friday (${info.project.name})`);
  await femke.getByRole("button", { name: "Save the check-in" }).click();
  await expect(femke.getByText(`Look back on Friday (${info.project.name})`)).toBeVisible();
  await expectAccessible(manager, "team with a check-in guide open");
  await application.getByRole("button", { name: /I saw this happen/ }).click();
  await expect(application.getByText("seen by your manager")).toBeVisible();
  await manager.context().close();

  await page.reload();
  await expect(page.locator("li.plan", { hasText: action }).getByText("seen by your manager")).toBeVisible();

  // The demo badge needs two confirmed applications; Femke had one, so this confirmation earns it.
  await page.getByRole("navigation").getByRole("link", { name: "Skills passport" }).click();
  const badge = page.locator("li.badge-card", { hasText: "Rustig bij een boze klant" });
  await expect(badge).toBeVisible();
  await expectAccessible(page, "skills passport");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    badge.getByRole("button", { name: /Download \(Open Badges 3\.0\)/ }).click(),
  ]);
  const file = await download.path();
  const credential = JSON.parse(await readFile(file, "utf8")) as {
    type: string[];
    proof: { cryptosuite: string }[];
  };
  expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
  expect(credential.proof.map((proof) => proof.cryptosuite)).toEqual(["eddsa-rdfc-2022"]);
  await page.getByLabel("Choose a badge file (.json) issued by Beklijf").setInputFiles(file);
  await expect(page.getByText(/Genuine: "Rustig bij een boze klant"/)).toBeVisible();
});

test("a digest link that was changed or has expired says so and records nothing", async ({ page }) => {
  await page.goto(`${APP}/digest-action#token=eyJhIjoidGFsa2VkIn0.not-a-signature`);
  await useEnglish(page);
  // The page reads the link before offering a button: a changed link gets no button at all.
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("button", { name: /Yes/ })).toHaveCount(0);
  await expectAccessible(page, "digest link refused");
});

test("a learner asks a colleague from the training group for feedback, with a photo", async ({
  page,
}, info) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await page.getByRole("navigation").getByRole("link", { name: "Feedback" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback from colleagues" })).toBeVisible();
  await page
    .getByLabel("Colleague")
    .selectOption({ label: "Ahmed El Amrani (Serviceteam, klantgesprekken)" });
  const about = `How I closed Tuesday's call with the upset customer (${info.project.name})`;
  await page.getByLabel("What to give feedback on").fill(about);
  await page.getByLabel(/A photo or short video/).setInputFiles({
    name: "whiteboard.png",
    mimeType: "image/png",
    buffer: Buffer.from("89504e470d0a1a0a", "hex"),
  });
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Sent. Your colleague gets an email.")).toBeVisible();
  await expect(
    page.locator(".feedback-request", { hasText: about }).getByText("Waiting for an answer."),
  ).toBeVisible();
  await expectAccessible(page, "peer feedback");
});
