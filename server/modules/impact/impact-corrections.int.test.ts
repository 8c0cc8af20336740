import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SuccessCasesView } from "../../../common/schemas/impact.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { seededDemoImpact } from "../../../test-support/demo.ts";
import { auditEvents, successCaseInterviews } from "../../db/schema/index.ts";

type Problem = { code: string; detail: string; errors?: { field: string; code: string; message: string }[] };

describe("correcting the impact records: KPIs and success-case interviews", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let coordinator: string;
  let trajectoryId: string;
  let finishedId: string;

  beforeAll(async () => {
    ({ coordinator, trajectoryId, finishedId } = await seededDemoImpact(t));
  });

  const interviews = `/api/trajectories/${"{trajectoryId}"}/success-cases/interviews`;
  const interviewsUrl = () => interviews.replace("{trajectoryId}", trajectoryId);
  const cases = async () =>
    (
      await call("GET", `/api/trajectories/${trajectoryId}/success-cases?cohortId=${finishedId}`, coordinator)
    ).json<SuccessCasesView>();

  const interviewsAbout = (personId: string) =>
    t.database.db.select().from(successCaseInterviews).where(eq(successCaseInterviews.personId, personId));

  it("requires authentication", async () => {
    expect(
      (await call("PATCH", `${interviewsUrl()}/${crypto.randomUUID()}`, null, { notes: {} })).statusCode,
    ).toBe(401);
  });

  it("reports a KPI value that is not a number as 'not a number', in English and Dutch, on POST and PUT", async () => {
    const url = `/api/trajectories/${trajectoryId}/kpis`;
    const figure = { name: "Klachten", unit: "per maand", better: "lower", beforePeriod: "Q1" };
    const english = await call("POST", url, coordinator, { ...figure, beforeValue: "veertig" });
    expect(english.statusCode).toBe(400);
    expect(english.json<Problem>().errors).toEqual([
      {
        field: "beforeValue",
        code: "not_a_number",
        message: expect.stringMatching(/^Before is not a number/),
      },
    ]);
    const dutch = await callInDutch("POST", url, coordinator, {
      ...figure,
      beforeValue: 40,
      afterValue: "12,5x",
    });
    expect(dutch.json<Problem>().errors?.[0]?.message).toMatch(/is geen getal/);
    const missing = await call("POST", url, coordinator, figure);
    expect(missing.json<Problem>().errors?.[0]).toMatchObject({ field: "beforeValue", code: "required" });
    const created = await call("POST", url, coordinator, { ...figure, beforeValue: 40 });
    const id = created.json<{ id: string }>().id;
    const put = await callInDutch("PUT", `${url}/${id}`, coordinator, { ...figure, beforeValue: null });
    expect(put.json<Problem>().errors?.[0]).toMatchObject({ field: "beforeValue", code: "not_a_number" });
    const corrected = await call("PUT", `${url}/${id}`, coordinator, {
      ...figure,
      beforeValue: 38,
      afterValue: 30,
    });
    expect(corrected.json()).toMatchObject({ beforeValue: 38, afterValue: 30, change: -8, improved: true });
    expect((await call("DELETE", `${url}/${id}`, coordinator)).statusCode).toBe(204);
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, trajectoryId));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(["impact.kpi-updated", "impact.kpi-deleted"]),
    );
  });

  it("refuses an empty interview, naming the first question", async () => {
    const person = (await cases()).least.find((c) => !c.interview)!;
    const blank = { used: " ", result: "", helped: "", hindered: "", suggestion: "" };
    const refused = await callInDutch("POST", interviewsUrl(), coordinator, {
      personId: person.personId,
      kind: "non-success",
      notes: blank,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors?.[0]).toMatchObject({ field: "used", code: "interview_empty" });
    expect(refused.json<Problem>().errors?.[0]?.message).toContain("Wat heb je uit de training gebruikt");
    expect(await interviewsAbout(person.personId)).toEqual([]);
  });

  it("corrects an interview until it is marked final, then answers 409 with a clear message", async () => {
    const person = (await cases()).least.find((c) => !c.interview)!;
    const notes = { used: "Nog niet", result: "", helped: "", hindered: "", suggestion: "" };
    const saved = await call("POST", interviewsUrl(), coordinator, {
      personId: person.personId,
      kind: "non-success",
      notes,
    });
    expect(saved.statusCode).toBe(201);
    const id = saved.json<{ id: string }>().id;
    const edited = await call("PATCH", `${interviewsUrl()}/${id}`, coordinator, {
      notes: { ...notes, hindered: "Te druk op maandag" },
      evidenceChecked: true,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ finalAt: null, updatedAt: expect.any(String) });
    const emptied = await call("PATCH", `${interviewsUrl()}/${id}`, coordinator, {
      notes: { used: "", result: "", helped: "", hindered: "", suggestion: "" },
    });
    expect(emptied.json<Problem>().errors?.[0]).toMatchObject({ field: "used", code: "interview_empty" });
    const final = await call("POST", `${interviewsUrl()}/${id}/final`, coordinator);
    expect(final.statusCode).toBe(200);
    expect(final.json()).toMatchObject({ finalAt: expect.any(String) });
    const shown = (await cases()).least.find((c) => c.personId === person.personId)!.interview!;
    expect(shown).toMatchObject({ evidenceChecked: true, finalAt: expect.any(String) });
    expect(shown.notes.hindered).toBe("Te druk op maandag");
    const late = await callInDutch("PATCH", `${interviewsUrl()}/${id}`, coordinator, { notes });
    expect(late.statusCode).toBe(409);
    expect(late.json<Problem>()).toMatchObject({
      code: "INTERVIEW_FINAL",
      detail: expect.stringMatching(/definitief/),
    });
    expect((await call("POST", `${interviewsUrl()}/${id}/final`, coordinator)).statusCode).toBe(409);
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, person.personId));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(["impact.interview-updated", "impact.interview-final"]),
    );
  });

  it("exports an interview's correction and final state with the learner's data, and erases it", async () => {
    const person = (await cases()).least.find((c) => c.interview?.finalAt)!;
    const exported = await call("GET", `/api/people/${person.personId}/export`, coordinator);
    expect(exported.statusCode).toBe(200);
    const interviewsOut = exported.json<{
      evaluation: { successCaseInterviews: { updatedAt: string | null; finalAt: string | null }[] };
    }>().evaluation.successCaseInterviews;
    expect(interviewsOut[0]).toMatchObject({ updatedAt: expect.any(String), finalAt: expect.any(String) });
    expect((await call("DELETE", `/api/people/${person.personId}`, coordinator)).statusCode).toBeLessThan(
      300,
    );
    expect(await interviewsAbout(person.personId)).toEqual([]);
  });
});
