import { type LrsPeer, startLrsPeer } from "../test-support/lrs-peer.ts";
import { expect, test } from "./support/test.ts";
import { APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";
import { postJson } from "./support/api.ts";

let peer: LrsPeer;
test.beforeAll(async () => {
  peer = await startLrsPeer();
});
test.afterAll(() => peer.close());

test("the coordinator names an external LRS, tests it, and sees records forwarded to it", async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/organisation/xapi-clients`);
  const section = page.getByRole("region", { name: "Forward to another learning record store" });
  await expect(section).toBeVisible();
  await expectAccessible(page, "xAPI forwarding");

  // Plain HTTP to another machine is refused, by the field's label.
  const form = section.locator("form");
  await form.getByLabel("Address of the other LRS (endpoint)").fill("http://lrs.example.com/xapi/");
  await form.getByLabel("Key at the other LRS").fill("beklijf");
  await form.getByLabel("Secret at the other LRS").fill("peer-secret-e2e");
  await form.getByLabel("Forward learning records").check();
  await form.getByRole("button", { name: "Save forwarding" }).click();
  await expect(form.getByRole("alert").first()).toContainText(
    "Address of the other LRS (endpoint) must start with https://",
  );
  await expectAccessible(page, "xAPI forwarding with an error");

  await form.getByLabel("Address of the other LRS (endpoint)").fill(peer.url);
  await form.getByRole("button", { name: "Save forwarding" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  // Write-only: the secret is neither in the form nor on the page.
  await expect(form.getByLabel("Secret at the other LRS")).toHaveValue("");
  await expect(page.getByText("peer-secret-e2e")).toHaveCount(0);

  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByText("The other LRS answered. It speaks xAPI 1.0.3, 2.0.0.")).toBeVisible();
  await expectAccessible(page, "xAPI forwarding tested");

  // A record stored now reaches the other LRS through the job (every minute, after a short settle).
  const { key, secret } = await postJson<{ key: string; secret: string }>(page, "/api/xapi-clients", {
    name: "Forwarding journey",
  });
  const id = crypto.randomUUID();
  const stored = await page.request.post(`${APP}/xapi/statements`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`,
      "x-experience-api-version": "1.0.3",
    },
    data: {
      id,
      actor: { mbox: "mailto:learner@example.test" },
      verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
      object: { id: "https://content.example.test/course/forwarding" },
    },
  });
  expect(stored.status()).toBe(200);
  await expect.poll(() => peer.storedIds.includes(id), { timeout: 150_000, intervals: [5_000] }).toBe(true);
  await page.reload();
  const state = page.getByRole("region", { name: "Forward to another learning record store" });
  await expect(state.getByText("Last sent")).toBeVisible();
  await expect(state.getByText("Not yet", { exact: true })).toHaveCount(0);
  await expectAccessible(page, "xAPI forwarding after sending");
  await page.screenshot({ path: info.outputPath("forwarding.png"), fullPage: true });
});
