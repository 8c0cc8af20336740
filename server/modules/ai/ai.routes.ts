import {
  acceptDraftBody,
  aiSettingsBody,
  aiSettingsView,
  aiUsageView,
  draftingJobParams,
  draftingJobView,
  draftParams,
  draftRequestBody,
  questionDraftList,
  questionDraftView,
} from "../../../common/schemas/ai.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import { secretSealer } from "../../crypto/secrets.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { getDraftingJob, requestDrafts } from "./drafting.service.ts";
import { acceptDraft, listDrafts, rejectDraft } from "./review.service.ts";
import { getAiSettings, saveAiSettings, type AiDeps } from "./settings.service.ts";
import { getAiUsage } from "./usage.service.ts";

/** The base of a trajectory's AI drafts. */
const drafts = "/api/trajectories/:trajectoryId/question-drafts";

/**
 * AI-drafted practice questions with a person in charge (decision 0028): the coordinator's provider
 * settings and usage, and the designer's drafting requests and review queue.
 */
export const aiRoutes = defineRoutes(
  ["ai"],
  ({ config, database, jobs }: Pick<AppDeps, "config" | "database" | "jobs">) => {
    const deps: AiDeps = { sealer: () => secretSealer(database.db, config.secretsKey) };
    return [
      route.get(
        "/api/organisation/ai",
        {
          summary: "The organisation's AI provider (off by default; the key is never shown)",
          response: aiSettingsView,
        },
        (scope) => getAiSettings(scope),
      ),
      route.put(
        "/api/organisation/ai",
        {
          summary:
            "Switch AI drafting on or off and name the provider, model and key (the key is write-only)",
          body: aiSettingsBody,
          response: aiSettingsView,
        },
        (scope, { body }) => saveAiSettings(scope, deps, body),
      ),
      route.get(
        "/api/organisation/ai/usage",
        {
          summary: "AI requests per month and the latest requests (who, provider, model, tokens, outcome)",
          response: aiUsageView,
        },
        (scope) => getAiUsage(scope),
      ),
      route.post(
        drafts,
        {
          summary: "Ask the organisation's AI model for question drafts: answers 202 with the drafting job",
          params: trajectoryParams,
          body: draftRequestBody,
          response: draftingJobView,
          status: 202,
          bodyLimit: 6 * 1024 * 1024,
        },
        async (scope, { params, body }) => {
          const job = await requestDrafts(scope, { ...params, request: body });
          await jobs.send("ai.draft-questions");
          return job;
        },
      ),
      route.get(
        drafts,
        {
          summary: "The review queue: AI drafts waiting for a designer, the last reviewed, the latest jobs",
          params: trajectoryParams,
          response: questionDraftList,
        },
        (scope, { params }) => listDrafts(scope, params),
      ),
      route.get(
        `${drafts}/jobs/:jobId`,
        {
          summary: "One drafting job and its progress",
          params: draftingJobParams,
          response: draftingJobView,
        },
        (scope, { params }) => getDraftingJob(scope, params),
      ),
      route.post(
        `${drafts}/:draftId/accept`,
        {
          summary: "Accept an AI draft, as is or edited: it joins the bank with its origin and reviewer",
          params: draftParams,
          body: acceptDraftBody,
          response: questionDraftView,
        },
        (scope, { params, body }) => acceptDraft(scope, { ...params, body }),
      ),
      route.post(
        `${drafts}/:draftId/reject`,
        {
          summary: "Reject an AI draft: it never reaches a learner",
          params: draftParams,
          response: questionDraftView,
        },
        (scope, { params }) => rejectDraft(scope, params),
      ),
    ];
  },
);
