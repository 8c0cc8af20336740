import { expect, test } from "./support/test.ts";
import {
  APP,
  expectAccessible,
  signIn,
  signInInEnglish,
  uniqueEmail,
  useEnglish,
  waitForMail,
} from "./support/fixtures.ts";

test.describe("a coordinator", () => {
  test("signs in by keyboard, switches language, and adds a person who gets an invitation", async ({
    page,
  }, info) => {
    await page.goto(`${APP}/sign-in`);
    await useEnglish(page);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expectAccessible(page, "sign-in");

    // Keyboard only: the email field, then Tab to the password, then Enter.
    await page.getByLabel("Email address").focus();
    await page.keyboard.type("coordinator@demo.beklijf.nl");
    await page.keyboard.press("Tab");
    await page.keyboard.type("beklijf-demo");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Carla");
    await expect(page.getByText("Active people")).toBeVisible();
    await expectAccessible(page, "coordinator home");

    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hallo Carla");
    await expect(page.getByText("Actieve mensen")).toBeVisible();
    await useEnglish(page);

    await page.getByRole("navigation").getByRole("link", { name: "People" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Femke de Wit" })).toBeVisible();
    await expectAccessible(page, "people");

    const form = page.getByRole("form", { name: "Add a person" });
    await form.getByLabel("Name").fill("Noor Nieuw");
    await form.getByLabel("Email address").fill("not-an-email");
    await form.getByRole("button", { name: "Add person" }).click();
    await expect(form.getByRole("alert")).toContainText("Email address is not a valid email address.");
    await expect(form.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Email address")).toHaveAccessibleDescription(
      "Email address is not a valid email address.",
    );
    await expectAccessible(page, "people with a form error");

    const email = uniqueEmail("noor", info.project.name);
    await form.getByLabel("Email address").fill(email);
    await form.getByRole("button", { name: "Add person" }).click();
    await expect(form.getByRole("status")).toHaveText("Noor Nieuw has been added.");
    await expect(page.getByRole("link", { name: "Noor Nieuw" }).first()).toBeVisible();

    const mail = await waitForMail(email, /invitation#token=/);
    // The new person chose no language, so the invitation is in the organisation's language (Dutch).
    expect(mail.subject).toBe("Carla Verbeek nodigt je uit voor Beklijf");
  });

  test("imports a CSV with one bad row: sees the problem, imports nothing, then imports the fixed file", async ({
    page,
  }, info) => {
    await signInInEnglish(page, "coordinator@demo.beklijf.nl");
    await page.goto(`${APP}/people/import`);
    await expect(page.getByRole("heading", { level: 1, name: "Import people from CSV" })).toBeVisible();
    await expectAccessible(page, "import");

    const good = uniqueEmail("kees", info.project.name);
    const other = uniqueEmail("lieke", info.project.name);
    const bad = `Voornaam;Achternaam;E-mail;Afdeling\nKees;Koster;${good};Montage\nLieke;Lont;lieke-at-example;Montage\n`;
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "medewerkers.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await expect(page.getByText("1 new, 0 to update, 1 with problems.")).toBeVisible();
    await expect(page.getByText("Email address is not a valid email address.")).toBeVisible();
    await expect(page.getByText(/1 row has a problem/)).toBeVisible();
    await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
    await expectAccessible(page, "import preview with an error");

    const fixed = bad.replace("lieke-at-example", other);
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "medewerkers.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
    await expect(page.getByText("2 new, 0 to update, 0 with problems.")).toBeVisible();
    await page.getByRole("button", { name: "Import 2 people" }).click();
    await expect(page.getByText("Done: 2 added, 0 updated.")).toBeVisible();

    await page.goto(`${APP}/people`);
    await expect(page.getByRole("link", { name: "Kees Koster" }).first()).toBeVisible();
  });

  test("manages teams, a person and the organisation on every screen in both languages", async ({ page }) => {
    await signIn(page, "coordinator@demo.beklijf.nl");
    for (const language of ["English", "Nederlands"]) {
      await page.getByRole("button", { name: language }).click();
      await page.goto(`${APP}/teams`);
      await expect(page.getByRole("heading", { level: 3, name: "Montage" })).toBeVisible();
      await expectAccessible(page, `teams (${language})`);
      await page.goto(`${APP}/organisation`);
      await expect(page.locator("h1")).toHaveText(language === "English" ? "Organisation" : "Organisatie");
      await expectAccessible(page, `organisation (${language})`);
      await page.goto(`${APP}/profile`);
      await expectAccessible(page, `profile (${language})`);
      await page.goto(`${APP}/people`);
      await page.getByRole("link", { name: "Femke de Wit" }).click();
      await expect(page.locator("h1")).toHaveText("Femke de Wit");
      await expectAccessible(page, `person (${language})`);
    }
    await useEnglish(page);
    await page.goto(`${APP}/organisation`);
    await page.getByLabel("Anonymity threshold").fill("2");
    // The first of the page's settings cards; the country and working week have their own.
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect(page.getByLabel("Anonymity threshold")).toHaveAccessibleDescription(
      /Anonymity threshold must be at least 3\./,
    );
  });
});

test("a coordinator erases a person's personal data after confirming", async ({ page }, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/people`);
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill("Tijdelijke Kracht");
  await form.getByLabel("Email address").fill(uniqueEmail("tijdelijk", info.project.name));
  await form.getByLabel("Email an invitation now").uncheck();
  await form.getByRole("button", { name: "Add person" }).click();
  await page.getByRole("link", { name: "Tijdelijke Kracht" }).first().click();
  const erase = page.getByRole("button", { name: "Erase personal data" });
  await expect(erase).toBeDisabled();
  await page.getByLabel(/personal data will be erased for good/).check();
  await erase.click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tijdelijke Kracht" })).toHaveCount(0);
});

test("a double click on a create button makes one record", async ({ page }) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/teams`);
  const name = `Dubbelklik ${Date.now()}`;
  await page.getByLabel("Team name").fill(name);
  // Two clicks before the page can react, as an impatient person or a slow phone produces.
  await page.getByRole("button", { name: "Create team" }).dblclick();
  await expect(page.getByText("The team has been created.")).toBeVisible();
  const teams = (await (await page.request.get(`${APP}/api/teams`)).json()) as { name: string }[];
  expect(teams.filter((team) => team.name === name)).toHaveLength(1);
});
