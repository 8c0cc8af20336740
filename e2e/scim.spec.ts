import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { APP, expectAccessible, signInInEnglish, uniqueEmail } from "./support/fixtures.ts";

/** A SCIM call as Microsoft Entra ID makes it: a Bearer token and `application/scim+json`. */
function scim(request: APIRequestContext, token: string) {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  return {
    post: (path: string, data: unknown) => request.post(`${APP}/scim/v2${path}`, { headers, data }),
    patch: (path: string, data: unknown) => request.patch(`${APP}/scim/v2${path}`, { headers, data }),
    get: (path: string) => request.get(`${APP}/scim/v2${path}`, { headers }),
  };
}

test("the coordinator creates a provisioning token, the directory adds and deactivates a person, and the token is revoked", async ({
  page,
  request,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/organisation`);
  const card = page.getByRole("region", { name: "Automatic provisioning (SCIM)" });
  await expect(card).toContainText("/scim/v2");
  await card.scrollIntoViewIfNeeded();
  await expectAccessible(page, "organisation page with SCIM tokens");

  // A name is needed; the error names the field by its label.
  const form = card.getByRole("form", { name: "New token" });
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByRole("alert")).toContainText("Name");

  const name = `Entra ID (${info.project.name})`;
  await form.getByLabel("Name of the directory").fill(name);
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = card.getByRole("status").filter({ hasText: `Copy the token for “${name}” now` });
  await expect(shown).toBeVisible();
  const token = (await shown.locator("code").textContent())!;
  expect(token).toMatch(/^bkscim_/);
  await expectAccessible(page, "a new SCIM token");
  await card.screenshot({ path: `test-results/scim-token-${info.project.name}.png` });

  // The directory provisions someone with Entra ID's documented request.
  const email = uniqueEmail("scim", info.project.name);
  const directory = scim(request, token);
  const created = await directory.post("/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    externalId: `entra-${email}`,
    userName: email,
    active: true,
    emails: [{ primary: true, type: "work", value: email }],
    name: { formatted: "Sanne de Vries", givenName: "Sanne", familyName: "de Vries" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`${APP}/people`);
  const row = page.getByRole("row").filter({ hasText: "Sanne de Vries" }).filter({ hasText: email });
  await expect(row).toContainText("Invited");

  // Entra deactivates with a capitalised op and a string boolean; the people list shows it at once.
  const patched = await directory.patch(`/Users/${id}`, {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "Replace", path: "active", value: "False" }],
  });
  expect(patched.status()).toBe(200);
  await page.reload();
  await expect(row).toContainText("Deactivated");

  // Listed without the token; after a reload it is gone for good; revoking stops the directory.
  await page.goto(`${APP}/organisation`);
  await expect(page.getByText(token)).toHaveCount(0);
  const tokenRow = card.getByRole("row").filter({ hasText: name });
  await expect(tokenRow).not.toContainText("Not yet");
  page.once("dialog", (dialog) => void dialog.accept());
  await tokenRow.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(tokenRow).toContainText("Revoked on");
  await expectAccessible(page, "a revoked SCIM token");
  await card.screenshot({ path: `test-results/scim-revoked-${info.project.name}.png` });
  expect((await directory.get("/Users")).status()).toBe(401);
});
