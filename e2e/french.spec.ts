import { expect, test } from "./support/test.ts";
import {
  anotherBrowser,
  APP,
  expectAccessible,
  signInInEnglish,
  uniqueEmail,
  waitForLink,
  waitForMail,
} from "./support/fixtures.ts";

/**
 * One pass in French: a coordinator adds a French-speaking colleague, who gets the invitation in French,
 * chooses a password on French screens, meets a French error at the field, and switches languages in the
 * profile. French text carries non-breaking spaces before : ; ? ! (as Belgian French typesets it), so
 * texts with that punctuation are matched with \s.
 */
test("a French-speaking colleague is invited, signs in and works in French, and can switch languages", async ({
  page,
  browser,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/people`);
  const email = uniqueEmail("amelie", info.project.name);
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill("Amélie Dupont");
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Language").selectOption({ label: "Français" });
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByRole("status")).toBeVisible();

  // The invitation goes out in her language, not the coordinator's.
  const mail = await waitForMail(email, /invitation#token=/);
  expect(mail.subject).toMatch(/vous invite sur Beklijf$/);
  expect(mail.text).toMatch(/^Bonjour Amélie Dupont,/);
  const link = await waitForLink(email, "invitation");

  // Her own phone or laptop, set to French as in Brussels or Wallonia.
  const amelie = await anotherBrowser(browser, info, "fr-BE");
  await amelie.goto(link);
  await expect(amelie.locator("html")).toHaveAttribute("lang", "fr");
  await expect(amelie.getByRole("heading", { level: 1, name: "Bienvenue sur Beklijf" })).toBeVisible();
  await expect(amelie.getByText(`Vous vous connecterez avec ${email}`)).toBeVisible();
  await amelie.getByLabel("Nouveau mot de passe").fill("un bon mot de passe");
  await amelie.getByLabel("Répétez le mot de passe").fill("un autre mot de passe");
  await amelie.getByRole("button", { name: "Enregistrer le mot de passe et se connecter" }).click();
  await expect(amelie.getByText("Les deux mots de passe ne sont pas identiques.")).toBeVisible();
  await expectAccessible(amelie, "invitation in French, with an error");
  await amelie.getByLabel("Répétez le mot de passe").fill("un bon mot de passe");
  await amelie.getByRole("button", { name: "Enregistrer le mot de passe et se connecter" }).click();

  await expect(amelie.getByRole("heading", { level: 1 })).toHaveText("Bonjour Amélie");
  await expect(amelie.getByText("Rien à faire aujourd'hui")).toBeVisible();
  await expect(amelie.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
  await expectAccessible(amelie, "home in French");
  await amelie.screenshot({ path: info.outputPath("home-fr.png"), fullPage: true });

  // Her profile: a French error at the field, in the field's French name, and nothing saved.
  await amelie.goto(`${APP}/profile`);
  await expect(amelie.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
  await expect(amelie.getByLabel("Langue", { exact: true })).toHaveValue("fr");
  await amelie.getByLabel("Nom", { exact: true }).fill("");
  await amelie.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(amelie.getByText("Nom est obligatoire.").first()).toBeVisible();
  await expectAccessible(amelie, "profile in French, with an error");
  await amelie.screenshot({ path: info.outputPath("profile-error-fr.png"), fullPage: true });

  // She reads Dutch for a while (by keyboard), then goes back to French with the switch in the header.
  await amelie.getByLabel("Nom", { exact: true }).fill("Amélie Dupont");
  await amelie.getByLabel("Langue", { exact: true }).selectOption("nl");
  const save = amelie.getByRole("button", { name: "Enregistrer", exact: true });
  await save.focus();
  await amelie.keyboard.press("Enter");
  await expect(amelie.getByRole("heading", { level: 1, name: "Mijn profiel" })).toBeVisible();
  await expect(amelie.locator("html")).toHaveAttribute("lang", "nl");
  await amelie.getByRole("button", { name: "Français" }).click();
  await expect(amelie.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();

  // A reload keeps French: the switch saved it as her own setting, not only this device's.
  await amelie.reload();
  await expect(amelie.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
  await expect(amelie.getByLabel("Langue", { exact: true })).toHaveValue("fr");
  await expect(amelie.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await expectAccessible(amelie, "profile in French");
  await amelie.context().close();
});
