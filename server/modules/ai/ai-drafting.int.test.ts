import { eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { zipSync, strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DraftingJobView, QuestionDraftList } from "../../../common/schemas/ai.ts";
import { organisationWithAi, PEER_KEY, runDrafting } from "../../../test-support/ai.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildOrganisation } from "../../../test-support/factories.ts";
import {
  draftsAnswer,
  dutchScenarios,
  englishScenario,
  startOpenAiPeer,
  type OpenAiPeer,
  type PeerAnswer,
} from "../../../test-support/openai-peer.ts";
import { aiDraftingJobs, aiQuestionDrafts } from "../../db/schema/index.ts";

/** A one-page PDF holding `text`, as a designer's handbook would be. */
function pdfOf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on("data", (part: Buffer) => parts.push(part));
    doc.on("end", () => resolve(Buffer.concat(parts)));
    doc.text(text);
    doc.end();
  });
}

/** The smallest DOCX Word opens: one paragraph of `text`. */
function docxOf(text: string): Buffer {
  const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${body}`;
  return Buffer.from(
    zipSync({
      "[Content_Types].xml": strToU8(
        xml(
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
      ),
      "_rels/.rels": strToU8(
        xml(
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
      ),
      "word/document.xml": strToU8(
        xml(
          `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
        ),
      ),
    }),
  );
}

describe("drafting questions with AI: /api/trajectories/:trajectoryId/question-drafts", () => {
  const t = useTestApp();
  const call = caller(t);
  let peer: OpenAiPeer;
  beforeAll(async () => {
    peer = await startOpenAiPeer({ apiKey: PEER_KEY });
  });
  afterAll(() => peer.close());

  /** Asks for two scenario drafts, lets the peer answer with `answers`, runs the job; returns the list. */
  async function draftWith(answers: PeerAnswer[], options: { timeoutMs?: number; body?: object } = {}) {
    const setup = await organisationWithAi(t, peer);
    peer.queue(...answers);
    const response = await call("POST", setup.drafts, setup.designer, {
      competenceId: setup.competenceId,
      kind: "scenario",
      count: 2,
      ...options.body,
    });
    expect(response.statusCode, response.body).toBe(202);
    await runDrafting(t, options.timeoutMs);
    const list = (await call("GET", setup.drafts, setup.designer)).json<QuestionDraftList>();
    return { ...setup, job: response.json<DraftingJobView>(), list, latest: list.jobs[0]! };
  }

  it("requires authentication", async () => {
    const { drafts, competenceId } = await organisationWithAi(t, peer);
    expect((await call("GET", drafts, null)).statusCode).toBe(401);
    expect((await call("POST", drafts, null, { competenceId, kind: "scenario", count: 1 })).statusCode).toBe(
      401,
    );
  });

  it("hides other organisations' data", async () => {
    const { drafts, competenceId } = await draftWith([{ kind: "ok", content: draftsAnswer(dutchScenarios) }]);
    const outsider = await t.signIn(
      (await buildCoordinator(t.database.db, (await buildOrganisation(t.database.db)).id)).email,
    );
    expect((await call("GET", drafts, outsider)).statusCode).toBe(404);
    expect(
      (await call("POST", drafts, outsider, { competenceId, kind: "scenario", count: 1 })).statusCode,
    ).toBe(404);
  });

  it("answers 409 with a clear code while AI is off, and stores nothing", async () => {
    const { org, designer, drafts, competenceId } = await organisationWithAi(t, peer, { enabled: false });
    const response = await call("POST", drafts, designer, { competenceId, kind: "scenario", count: 2 });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: "AI_DISABLED",
      detail: expect.stringMatching(/coordinator/) as unknown,
    });
    expect(
      await t.database.db.select().from(aiDraftingJobs).where(eq(aiDraftingJobs.organisationId, org.id)),
    ).toEqual([]);
  });

  it("queues a job (202), then keeps the model's drafts labelled with model, date and source", async () => {
    const source = {
      type: "text",
      text: "Bij een klacht: eerst luisteren, dan samenvatten, dan pas oplossen.",
    };
    const { job, list, latest, trajectory } = await draftWith(
      [{ kind: "ok", content: draftsAnswer(dutchScenarios) }],
      {
        body: { source },
      },
    );
    expect(job).toMatchObject({ status: "queued", count: 2, kept: 0 });
    expect(latest).toMatchObject({ id: job.id, status: "done", kept: 2, dropped: 0, errorCode: null });
    expect(list.drafts).toHaveLength(2);
    expect(list.drafts[0]).toMatchObject({
      origin: "ai",
      model: "peer-model-small",
      promptVersion: "question-drafts/v1",
      source: "pasted text",
      status: "pending",
      question: { kind: "scenario", prompt: "Wat doe je als eerste?" },
    });
    expect(Date.parse(list.drafts[0]!.createdAt)).not.toBeNaN();
    const sent = peer.requests.at(-1)!;
    expect(sent.authorization).toBe(`Bearer ${PEER_KEY}`);
    expect(sent.body).toMatchObject({
      model: "peer-model-small",
      response_format: { type: "json_object" },
      stream: false,
    });
    const prompt = JSON.stringify(sent.body.messages);
    expect(prompt).toContain(trajectory.document.competences[0]!.name);
    expect(prompt).toContain("eerst luisteren, dan samenvatten");
    expect(prompt).toContain("Schrijf uitsluitend in het Nederlands");
  });

  it("sends no personal data: no names or addresses of the people involved", async () => {
    const { designerPerson, coordinatorPerson } = await draftWith([
      { kind: "ok", content: draftsAnswer(dutchScenarios) },
    ]);
    const prompt = JSON.stringify(peer.requests.at(-1)!.body);
    for (const person of [designerPerson, coordinatorPerson]) {
      expect(prompt).not.toContain(person.email);
      expect(prompt).not.toContain(person.name);
    }
  });

  it("reads a streamed answer", async () => {
    const { latest, list } = await draftWith([{ kind: "stream", content: draftsAnswer(dutchScenarios) }]);
    expect(latest).toMatchObject({ status: "done", kept: 2 });
    expect(list.drafts).toHaveLength(2);
  });

  it("repairs what is safe to repair and drops drafts without one best option or without feedback", async () => {
    const [good, second] = dutchScenarios;
    const twoBest = { ...second, options: second!.options.map((o) => ({ ...o, correct: true })) };
    const noFeedback = { ...second, options: second!.options.map((o) => ({ ...o, feedback: "" })) };
    const stringly = { ...good, options: good!.options.map((o) => ({ ...o, correct: String(o.correct) })) };
    const { latest, list } = await draftWith([
      { kind: "ok", content: "```json\n" + draftsAnswer([stringly, twoBest, noFeedback]) + "\n```" },
    ]);
    expect(latest).toMatchObject({ status: "done", kept: 1, dropped: 2 });
    expect(list.drafts[0]).toMatchObject({ repaired: true });
    expect(list.drafts[0]!.question.options.filter((o) => o.correct)).toHaveLength(1);
  });

  const failures: [string, PeerAnswer[], string][] = [
    ["a refused key (401)", [{ kind: "status", status: 401 }], "ai_unauthorized"],
    [
      "a rate limit with a long Retry-After (429)",
      [{ kind: "rate-limit", retryAfter: 120 }],
      "ai_rate_limited",
    ],
    ["a provider error (500)", [{ kind: "status", status: 500 }], "ai_unavailable"],
    ["malformed JSON", [{ kind: "malformed" }], "ai_malformed"],
    [
      "an answer that is not the asked-for JSON",
      [{ kind: "ok", content: "Hier zijn je vragen!" }],
      "ai_malformed",
    ],
    ["a refusal", [{ kind: "refusal" }], "ai_refused"],
    [
      "an answer in the wrong language",
      [{ kind: "ok", content: draftsAnswer([englishScenario]) }],
      "ai_wrong_language",
    ],
  ];
  for (const [what, answers, code] of failures) {
    it(`fails clearly on ${what} and stores no drafts`, async () => {
      const { latest, list, org } = await draftWith(answers);
      expect(latest).toMatchObject({ status: "failed", errorCode: code, kept: 0 });
      expect(list.drafts).toEqual([]);
      const [job] = await t.database.db
        .select()
        .from(aiDraftingJobs)
        .where(eq(aiDraftingJobs.organisationId, org.id));
      // The company's material is not kept once the job has run.
      expect(job!.sourceText).toBeNull();
    });
  }

  it("fails with a timeout when the provider does not answer in time", async () => {
    const { latest, org } = await draftWith([{ kind: "hang" }], { timeoutMs: 300 });
    expect(latest).toMatchObject({ status: "failed", errorCode: "ai_timeout" });
    expect(
      await t.database.db.select().from(aiQuestionDrafts).where(eq(aiQuestionDrafts.organisationId, org.id)),
    ).toEqual([]);
  });

  it("waits out a short Retry-After once and then drafts", async () => {
    const { latest } = await draftWith([
      { kind: "rate-limit", retryAfter: 1 },
      { kind: "ok", content: draftsAnswer(dutchScenarios) },
    ]);
    expect(latest).toMatchObject({ status: "done", kept: 2 });
  });

  it("reads an uploaded PDF or DOCX as source material", async () => {
    for (const [format, bytes] of [
      ["pdf", await pdfOf("Bij een klacht altijd eerst de klant laten uitpraten.")],
      ["docx", docxOf("Bij een klacht altijd eerst de klant laten uitpraten.")],
    ] as const) {
      const { list } = await draftWith([{ kind: "ok", content: draftsAnswer(dutchScenarios) }], {
        body: {
          source: { type: "file", name: `handboek.${format}`, format, content: bytes.toString("base64") },
        },
      });
      expect(list.drafts[0]!.source).toBe(`handboek.${format}`);
      expect(JSON.stringify(peer.requests.at(-1)!.body.messages)).toContain("eerst de klant laten uitpraten");
    }
  });

  it("refuses an unreadable file or an unknown competence by field, and queues nothing", async () => {
    const { org, designer, drafts, competenceId } = await organisationWithAi(t, peer);
    const broken = {
      type: "file",
      name: "kapot.pdf",
      format: "pdf",
      content: Buffer.from("no pdf").toString("base64"),
    };
    const file = await call(
      "POST",
      drafts,
      designer,
      { competenceId, kind: "scenario", count: 2, source: broken },
      "nl",
    );
    expect(file.statusCode).toBe(400);
    expect(file.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe("source");
    const unknown = await call("POST", drafts, designer, {
      competenceId: "nope",
      kind: "scenario",
      count: 2,
    });
    expect(unknown.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe("competenceId");
    const tooMany = await call("POST", drafts, designer, { competenceId, kind: "scenario", count: 50 });
    expect(tooMany.statusCode).toBe(400);
    expect(
      await t.database.db.select().from(aiDraftingJobs).where(eq(aiDraftingJobs.organisationId, org.id)),
    ).toEqual([]);
  });
});
