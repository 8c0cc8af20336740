import type { TrajectoryDetail } from "../common/schemas/trajectories.ts";
import { runDraftingJobs } from "../server/modules/ai/index.ts";
import { secretSealer } from "../server/crypto/secrets.ts";
import { caller, type SharedTestApp } from "./app.ts";
import { buildCoordinator, buildOrganisation, buildPerson } from "./factories.ts";
import { trajectoryWithContent } from "./learning.ts";
import type { OpenAiPeer } from "./openai-peer.ts";

export const PEER_KEY = "sk-test-peer-0123456789";

/**
 * An organisation of its own (Dutch unless said) with a coordinator, a designer, one trajectory and AI
 * drafting switched on against the local OpenAI-compatible peer (decision 0028).
 */
export async function organisationWithAi(
  t: SharedTestApp,
  peer: OpenAiPeer,
  options: { enabled?: boolean; defaultLocale?: string } = {},
) {
  const call = caller(t);
  const db = t.database.db;
  const org = await buildOrganisation(db, { defaultLocale: options.defaultLocale ?? "nl" });
  const coordinatorPerson = await buildCoordinator(db, org.id);
  const coordinator = await t.signIn(coordinatorPerson.email);
  const designerPerson = await buildPerson(db, {
    organisationId: org.id,
    roles: ["designer"],
    name: "Dana Designer",
  });
  const designer = await t.signIn(designerPerson.email);
  const saved = await call("PUT", "/api/organisation/ai", coordinator, {
    enabled: options.enabled ?? true,
    baseUrl: peer.baseUrl,
    model: "peer-model-small",
    apiKey: PEER_KEY,
  });
  if (saved.statusCode !== 200) throw new Error(`ai settings: ${saved.body}`);
  const created = await call("POST", "/api/trajectories", designer, trajectoryWithContent());
  const trajectory = created.json<TrajectoryDetail>();
  const competenceId = trajectory.document.competences[0]!.id!;
  return {
    org,
    coordinator,
    coordinatorPerson,
    designer,
    designerPerson,
    trajectory,
    competenceId,
    drafts: `/api/trajectories/${trajectory.id}/question-drafts`,
  };
}

/** Runs the `ai.draft-questions` job as the worker would, with a short provider timeout. */
export const runDrafting = (t: SharedTestApp, timeoutMs = 2_000) =>
  runDraftingJobs(t.database.db, {
    sealer: () => secretSealer(t.database.db, null),
    clock: () => t.clock.now,
    timeoutMs,
  });
