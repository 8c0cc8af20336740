import { inArray } from "drizzle-orm";
import type { PracticeCardView, PracticeResponse } from "../../../common/schemas/learning.ts";
import { questions } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import { competenceName, type Enrolment } from "../cohorts/index.ts";
import { loadCard, recallForecast } from "./scheduler.ts";
import { type DueCard, planSession } from "./session-plans.ts";

/** The share of the practised cards the learner will probably still remember a week from now. */
function forecast(rows: DueCard[], now: Date, retentionOf: (cohortId: string) => number) {
  const inAWeek = new Date(now.getTime() + 7 * 86_400_000);
  const result = recallForecast(
    rows.map((row) => ({ card: loadCard(row.fsrs), retention: retentionOf(row.cohortId) })),
    inAWeek,
  );
  return { forecastNextWeek: result?.share ?? null, forecastCards: result?.cards ?? 0 };
}

/** The full questions of today's session cards, by id. */
async function sessionQuestions(tenant: Tenant, session: DueCard[]) {
  if (session.length === 0) return new Map<string, typeof questions.$inferSelect>();
  const rows = await tenant.selectRows(
    questions,
    inArray(
      questions.id,
      session.map((row) => row.question.id),
    ),
  );
  return new Map(rows.map((question) => [question.id, question]));
}

function presentCard(
  row: DueCard,
  q: typeof questions.$inferSelect,
  enrolments: Enrolment[],
): PracticeCardView {
  const document = enrolments.find((e) => e.cohortId === row.cohortId)?.document;
  return {
    cardId: row.id,
    cohortId: row.cohortId,
    due: row.due.toISOString(),
    question: {
      id: q.id,
      kind: q.kind,
      competence: document ? competenceName(document, q.competenceId) : "",
      situation: q.situation,
      prompt: q.prompt,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
      modelAnswer: q.kind === "open" ? q.modelAnswer : null,
      aiDrafted: q.origin === "ai",
    },
  };
}

/** The learner's session of practice cards due now, with the backlog and the week ahead. */
export async function getPractice({ tenant, actor, now }: Scope): Promise<PracticeResponse> {
  const plan = await planSession(tenant, actor.personId, now);
  const full = await sessionQuestions(tenant, plan.session);
  const { forecastNextWeek, forecastCards } = forecast(plan.cards, now, plan.retentionOf);
  return {
    cards: plan.session.map((row) => presentCard(row, full.get(row.question.id)!, plan.enrolments)),
    sessionMinutes: Math.ceil(plan.sessionSeconds / 60),
    backlog: plan.backlog,
    nextDue: plan.nextDue?.toISOString() ?? null,
    forecastNextWeek,
    forecastCards,
    pausedUntil: plan.pausedUntil,
  };
}
