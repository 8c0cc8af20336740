import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { pdfPages } from "../test-support/pdf-text.ts";
import { getJson } from "./support/api.ts";
import { APP, expectAccessible, signInInEnglish } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

const FINISHED = "Kantoor en planning, klantgesprekken (voorjaar)";

/** Clicks `link` and gives the downloaded file's bytes. */
async function download(page: Page, link: ReturnType<Page["getByRole"]>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFile(await (file as Download).path());
}

const textOf = async (bytes: Buffer) => (await pdfPages(bytes)).join(" ");

test("the coordinator downloads a participant's certificate from the cohort page, in the participant's language", async ({
  page,
}, info) => {
  test.setTimeout(90_000);
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  await page.goto(`${APP}/cohorts`);
  await page.getByRole("link", { name: FINISHED }).first().click();
  const certificates = page.getByRole("region", { name: "Certificates" });
  await expect(certificates.getByRole("link", { name: "All certificates (zip)" })).toBeVisible();
  const first = certificates.getByRole("link", { name: /^Certificate for .* \(PDF\)$/ }).first();
  const name = /^Certificate for (.*) \(PDF\)$/.exec((await first.textContent()) ?? "")![1]!;
  await expectAccessible(page, "cohort page with certificates");

  const bytes = await download(page, first);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await textOf(bytes);
  // The demo's people read Dutch, so the certificate is Dutch although the coordinator reads English.
  expect(text).toContain("Deelnamecertificaat");
  expect(text).toContain(name);
  expect(text).toContain("Moeilijke klantgesprekken");
  expect(text).toContain("Uren op bijgewoonde praktijkdagen");
  expect(text).toContain("Ondertekend: Carla Verbeek, opleidingscoördinator");

  const zip = await download(page, certificates.getByRole("link", { name: "All certificates (zip)" }));
  expect(zip.subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("button", { name: "Nederlands" }).click();
  const dutch = page.getByRole("region", { name: "Certificaten" });
  await expect(dutch.getByRole("link", { name: "Alle certificaten (zip)" })).toBeVisible();
  await expect(dutch.getByRole("link", { name: `Certificaat voor ${name} (pdf)` })).toBeVisible();
  await expectAccessible(page, "cohort page with certificates (nl)");
  if (info.project.name === "phone") {
    await dutch.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath("cohort-certificates-phone.png") });
  }
});

test("the coordinator downloads a person's training record as CSV and PDF from the person page", async ({
  page,
}, info) => {
  await signInInEnglish(page, "coordinator@demo.beklijf.nl");
  const people = await getJson<{ id: string; name: string }[]>(page, "/api/people");
  // A participant who never signs in, so no journey changes her language: the organisation's Dutch.
  const anouk = people.find((p) => p.name === "Anouk Prins")!;
  await page.goto(`${APP}/people/${anouk.id}`);
  const record = page.getByRole("region", { name: "Training record" });
  await expect(record).toBeVisible();
  await expectAccessible(page, "person page with training record");

  const csv = (await download(page, record.getByRole("link", { name: "Training record (CSV)" }))).toString();
  expect(csv).toContain("Persoon;Personeelsnummer;Training;Groep;Begindatum;Einddatum");
  expect(csv).toContain(
    "Anouk Prins;;Moeilijke klantgesprekken;Kantoor en planning, klantgesprekken (voorjaar);",
  );
  const pdf = await textOf(await download(page, record.getByRole("link", { name: "Training record (PDF)" })));
  expect(pdf).toContain("Opleidingsoverzicht");
  expect(pdf).toContain("Anouk Prins");

  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("region", { name: "Opleidingsoverzicht" })).toBeVisible();
  await expectAccessible(page, "person page with training record (nl)");
  if (info.project.name === "phone") {
    await page.getByRole("region", { name: "Opleidingsoverzicht" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath("person-training-record-phone.png") });
  }
});

test("the learner downloads her certificate and training record from her passport", async ({
  page,
}, info) => {
  await signInInEnglish(page, "learner@demo.beklijf.nl");
  await page.goto(`${APP}/passport`);
  const section = page.getByRole("region", { name: "Certificates and training record" });
  await expect(section.getByText("Moeilijke klantgesprekken (Serviceteam, klantgesprekken)")).toBeVisible();
  await expect(
    section.getByText(/^Hours on practice days: [\d.]+ · online and at work: [\d.]+$/),
  ).toBeVisible();
  await expectAccessible(page, "passport with certificates (en)");

  const certificate = await textOf(
    await download(page, section.getByRole("link", { name: "Certificate: Moeilijke klantgesprekken (PDF)" })),
  );
  // Choosing English on screen saved it as her language, so her certificate is English now.
  expect(certificate).toContain("Certificate of participation");
  expect(certificate).toContain("Femke de Wit");
  expect(certificate).toContain("Group: Serviceteam, klantgesprekken");

  // Back to Dutch: saved as her language again, and her training record follows it.
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH");
  await page.getByRole("button", { name: "Nederlands" }).click();
  expect((await saved).ok()).toBe(true);
  const dutch = page.getByRole("region", { name: "Certificaten en opleidingsoverzicht" });
  await expect(
    dutch.getByText(/^Uren op praktijkdagen: [\d,]+ · online en op het werk: [\d,]+$/),
  ).toBeVisible();
  await expectAccessible(page, "passport with certificates (nl)");
  if (info.project.name === "phone") {
    await dutch.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath("passport-certificates-phone.png") });
  }
  const record = await textOf(
    await download(page, dutch.getByRole("link", { name: "Mijn opleidingsoverzicht (pdf)" })),
  );
  expect(record).toContain("Opleidingsoverzicht");
  expect(record).toContain("Femke de Wit");
  expect(record).toContain("Serviceteam, klantgesprekken");
});
