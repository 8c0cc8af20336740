import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AiSettingsView, AiUsageView } from "../../../common/schemas/ai.ts";
import { organisationWithAi, PEER_KEY, runDrafting } from "../../../test-support/ai.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildOrganisation, buildPerson } from "../../../test-support/factories.ts";
import {
  draftsAnswer,
  dutchScenarios,
  startOpenAiPeer,
  type OpenAiPeer,
} from "../../../test-support/openai-peer.ts";
import { aiSettings, auditEvents } from "../../db/schema/index.ts";

describe("the organisation's AI provider: /api/organisation/ai", () => {
  const t = useTestApp();
  const call = caller(t);
  let peer: OpenAiPeer;
  beforeAll(async () => {
    peer = await startOpenAiPeer({ apiKey: PEER_KEY });
  });
  afterAll(() => peer.close());

  it("requires authentication", async () => {
    expect((await call("GET", "/api/organisation/ai", null)).statusCode).toBe(401);
    expect((await call("PUT", "/api/organisation/ai", null, { enabled: true })).statusCode).toBe(401);
  });

  it("hides other organisations' data", async () => {
    await organisationWithAi(t, peer);
    const other = await buildOrganisation(t.database.db);
    const outsider = await t.signIn((await buildCoordinator(t.database.db, other.id)).email);
    const view = (await call("GET", "/api/organisation/ai", outsider)).json<AiSettingsView>();
    expect(view).toEqual({ enabled: false, baseUrl: null, model: null, hasApiKey: false });
    expect((await call("GET", "/api/organisation/ai/usage", outsider)).json<AiUsageView>().months).toEqual(
      [],
    );
  });

  it("is off by default, and only coordinators see or change it", async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db);
    const coordinator = await t.signIn((await buildCoordinator(db, org.id)).email);
    expect((await call("GET", "/api/organisation/ai", coordinator)).json<AiSettingsView>().enabled).toBe(
      false,
    );
    const designer = await t.signIn(
      (await buildPerson(db, { organisationId: org.id, roles: ["designer"] })).email,
    );
    expect((await call("GET", "/api/organisation/ai", designer)).statusCode).toBe(403);
    const body = { enabled: true, baseUrl: "https://api.mistral.ai/v1", model: "mistral-small-latest" };
    expect((await call("PUT", "/api/organisation/ai", designer, body)).statusCode).toBe(403);
  });

  it("keeps the key sealed and never shows or logs it again", async () => {
    const { org, coordinator } = await organisationWithAi(t, peer);
    const view = await call("GET", "/api/organisation/ai", coordinator);
    expect(view.json()).toEqual({
      enabled: true,
      baseUrl: peer.baseUrl,
      model: "peer-model-small",
      hasApiKey: true,
    });
    expect(view.body).not.toContain(PEER_KEY);
    const [row] = await t.database.db.select().from(aiSettings).where(eq(aiSettings.organisationId, org.id));
    expect(row!.apiKeySealed).toMatch(/^v1\./);
    expect(row!.apiKeySealed).not.toContain(PEER_KEY);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org.id));
    expect(JSON.stringify(audit)).not.toContain(PEER_KEY);
    // Saving again without a key keeps it; the peer still accepts the requests.
    const again = await call("PUT", "/api/organisation/ai", coordinator, {
      enabled: true,
      baseUrl: peer.baseUrl,
      model: "peer-model-large",
    });
    expect(again.json<AiSettingsView>().hasApiKey).toBe(true);
  });

  it("forgets the key when the provider's address changes", async () => {
    const { coordinator } = await organisationWithAi(t, peer);
    const moved = await call("PUT", "/api/organisation/ai", coordinator, {
      enabled: true,
      baseUrl: "http://127.0.0.1:11434/v1",
      model: "llama3.1",
    });
    expect(moved.json<AiSettingsView>().hasApiKey).toBe(false);
  });

  it("refuses a provider over plain HTTP on the internet, naming the field", async () => {
    const { coordinator } = await organisationWithAi(t, peer);
    const response = await call("PUT", "/api/organisation/ai", coordinator, {
      enabled: true,
      baseUrl: "http://api.example.com/v1",
      model: "m",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string; message: string }[] }>().errors[0]).toMatchObject({
      field: "baseUrl",
      message: expect.stringContaining("https://") as unknown,
    });
  });

  it("shows the coordinator every request per month: who, provider, model, prompt version, tokens, outcome", async () => {
    const { coordinator, designer, drafts, competenceId } = await organisationWithAi(t, peer);
    peer.queue({ kind: "ok", content: draftsAnswer(dutchScenarios) }, { kind: "status", status: 500 });
    await call("POST", drafts, designer, { competenceId, kind: "scenario", count: 2 });
    await runDrafting(t);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await call("POST", drafts, designer, { competenceId, kind: "scenario", count: 2 });
    await runDrafting(t);
    const usage = (await call("GET", "/api/organisation/ai/usage", coordinator)).json<AiUsageView>();
    expect(usage.months).toEqual([
      {
        month: t.clock.now.toISOString().slice(0, 7),
        requests: 2,
        failed: 1,
        promptTokens: 412,
        completionTokens: 380,
      },
    ]);
    expect(usage.recent[0]).toMatchObject({
      person: "Dana Designer",
      provider: new URL(peer.baseUrl).host,
      model: "peer-model-small",
      promptVersion: "question-drafts/v1",
      outcome: "ai_unavailable",
    });
    expect(usage.recent[1]).toMatchObject({ outcome: "ok", promptTokens: 412, completionTokens: 380 });
  });
});
