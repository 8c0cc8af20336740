import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";

/** Posts one statement to the LRS with Basic credentials, as an authoring tool's course would. */
async function postStatement(request: APIRequestContext, key: string, secret: string) {
  const response = await request.post(`${APP}/xapi/statements`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`,
      "x-experience-api-version": "1.0.3",
    },
    data: {
      actor: { mbox: "mailto:learner@example.test" },
      verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
      object: { id: "https://content.example.test/course/fire-safety" },
    },
  });
  return response.status();
}

test("the coordinator creates xAPI credentials, sees the secret once, and revokes them", async ({
  page,
  request,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/organisation`);
  const card = page.getByRole("region", { name: "Learning records (xAPI)" });
  await card.getByRole("link", { name: "Manage xAPI credentials" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Learning records (xAPI)" })).toBeVisible();
  await expectAccessible(page, "xAPI credentials");

  // A name is needed; the error names the field by its label.
  const form = page.getByRole("form", { name: "New credentials" });
  await form.getByRole("button", { name: "Create credentials" }).click();
  await expect(form.getByRole("alert")).toContainText("Name");

  const name = `Storyline (${info.project.name})`;
  await form.getByLabel("Name of the system").fill(name);
  await form.getByRole("button", { name: "Create credentials" }).click();
  const created = page.getByRole("region", { name: "Copy these credentials now" });
  await expect(created).toContainText("/xapi/");
  const codes = created.locator("dd code");
  const key = (await codes.nth(1).textContent())!;
  const secret = (await codes.nth(2).textContent())!;
  await expectAccessible(page, "new xAPI credentials");
  expect(await postStatement(request, key, secret)).toBe(200);

  // Listed without the secret; after a reload the secret is gone for good.
  const list = page.getByRole("region", { name: "Credentials in use" });
  const row = list.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key);
  await page.reload();
  await expect(page.getByRole("region", { name: "Copy these credentials now" })).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked on");
  await expectAccessible(page, "revoked xAPI credentials");
  expect(await postStatement(request, key, secret)).toBe(401);
});

test("a learner is told the xAPI credentials are not for her role", async ({ page }) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await page.goto(`${APP}/organisation/xapi-clients`);
  await expect(page.getByText("Your role does not allow this.")).toBeVisible();
  await expectAccessible(page, "xAPI credentials as a learner");
});
