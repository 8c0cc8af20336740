import type { Page } from "@playwright/test";
import { startTestIdentityProvider, type TestIdentityProvider } from "../test-support/oidc-provider.ts";
import { API_HEADERS, getJson } from "./support/api.ts";
import { anotherBrowser, APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

/**
 * A coordinator sets up sign-in with the organisation account against a real OpenID provider
 * (oidc-provider on 127.0.0.1, started here), tests it, switches it on, and a learner signs in through
 * it from the sign-in page; an account outside the organisation's domain is turned away with the reason.
 */
let idp: TestIdentityProvider;

test.beforeAll(async () => {
  idp = await startTestIdentityProvider({
    redirectUri: `${APP}/api/auth/oidc/callback`,
    accounts: {
      "coordinator-at-idp": {
        email: "coordinator@demo.beklijf.nl",
        email_verified: true,
        name: "Coördinator",
      },
      "learner-at-idp": { email: "learner@demo.beklijf.nl", email_verified: true, name: "Lotte" },
      "stranger-at-idp": { email: "someone@elsewhere.example", email_verified: true },
    },
  });
});
test.afterAll(() => idp.close());

/** The provider's own sign-in page: say which account signs in. */
async function signInAtProvider(page: Page, account: string) {
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Account").fill(account);
  await page.getByRole("button", { name: "Sign in at the provider" }).click();
}

/** The demo organisation is shared by every journey: no sign-in settings are left behind. */
async function removeSettings(page: Page) {
  const response = await page.request.delete(`${APP}/api/sso/configuration`, { headers: API_HEADERS });
  expect(response.status()).toBe(204);
}

test("a coordinator sets up and tests sign-in with the organisation account, and a learner signs in with it", async ({
  page,
  browser,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await removeSettings(page);

  await page.goto(`${APP}/organisation`);
  const sso = page.getByRole("region", { name: "Sign-in with the organisation account" });
  await expect(sso.getByText(`${APP}/api/auth/oidc/callback`)).toBeVisible();
  await expect(sso.getByText("Nothing set up yet.")).toBeVisible();
  await sso.getByLabel("Issuer or discovery address").fill(idp.issuer);
  await sso.getByLabel("Client ID").fill(idp.clientId);
  await sso.getByLabel("Client secret").fill(idp.clientSecret);
  await sso.getByLabel("Allowed email domains").fill("demo.beklijf.nl");
  await sso.getByRole("button", { name: "Save settings" }).click();
  await expect(sso.getByText("Switched off: nobody signs in this way yet.")).toBeVisible();
  await expect(sso.getByLabel("Client secret")).toHaveValue("");
  await expect(sso.getByText("A secret is saved.")).toBeVisible();
  await expect(sso.getByRole("button", { name: "Switch on" })).toBeDisabled();
  await expectAccessible(page, "organisation with sign-in settings saved");

  // The test goes to the provider and comes back with the result in plain words.
  await sso.getByRole("button", { name: "Test sign-in" }).click();
  await signInAtProvider(page, "coordinator-at-idp");
  await expect(page).toHaveURL(/\/organisation\?sso-test=done/);
  const result = page.getByTestId("sso-last-test");
  await expect(result).toContainText(
    "Passed. The provider signed in coordinator@demo.beklijf.nl, and Beklijf trusts this address.",
  );
  await expect(result).toBeFocused();
  await sso.getByRole("button", { name: "Switch on" }).click();
  await expect(
    sso.getByText("Switched on: people can sign in with their organisation account."),
  ).toBeVisible();
  await expectAccessible(page, "organisation with sign-in switched on");
  await page.screenshot({ path: `test-results/sso-settings-${info.project.name}.png`, fullPage: true });

  // A learner, on the Dutch sign-in page, signs in with the organisation account.
  const learner = await anotherBrowser(browser, info, "nl-NL");
  await learner.goto(`${APP}/sign-in`);
  const button = learner.getByRole("button", { name: "Inloggen met je werkaccount" });
  await button.click();
  await expect(learner.getByText("Vul eerst hierboven je werkmailadres in")).toBeVisible();
  await expect(learner.getByLabel("E-mailadres")).toBeFocused();
  await expectAccessible(learner, "sign-in page asking for the address first");
  await learner.keyboard.type("learner@demo.beklijf.nl");
  await button.click();
  await signInAtProvider(learner, "learner-at-idp");
  await expect(learner.getByRole("heading", { level: 1 })).toContainText(/Hallo|Hello/);
  await learner.screenshot({ path: `test-results/sso-learner-home-${info.project.name}.png` });

  // Someone whose provider account is outside the allowed domain is told why, in their language.
  const stranger = await anotherBrowser(browser, info, "en-GB");
  await stranger.goto(`${APP}/sign-in`);
  await stranger.getByRole("button", { name: "English" }).click();
  await stranger.getByLabel("Email address").fill("learner@demo.beklijf.nl");
  await stranger.getByRole("button", { name: "Sign in with your organisation account" }).click();
  await signInAtProvider(stranger, "stranger-at-idp");
  await expect(stranger).toHaveURL(/\/sign-in\?sso=domain/);
  await expect(stranger.getByRole("alert")).toContainText(
    "This account’s email address is not one your organisation allows here.",
  );
  await expectAccessible(stranger, "sign-in page after a refused organisation account");
  await stranger.screenshot({ path: `test-results/sso-refused-${info.project.name}.png`, fullPage: true });

  // On Femke's page the coordinator sees the linked account, and can unlink it.
  const people = await getJson<{ id: string; email: string }[]>(page, "/api/people");
  const femke = people.find((p) => p.email === "learner@demo.beklijf.nl")!;
  await page.goto(`${APP}/people/${femke.id}`);
  const linked = page.getByRole("region", { name: "Organisation account" });
  await expect(linked).toContainText(`Signs in through ${idp.issuer}`);
  await expectAccessible(page, "person page with a linked organisation account");
  page.once("dialog", (dialog) => void dialog.accept());
  await linked.getByRole("button", { name: "Unlink" }).click();
  await expect(linked).toBeHidden();

  await removeSettings(page);
});
