import { describe, expect, it } from "vitest";
import type { QuestionBank, QuestionView } from "../../../common/schemas/questions.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildOrganisation, buildPerson } from "../../../test-support/factories.ts";
import { scenario, trajectoryWithContent } from "../../../test-support/learning.ts";

describe("the question bank: /api/trajectories/:trajectoryId/questions", () => {
  const t = useTestApp();
  const call = caller(t);

  /** An organisation of its own with a designer signed in and one trajectory: each test starts from here. */
  async function designerWithTrajectory() {
    const db = t.database.db;
    const org = await buildOrganisation(db);
    const designer = await t.signIn(
      (await buildPerson(db, { organisationId: org.id, roles: ["designer"] })).email,
    );
    const created = await call("POST", "/api/trajectories", designer, trajectoryWithContent());
    const trajectory = created.json<TrajectoryDetail>();
    const competenceId = trajectory.document.competences[0]!.id!;
    const bank = `/api/trajectories/${trajectory.id}/questions`;
    return { org, designer, trajectory, competenceId, bank };
  }

  async function addQuestion(designer: string, bank: string, competenceId: string, n = 1) {
    const response = await call("POST", bank, designer, scenario(competenceId, n));
    expect(response.statusCode).toBe(201);
    return response.json<QuestionView>();
  }

  it("requires authentication", async () => {
    const { bank } = await designerWithTrajectory();
    expect((await call("GET", bank, null)).statusCode).toBe(401);
    expect((await call("POST", bank, null, { prompt: "x" })).statusCode).toBe(401);
  });

  it("hides other organisations' data", async () => {
    const { bank, competenceId } = await designerWithTrajectory();
    const outsider = await t.signIn(
      (await buildCoordinator(t.database.db, (await buildOrganisation(t.database.db)).id)).email,
    );
    expect((await call("GET", bank, outsider)).statusCode).toBe(404);
    expect((await call("POST", bank, outsider, scenario(competenceId))).statusCode).toBe(404);
    expect((await call("GET", `${bank}/export?format=json`, outsider)).statusCode).toBe(404);
  });

  it("is for designers and coordinators only", async () => {
    const { org, bank, competenceId, designer } = await designerWithTrajectory();
    const question = await addQuestion(designer, bank, competenceId);
    const db = t.database.db;
    for (const roles of [["learner"], ["manager"], ["coach"]] as const) {
      const cookie = await t.signIn(
        (await buildPerson(db, { organisationId: org.id, roles: [...roles] })).email,
      );
      expect((await call("GET", bank, cookie)).statusCode).toBe(403);
      expect((await call("POST", bank, cookie, scenario(competenceId))).statusCode).toBe(403);
      expect(
        (await call("PUT", `${bank}/${question.id}`, cookie, scenario(competenceId, 2))).statusCode,
      ).toBe(403);
      expect((await call("DELETE", `${bank}/${question.id}`, cookie)).statusCode).toBe(403);
    }
    expect((await call("GET", bank, designer)).json<QuestionBank>().questions).toHaveLength(1);
  });

  it("adds a scenario question and shows it in the bank with trouble per competence", async () => {
    const { bank, competenceId, designer, trajectory } = await designerWithTrajectory();
    const created = await addQuestion(designer, bank, competenceId);
    expect(created).toMatchObject({ competenceId, kind: "scenario", level: "decision", uses: ["practice"] });
    expect(created.options.every((o) => o.id.length > 0)).toBe(true);
    const read = await call("GET", bank, designer);
    expect(read.statusCode).toBe(200);
    const { questions, trouble } = read.json<QuestionBank>();
    expect(questions.map((q) => q.id)).toEqual([created.id]);
    expect(trouble.map((c) => c.competenceId)).toEqual(trajectory.document.competences.map((c) => c.id));
    expect(trouble[0]).toMatchObject({ answers: 0, missRate: null, learnersInRemediation: 0 });
  });

  it("names the offending field when a question breaks a rule", async () => {
    const { bank, competenceId, designer } = await designerWithTrajectory();
    const unknown = await call("POST", bank, designer, { ...scenario(competenceId), competenceId: "nope" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: "competenceId", code: "unknown_competence" }),
    ]);
    const noSituation = await call("POST", bank, designer, {
      ...scenario(competenceId),
      situation: undefined,
    });
    expect(noSituation.statusCode).toBe(400);
    expect(noSituation.json().errors).toEqual([
      expect.objectContaining({ field: "situation", code: "situation_required" }),
    ]);
    const open = await call("POST", bank, designer, {
      competenceId,
      kind: "open",
      uses: ["insight-test"],
      prompt: "How do you open the conversation?",
    });
    expect(open.statusCode).toBe(400);
    expect(
      open
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["modelAnswer", "uses"]);
    expect((await call("GET", bank, designer)).json<QuestionBank>().questions).toHaveLength(0);
  });

  it("changes a question, and refuses one of another trajectory", async () => {
    const { bank, competenceId, designer } = await designerWithTrajectory();
    const question = await addQuestion(designer, bank, competenceId);
    const changed = await call("PUT", `${bank}/${question.id}`, designer, {
      ...scenario(competenceId),
      prompt: "What do you say first?",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: question.id, prompt: "What do you say first?" });
    const other = (
      await call("POST", "/api/trajectories", designer, trajectoryWithContent())
    ).json<TrajectoryDetail>();
    const elsewhere = await call(
      "PUT",
      `/api/trajectories/${other.id}/questions/${question.id}`,
      designer,
      scenario(other.document.competences[0]!.id!),
    );
    expect(elsewhere.statusCode).toBe(404);
  });

  it("removes a question from the bank, once", async () => {
    const { bank, competenceId, designer } = await designerWithTrajectory();
    const kept = await addQuestion(designer, bank, competenceId, 1);
    const removed = await addQuestion(designer, bank, competenceId, 2);
    expect((await call("DELETE", `${bank}/${removed.id}`, designer)).statusCode).toBe(204);
    expect((await call("GET", bank, designer)).json<QuestionBank>().questions.map((q) => q.id)).toEqual([
      kept.id,
    ]);
    expect((await call("DELETE", `${bank}/${removed.id}`, designer)).statusCode).toBe(404);
    expect((await call("PUT", `${bank}/${removed.id}`, designer, scenario(competenceId))).statusCode).toBe(
      404,
    );
  });

  it("exports the bank as CSV and JSON, and imports the JSON back in the same order", async () => {
    const { bank, competenceId, designer } = await designerWithTrajectory();
    const first = await addQuestion(designer, bank, competenceId, 1);
    await addQuestion(designer, bank, competenceId, 2);
    const csv = await call("GET", `${bank}/export`, designer);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="questions.csv"');
    expect(csv.body).toContain(first.prompt);
    const json = await call("GET", `${bank}/export?format=json`, designer);
    expect(json.headers["content-type"]).toContain("application/json");
    const imported = await call("POST", `${bank}/import`, designer, { format: "json", content: json.body });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toEqual({ imported: 2 });
    const situations = (await call("GET", bank, designer))
      .json<QuestionBank>()
      .questions.map((q) => q.situation);
    expect(situations).toEqual([...situations.slice(0, 2), ...situations.slice(0, 2)]);
  });

  it("imports nothing from a file with a bad row, and says which line and field", async () => {
    const { bank, competenceId, designer } = await designerWithTrajectory();
    const content = JSON.stringify({
      questions: [scenario(competenceId), { ...scenario(competenceId), competenceId: "nope" }],
    });
    const response = await call("POST", `${bank}/import`, designer, { format: "json", content });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: "QUESTIONS_IMPORT_INVALID" });
    expect(response.json().errors[0]).toMatchObject({ field: "competenceId" });
    expect((await call("GET", bank, designer)).json<QuestionBank>().questions).toHaveLength(0);
    const unreadable = await call("POST", `${bank}/import`, designer, { format: "json", content: "{" });
    expect(unreadable.json().errors[0]).toMatchObject({ field: "content", code: "import_unreadable" });
  });

  it("refuses an unknown trajectory", async () => {
    const { designer } = await designerWithTrajectory();
    const missing = "/api/trajectories/00000000-0000-4000-8000-000000000000/questions";
    expect((await call("GET", missing, designer)).statusCode).toBe(404);
  });
});
