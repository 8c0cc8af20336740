import type { Locator, Page } from "@playwright/test";
import { TOTP } from "otpauth";
import { expect, test } from "./support/test.ts";
import { API_HEADERS, getJson } from "./support/api.ts";
import { APP, expectAccessible, signInInEnglish, uniqueEmail, waitForLink } from "./support/fixtures.ts";

const PASSWORD = "a long and good password";

/** A code of the authenticator app, as a phone would show it `aheadSteps` × 30 s from now. */
function appCode(secret: string, aheadSteps = 0): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: Date.now() + aheadSteps * 30_000,
  });
}

/** The demo coordinator (signed in on `page`) invites a new colleague with `roles`: their address, id and link. */
async function invite(page: Page, name: string, roles: string[], prefix: string, project: string) {
  const email = uniqueEmail(prefix, project);
  const made = await page.request.post(`${APP}/api/people`, {
    headers: API_HEADERS,
    data: { name, email, roles, sendInvitation: true },
  });
  expect(made.status()).toBe(201);
  const { id } = (await made.json()) as { id: string };
  return { email, id, link: await waitForLink(email, "invitation") };
}

/** Accepts an invitation by choosing the password: signed in (or at the second factor) on `page`. */
async function accept(page: Page, link: string) {
  await page.goto(link);
  await page.getByLabel("New password").fill(PASSWORD);
  await page.getByLabel("Repeat the password").fill(PASSWORD);
  await page.getByRole("button", { name: "Save password and sign in" }).click();
}

/** Signs out, then in with the password: the screen that asks for the second factor. */
async function signInAgain(page: Page, email: string) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="password"]').press("Enter");
}

/** Sets up the authenticator app within `scope`: its secret and the recovery codes shown once on `page`. */
async function setUpApp(page: Page, scope: Locator, label: string) {
  const show = scope.getByRole("button", { name: "Show the QR code" });
  if (await show.isVisible()) await show.click();
  await expect(
    scope.getByRole("img", { name: "QR code to add Beklijf to your authenticator app" }),
  ).toBeVisible();
  const secret = (await scope.locator("code.secret").textContent())!.trim();
  await scope.getByLabel("Code", { exact: true }).fill("000000");
  await scope.getByLabel("Name", { exact: true }).fill(label);
  await scope.getByRole("button", { name: "Check the code and save" }).click();
  await expect(scope.getByText("Code is not right.", { exact: false }).first()).toBeVisible();
  await scope.getByLabel("Code", { exact: true }).fill(appCode(secret));
  await scope.getByRole("button", { name: "Check the code and save" }).click();
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  return { secret, recoveryCodes: await codes.allTextContents() };
}

test("a coordinator adds an authenticator app and a passkey, and signs in with each and with a recovery code", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const { email, link } = await invite(page, "Sanne Tweestap", ["coordinator"], "twofa", info.project.name);
  await page.context().clearCookies();
  await accept(page, link);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");

  await page.goto(`${APP}/profile`);
  const section = page.getByRole("region", { name: "Second factor" });
  await expect(section.getByText("You have no second factor yet.")).toBeVisible();
  await section.getByRole("button", { name: "Add an authenticator app" }).click();
  const { secret, recoveryCodes } = await setUpApp(page, section, "Work phone");
  await expectAccessible(page, "profile with new recovery codes");
  await expect(section.getByRole("list", { name: "Your second factors" })).toContainText("Work phone");

  // A passkey in the browser's own (virtual) authenticator: fingerprint and PIN always say yes.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await section.getByLabel("Name", { exact: true }).fill("This laptop");
  await section.getByRole("button", { name: "Make the passkey" }).click();
  await expect(section.getByRole("list", { name: "Your second factors" })).toContainText("This laptop");
  await section.screenshot({ path: `test-results/second-factor-profile-${info.project.name}.png` });

  // Signing in asks for the second factor; the passkey answers it.
  await signInAgain(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm it is you");
  await expectAccessible(page, "second factor step");
  await page.screenshot({ path: `test-results/second-factor-step-${info.project.name}.png`, fullPage: true });
  await page.getByRole("button", { name: "Use my passkey" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");

  // The app's code (the next one: the code used at setup never works twice).
  await signInAgain(page, email);
  await page.getByLabel("Code", { exact: true }).fill(appCode(secret, 1));
  await page.getByRole("button", { name: "Sign in with this code" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");

  // Phone lost: a recovery code, once, and this device remembered.
  await signInAgain(page, email);
  await page.getByText("Lost your phone or key?").click();
  await page.getByLabel("Remember this device for 30 days").check();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Sign in with a recovery code" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  await signInAgain(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");

  await page.goto(`${APP}/profile`);
  await expect(section.getByText("You have 9 recovery codes left.")).toBeVisible();
  await section.getByRole("button", { name: "Forget remembered devices" }).click();
  await expect(section.getByText("Every device asks for your second factor again")).toBeVisible();
});

test("once the organisation requires it, a new designer sets up a factor at sign-in; another coordinator resets a lost one", async ({
  page,
  browser,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const { id, link } = await invite(page, "Daan Ontwerp", ["designer"], "twofa-designer", info.project.name);
  try {
    await page.goto(`${APP}/organisation`);
    const policy = page.getByRole("form", { name: "Second factor" });
    await policy.getByLabel("Require a second factor for coordinators and designers").check();
    await policy.getByRole("button", { name: "Save" }).click();
    await expect(policy.getByRole("status")).toHaveText("Saved.");
    await expectAccessible(page, "organisation with the second factor switch");

    const designer = await browser.newContext({ ...info.project.use });
    const designerPage = await designer.newPage();
    await accept(designerPage, link);
    await expect(designerPage.getByRole("heading", { level: 1 })).toHaveText("Set up a second factor");
    await expectAccessible(designerPage, "second factor required");
    await designerPage.getByRole("button", { name: "Show the QR code" }).click();
    await designerPage.screenshot({
      path: `test-results/second-factor-enrol-${info.project.name}.png`,
      fullPage: true,
    });
    await setUpApp(designerPage, designerPage.getByRole("region", { name: "Authenticator app" }), "Telefoon");
    await designerPage.getByRole("button", { name: "I have saved the codes, continue" }).click();
    await expect(designerPage.getByRole("heading", { level: 1 })).toContainText("Hello");

    // The designer lost the phone and the codes: the coordinator resets it after checking who asks.
    await page.goto(`${APP}/people/${id}`);
    const section = page.getByRole("region", { name: "Second factor" });
    await expect(section).toContainText("Daan Ontwerp signs in with a second factor: authenticator app.");
    page.once("dialog", (dialog) => void dialog.accept());
    await section.getByRole("button", { name: "Reset second factor" }).click();
    await expect(section).toContainText("Daan Ontwerp has no second factor.");
    await designerPage.reload();
    await expect(designerPage).toHaveURL(/\/sign-in$/);
    await designer.close();
  } finally {
    // The demo organisation's other journeys sign in without a second factor.
    const off = await page.request.put(`${APP}/api/organisation/second-factor`, {
      headers: API_HEADERS,
      data: { requiredForStaff: false },
    });
    expect(off.ok()).toBe(true);
  }
  expect(
    (await getJson<{ requiredForStaff: boolean }>(page, "/api/organisation/second-factor")).requiredForStaff,
  ).toBe(false);
});
