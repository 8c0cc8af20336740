import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuestionDraftList, QuestionDraftView } from "../../../common/schemas/ai.ts";
import type { PracticeResponse } from "../../../common/schemas/learning.ts";
import type { QuestionBank } from "../../../common/schemas/questions.ts";
import type { DesignCheckResult, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { PEER_KEY, runDrafting } from "../../../test-support/ai.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildPerson } from "../../../test-support/factories.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import {
  draftsAnswer,
  dutchScenarios,
  startOpenAiPeer,
  type OpenAiPeer,
} from "../../../test-support/openai-peer.ts";

describe("reviewing AI drafts: /api/trajectories/:trajectoryId/question-drafts/:draftId", () => {
  const t = useTestApp();
  const call = caller(t);
  let peer: OpenAiPeer;
  beforeAll(async () => {
    peer = await startOpenAiPeer({ apiKey: PEER_KEY });
  });
  afterAll(() => peer.close());

  /** A cohort after its practice day with an empty bank, AI on, and two drafts waiting for review. */
  async function cohortWithDrafts() {
    const setup = await organisationWithCohort(t, { organisation: { defaultLocale: "nl" } });
    const designer = setup.designer.cookie;
    const saved = await call("PUT", "/api/organisation/ai", designer, {
      enabled: true,
      baseUrl: peer.baseUrl,
      model: "peer-model-small",
      apiKey: PEER_KEY,
    });
    expect(saved.statusCode).toBe(200);
    const drafts = `/api/trajectories/${setup.trajectory.id}/question-drafts`;
    peer.queue({ kind: "ok", content: draftsAnswer(dutchScenarios) });
    await call("POST", drafts, designer, {
      competenceId: setup.competenceIds[0],
      kind: "scenario",
      count: 2,
    });
    await runDrafting(t);
    const list = (await call("GET", drafts, designer)).json<QuestionDraftList>();
    const learner = setup.learners[0]!.cookie;
    return {
      ...setup,
      designer,
      drafts,
      pending: list.drafts,
      practice: async () => (await call("GET", "/api/me/practice", learner)).json<PracticeResponse>(),
      bank: async () =>
        (
          await call("GET", `/api/trajectories/${setup.trajectory.id}/questions`, designer)
        ).json<QuestionBank>(),
    };
  }

  it("requires authentication", async () => {
    const { drafts, pending } = await cohortWithDrafts();
    expect((await call("POST", `${drafts}/${pending[0]!.id}/accept`, null, {})).statusCode).toBe(401);
    expect((await call("POST", `${drafts}/${pending[0]!.id}/reject`, null)).statusCode).toBe(401);
  });

  it("hides other organisations' data", async () => {
    const { drafts, pending } = await cohortWithDrafts();
    const other = await cohortWithDrafts();
    expect((await call("POST", `${drafts}/${pending[0]!.id}/accept`, other.designer, {})).statusCode).toBe(
      404,
    );
    expect((await call("POST", `${drafts}/${pending[0]!.id}/reject`, other.designer)).statusCode).toBe(404);
  });

  it("keeps drafts away from learners until a designer accepts one, which keeps its origin", async () => {
    const { drafts, pending, practice, bank, designer, trajectory } = await cohortWithDrafts();
    expect((await practice()).cards).toEqual([]);
    expect((await bank()).questions).toEqual([]);
    const accepted = await call("POST", `${drafts}/${pending[0]!.id}/accept`, designer, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<QuestionDraftView>()).toMatchObject({
      status: "accepted",
      reviewedAt: t.clock.now.toISOString(),
    });
    const [question] = (await bank()).questions;
    expect(question).toMatchObject({
      prompt: "Wat doe je als eerste?",
      origin: "ai",
      ai: { model: "peer-model-small", reviewedAt: t.clock.now.toISOString() },
    });
    expect(question!.ai!.reviewedBy).toBeTruthy();
    const cards = (await practice()).cards;
    expect(cards.map((card) => card.question.prompt)).toEqual(["Wat doe je als eerste?"]);
    expect(cards[0]!.question.aiDrafted).toBe(true);
    // The export says so too.
    const exported = await call(
      "GET",
      `/api/trajectories/${trajectory.id}/questions/export?format=json`,
      designer,
    );
    expect(exported.json()).toMatchObject({
      questions: [{ origin: "ai", ai: { model: "peer-model-small" } }],
    });
  });

  it("accepts an edited draft as edited, and a rejected one never reaches a learner", async () => {
    const { drafts, pending, practice, bank, designer } = await cohortWithDrafts();
    const [first, second] = pending;
    const edited = { ...first!.question, prompt: "Wat doe je als allereerste?" };
    const accepted = await call("POST", `${drafts}/${first!.id}/accept`, designer, { question: edited });
    expect(accepted.statusCode).toBe(200);
    expect((await call("POST", `${drafts}/${second!.id}/reject`, designer)).json()).toMatchObject({
      status: "rejected",
    });
    expect((await bank()).questions.map((q) => q.prompt)).toEqual(["Wat doe je als allereerste?"]);
    expect((await practice()).cards.map((card) => card.question.prompt)).toEqual([
      "Wat doe je als allereerste?",
    ]);
  });

  it("accepts or rejects a draft once: a second try changes nothing and says so", async () => {
    const { drafts, pending, bank, designer } = await cohortWithDrafts();
    const url = `${drafts}/${pending[0]!.id}/accept`;
    const [one, two] = await Promise.all([call("POST", url, designer, {}), call("POST", url, designer, {})]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    expect([one, two].find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: "AI_DRAFT_REVIEWED" });
    expect((await call("POST", `${drafts}/${pending[0]!.id}/reject`, designer)).statusCode).toBe(409);
    expect((await bank()).questions).toHaveLength(1);
  });

  it("refuses an edit that breaks the question rules, by field, and leaves the draft waiting", async () => {
    const { drafts, pending, designer } = await cohortWithDrafts();
    const broken = {
      ...pending[0]!.question,
      options: pending[0]!.question.options.map((o) => ({ ...o, correct: false })),
    };
    const response = await call("POST", `${drafts}/${pending[0]!.id}/accept`, designer, { question: broken });
    expect(response.statusCode).toBe(400);
    const list = (await call("GET", drafts, designer)).json<QuestionDraftList>();
    expect(list.drafts.filter((d) => d.status === "pending")).toHaveLength(2);
  });

  it("is for designers and coordinators: a learner or manager cannot draft or review", async () => {
    const { drafts, pending, organisation, competenceIds } = await cohortWithDrafts();
    const manager = await t.signIn(
      (await buildPerson(t.database.db, { organisationId: organisation.id, roles: ["manager"] })).email,
    );
    expect((await call("GET", drafts, manager)).statusCode).toBe(403);
    expect(
      (await call("POST", drafts, manager, { competenceId: competenceIds[0], kind: "open", count: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await call("POST", `${drafts}/${pending[0]!.id}/accept`, manager, {})).statusCode).toBe(403);
  });

  it("lets the design check notice an empty bank and drafts waiting for review", async () => {
    const { drafts, pending, designer, trajectory } = await cohortWithDrafts();
    const check = async () =>
      (
        await call(
          "POST",
          `/api/trajectories/${trajectory.id}/design-check`,
          designer,
          trajectory.document as TrajectoryDocument,
        )
      ).json<DesignCheckResult>();
    expect((await check()).findings.find((f) => f.rule === "question-bank")).toMatchObject({
      severity: "high",
    });
    await call("POST", `${drafts}/${pending[0]!.id}/accept`, designer, {});
    const waiting = (await check()).findings.find((f) => f.rule === "question-bank");
    expect(waiting).toMatchObject({
      severity: "low",
      message: expect.stringContaining("AI-drafted questions waiting for review: 1.") as unknown,
    });
    await call("POST", `${drafts}/${pending[1]!.id}/reject`, designer);
    expect((await check()).findings.find((f) => f.rule === "question-bank")).toBeUndefined();
  });
});
