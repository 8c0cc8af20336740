import { desc, eq, gte, sql } from "drizzle-orm";
import type { AiUsageView } from "../../../common/schemas/ai.ts";
import { aiDraftingJobs, aiQuestionDrafts, aiRequests, persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "./ai.policy.ts";
import type { TokenUsage } from "./provider.ts";

/** One request to a provider, as the usage log keeps it (never the key, never the text). */
export interface RequestRecord {
  jobId: string;
  personId: string | null;
  baseUrl: string;
  model: string;
  promptVersion: string;
  usage: TokenUsage;
  outcome: string;
  durationMs: number;
}

/** Logs a request to a provider (accountability, decision 0028). */
export async function logRequest(tenant: Tenant, record: RequestRecord, now: Date): Promise<void> {
  await tenant.db.insert(aiRequests).values(
    tenant.row({
      jobId: record.jobId,
      personId: record.personId,
      provider: new URL(record.baseUrl).host,
      model: record.model,
      promptVersion: record.promptVersion,
      promptTokens: record.usage.promptTokens,
      completionTokens: record.usage.completionTokens,
      outcome: record.outcome,
      durationMs: record.durationMs,
      createdAt: now,
    }),
  );
}

/** Use per month over the last year, and the latest requests with who asked, for the coordinator. */
export async function getAiUsage({ tenant, actor, now }: Scope): Promise<AiUsageView> {
  authorize(actor, "ai.manage");
  const since = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
  const month = sql<string>`to_char(${aiRequests.createdAt} at time zone 'UTC', 'YYYY-MM')`;
  const months = await tenant
    .select(
      aiRequests,
      {
        month,
        requests: sql<number>`count(*)`.mapWith(Number),
        failed: sql<number>`count(*) filter (where ${aiRequests.outcome} <> 'ok')`.mapWith(Number),
        promptTokens: sql<number>`coalesce(sum(${aiRequests.promptTokens}), 0)`.mapWith(Number),
        completionTokens: sql<number>`coalesce(sum(${aiRequests.completionTokens}), 0)`.mapWith(Number),
      },
      gte(aiRequests.createdAt, since),
    )
    .groupBy(month)
    .orderBy(month);
  const recent = await tenant.db
    .select({ request: aiRequests, person: persons.name })
    .from(aiRequests)
    .leftJoin(persons, tenant.refersTo(aiRequests.personId, persons))
    .where(tenant.where(aiRequests))
    .orderBy(desc(aiRequests.createdAt))
    .limit(20);
  return {
    months,
    recent: recent.map(({ request, person }) => ({
      at: request.createdAt.toISOString(),
      person,
      provider: request.provider,
      model: request.model,
      promptVersion: request.promptVersion,
      promptTokens: request.promptTokens,
      completionTokens: request.completionTokens,
      outcome: request.outcome,
    })),
  };
}

/** What the AI records say about a person, for their data export (GDPR art. 15). */
export async function collectAiData(tenant: Tenant, personId: string) {
  const requests = await tenant.select(
    aiRequests,
    {
      at: aiRequests.createdAt,
      provider: aiRequests.provider,
      model: aiRequests.model,
      outcome: aiRequests.outcome,
    },
    eq(aiRequests.personId, personId),
  );
  const reviews = await tenant.select(
    aiQuestionDrafts,
    { status: aiQuestionDrafts.status, reviewedAt: aiQuestionDrafts.reviewedAt },
    eq(aiQuestionDrafts.reviewedBy, personId),
  );
  return {
    requests: requests.map((r) => ({ ...r, at: r.at.toISOString() })),
    reviews: reviews.map((r) => ({ status: r.status, reviewedAt: r.reviewedAt?.toISOString() ?? null })),
  };
}

/**
 * Erasure: the usage log and the reviews stay (they are the organisation's accountability record) but
 * no longer name the person.
 */
export async function eraseAiData(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db
    .update(aiRequests)
    .set({ personId: null })
    .where(tenant.where(aiRequests, eq(aiRequests.personId, personId)));
  await tenant.db
    .update(aiDraftingJobs)
    .set({ requestedBy: null })
    .where(tenant.where(aiDraftingJobs, eq(aiDraftingJobs.requestedBy, personId)));
  await tenant.db
    .update(aiQuestionDrafts)
    .set({ reviewedBy: null })
    .where(tenant.where(aiQuestionDrafts, eq(aiQuestionDrafts.reviewedBy, personId)));
}
