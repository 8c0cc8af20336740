import { completeScanAnswers } from "../../../test-support/scan-answers.ts";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildTeam,
} from "../../../test-support/factories.ts";
import { pdfFonts, pdfStructure } from "../../../test-support/pdf-inspect.ts";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { pdfPages } from "../../../test-support/pdf-text.ts";
import { tokenIn } from "../../../test-support/smtp-peer.ts";
import { outboxEmails, scanResponses } from "../../db/schema/index.ts";

describe("culture scan", () => {
  const t = useTestApp();
  let coordinator: string;
  let big: string;
  let small: string;
  let scanId: string;
  const tokens = new Map<string, string>();

  const call = (
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: object,
    cookie: string | null = coordinator,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { origin: TEST_ORIGIN, "accept-language": "en", ...(cookie ? { cookie } : {}) },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db, { name: "Kappa Koeltechniek" });
    await buildCoordinator(db, org.id, { email: "coord@kappa.test" });
    const bigMembers = await Promise.all(
      Array.from({ length: 9 }, (_, i) => buildLearner(db, org.id, { email: `big${i}@kappa.test` })),
    );
    const smallMembers = await Promise.all(
      Array.from({ length: 3 }, (_, i) => buildLearner(db, org.id, { email: `small${i}@kappa.test` })),
    );
    big = (await buildTeam(db, org.id, { name: "Service", memberIds: bigMembers.map((m) => m.id) })).id;
    small = (await buildTeam(db, org.id, { name: "Kantoor", memberIds: smallMembers.map((m) => m.id) })).id;
    coordinator = await t.signIn("coord@kappa.test");
    const created = await call("POST", "/api/culture-scans", {
      title: "Leercultuur 2027",
      teamIds: [big, small],
      opensOn: "2020-01-01",
      closesOn: "2099-12-31",
    });
    expect(created.statusCode).toBe(201);
    scanId = created.json().id;
    const mails = await db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.template, "culture-scan-invitation"));
    for (const mail of mails) tokens.set(mail.toAddress, tokenIn(mail.textBody));
  });

  it("emails every invited person a personal link", () => {
    expect(tokens.size).toBe(12);
  });

  it("only lets a coordinator start a scan or see results", async () => {
    const learner = await t.signIn("big0@kappa.test");
    expect((await call("GET", "/api/culture-scans", undefined, learner)).statusCode).toBe(403);
    expect((await call("GET", `/api/culture-scans/${scanId}/results`, undefined, learner)).statusCode).toBe(
      403,
    );
  });

  it("resumes a started questionnaire from the same link", async () => {
    const token = tokens.get("big0@kappa.test")!;
    expect(
      (await call("PUT", "/api/scan/draft", { token, answers: { learningNow: "yes", tasks: 4 } }, null))
        .statusCode,
    ).toBe(200);
    const lookup = (await call("POST", "/api/scan/lookup", { token }, null)).json();
    expect(lookup).toMatchObject({
      title: "Leercultuur 2027",
      status: "open",
      shared: false,
      draft: { learningNow: "yes", tasks: 4 },
    });
  });

  it("refuses an incomplete answer and an answer outside the options, and counts nothing", async () => {
    const token = tokens.get("big1@kappa.test")!;
    const incomplete = await call(
      "POST",
      "/api/scan/submit",
      { token, answers: { learningNow: "yes" } },
      null,
    );
    expect(incomplete.json().errors[0].code).toBe("incomplete_answers");
    const outside = await call(
      "POST",
      "/api/scan/submit",
      { token, answers: { ...completeScanAnswers(3), learningNow: "maybe" } },
      null,
    );
    expect(outside.json().errors[0].code).toBe("invalid_answer");
    expect(await t.database.db.select().from(scanResponses)).toHaveLength(0);
  });

  it("counts each link once and stores responses without any link to the person", async () => {
    for (let i = 0; i < 9; i++) {
      const response = await call(
        "POST",
        "/api/scan/submit",
        {
          token: tokens.get(`big${i}@kappa.test`)!,
          answers: completeScanAnswers(2, i === 0 ? "Meer tijd om te oefenen" : ""),
        },
        null,
      );
      expect(response.statusCode, `big${i}`).toBe(200);
    }
    for (let i = 0; i < 3; i++) {
      await call(
        "POST",
        "/api/scan/submit",
        { token: tokens.get(`small${i}@kappa.test`)!, answers: completeScanAnswers(5) },
        null,
      );
    }
    const again = await call(
      "POST",
      "/api/scan/submit",
      { token: tokens.get("big0@kappa.test")!, answers: completeScanAnswers(1) },
      null,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("SCAN_ALREADY_ANSWERED");
    const stored = await t.database.db.select().from(scanResponses);
    expect(stored).toHaveLength(12);
    expect(Object.keys(stored[0]!)).not.toContain("personId");
    expect(JSON.stringify(stored)).not.toContain("kappa.test");
  });

  it("shows only counts while the scan is open", async () => {
    const results = (await call("GET", `/api/culture-scans/${scanId}/results`)).json();
    expect(results).toMatchObject({
      threshold: 5,
      responses: 12,
      invited: 12,
      responseRate: 100,
      heldUntilClose: true,
      overall: null,
      comments: [],
      recommendations: [],
    });
    expect(results.groups.every((g: { figures: unknown }) => g.figures === null)).toBe(true);
  });

  it("shows figures for the team of nine and none for the team of three once closed", async () => {
    expect((await call("POST", `/api/culture-scans/${scanId}/close`)).statusCode).toBe(200);
    const response = await call("GET", `/api/culture-scans/${scanId}/results`);
    expect(response.statusCode).toBe(200);
    const results = response.json();
    expect(results).toMatchObject({ threshold: 5, responses: 12, invited: 12, responseRate: 100 });
    expect(results.heldUntilClose).toBe(false);
    const groups = Object.fromEntries(results.groups.map((g: { team: string }) => [g.team, g]));
    // Service alone would let the total reveal Kantoor, so both merge; only the total is shown.
    expect(groups.Kantoor).toMatchObject({ responses: 3, figures: null });
    expect(
      results.groups.filter((g: { teamId: string | null; figures: unknown }) => g.teamId && g.figures),
    ).toEqual([]);
    expect(results.overall.phases.acting).toBe(12);
    expect(results.heatmap.manager.acting).toBeCloseTo((9 * 2 + 3 * 5) / 12, 1);
    expect(results.comments).toEqual(["Meer tijd om te oefenen"]);
    expect(results.recommendations.length).toBeGreaterThan(0);
  });

  it("exports the aggregated figures as CSV, with nothing below the threshold", async () => {
    const response = await call("GET", `/api/culture-scans/${scanId}/results.csv`);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.body).toContain("Kantoor");
    expect(response.body).toContain("not shown (too few answers)");
  });

  it("writes the CSV's figures with a decimal comma in Dutch and a decimal point in English", async () => {
    const figures = async (language: string) => {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/culture-scans/${scanId}/results.csv`,
        headers: { "accept-language": language, cookie: coordinator },
      });
      const rows = parse(response.body, { delimiter: ";", bom: true }) as string[][];
      return rows.slice(1).map((row) => row[3]!);
    };
    const dutch = await figures("nl");
    expect(dutch.some((value) => /^\d+,\d+$/.test(value))).toBe(true);
    expect(dutch.some((value) => value.includes("."))).toBe(false);
    const english = await figures("en");
    expect(english.some((value) => /^\d+\.\d+$/.test(value))).toBe(true);
    expect(english.some((value) => value.includes(","))).toBe(false);
  });

  it("exports a PDF report with the expected headings and no suppressed figures", async () => {
    const response = await call(
      "GET",
      `/api/culture-scans/${scanId}/results`.replace("results", "report.pdf"),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(response.rawPayload.length).toBeGreaterThan(2000);
    const fonts = pdfFonts(response.rawPayload);
    expect(fonts.standard).toEqual([]);
    expect(fonts.allEmbedded).toBe(true);
    const structure = await pdfStructure(response.rawPayload);
    expect(structure).toMatchObject({ marked: true, language: "en", title: "Leercultuur 2027" });
    expect(structure.roles).toEqual(expect.arrayContaining(["H1", "H2", "P", "Figure"]));
    // The heatmap and the preconditions are drawn as on screen: layer and phase names, the scores.
    const text = (await pdfPages(response.rawPayload)).join(" ");
    expect(text).toContain("Direct manager");
    expect(text).toContain("Not yet aware");
    const results = (await call("GET", `/api/culture-scans/${scanId}/results`)).json<ScanResults>();
    expect(text).toContain(results.heatmap.manager!.acting!.toFixed(1));
  });

  it("shows a team under its new name after a rename during the scan", async () => {
    await call("PATCH", `/api/teams/${small}`, { name: "Binnendienst" });
    const results = (await call("GET", `/api/culture-scans/${scanId}/results`)).json();
    expect(results.groups.map((g: { team: string }) => g.team)).toContain("Binnendienst");
  });

  /**
   * An organisation of its own (`name`.test) whose coordinator opens a scan for a team of two, named by
   * the local parts of their addresses: the coordinator's cookie and the scan's id.
   */
  async function scanForTwo(name: string, members: [string, string], title: string) {
    const db = t.database.db;
    const org = await buildOrganisation(db, { name: name[0]!.toUpperCase() + name.slice(1) });
    await buildCoordinator(db, org.id, { email: `coord@${name}.test` });
    const memberIds = [];
    for (const member of members)
      memberIds.push((await buildLearner(db, org.id, { email: `${member}@${name}.test` })).id);
    const team = await buildTeam(db, org.id, { name: "Team", memberIds });
    const cookie = await t.signIn(`coord@${name}.test`);
    const scan = { title, teamIds: [team.id], opensOn: "2020-01-01", closesOn: "2099-01-01" };
    return { cookie, id: (await call("POST", "/api/culture-scans", scan, cookie)).json<{ id: string }>().id };
  }

  it("keeps an answer that was started before the scan closed, and refuses a new one after", async () => {
    const db = t.database.db;
    const { cookie, id } = await scanForTwo("lambda", ["early", "late"], "Kort");
    const mails = await db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.template, "culture-scan-invitation"));
    const token = (email: string) => tokenIn(mails.find((m) => m.toAddress === email)!.textBody);
    await call("PUT", "/api/scan/draft", { token: token("early@lambda.test"), answers: { tasks: 3 } }, null);
    t.clock.now = new Date(Date.now() + 60_000);
    await call("POST", `/api/culture-scans/${id}/close`, undefined, cookie);
    t.clock.now = new Date(Date.now() + 120_000);
    expect(
      (await call("POST", "/api/scan/lookup", { token: token("early@lambda.test") }, null)).json(),
    ).toMatchObject({ status: "open", lateButStarted: true });
    expect(
      (
        await call(
          "POST",
          "/api/scan/submit",
          { token: token("early@lambda.test"), answers: completeScanAnswers(3) },
          null,
        )
      ).statusCode,
    ).toBe(200);
    const late = await call(
      "POST",
      "/api/scan/submit",
      { token: token("late@lambda.test"), answers: completeScanAnswers(3) },
      null,
    );
    expect(late.json().code).toBe("SCAN_CLOSED");
    t.clock.now = new Date();
  });

  it("reminds everyone invited the same way, so neither the count nor the mail tells who answered", async () => {
    const db = t.database.db;
    const { cookie, id } = await scanForTwo("mu", ["done", "todo"], "Herinnering");
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "done@mu.test"));
    const firstLink = tokenIn(mails[0]!.textBody);
    await call("POST", "/api/scan/submit", { token: firstLink, answers: completeScanAnswers(4) }, null);
    const reminded = await call("POST", `/api/culture-scans/${id}/reminders`, undefined, cookie);
    expect(reminded.json()).toEqual({ reminded: 2 });
    const reminders = await db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.template, "culture-scan-reminder"));
    expect(reminders.map((m) => m.toAddress).sort()).toEqual(["done@mu.test", "todo@mu.test"]);
    const doneReminder = tokenIn(reminders.find((m) => m.toAddress === "done@mu.test")!.textBody);
    expect((await call("POST", "/api/scan/lookup", { token: doneReminder }, null)).json()).toMatchObject({
      status: "answered",
      draft: null,
    });
    const todoFirst = tokenIn(
      (await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "todo@mu.test")))[0]!.textBody,
    );
    expect((await call("POST", "/api/scan/lookup", { token: todoFirst }, null)).statusCode).toBe(200);
  });
});
