import { and, eq, inArray, ne, or } from "drizzle-orm";
import { type Locale, recipientLocale } from "../../../common/locales.ts";
import { MAX_ATTACHMENT_BYTES, type MyFeedbackView } from "../../../common/schemas/peer-feedback.ts";
import {
  actionPlans,
  cohortParticipants,
  feedbackRequests,
  organisations,
  persons,
  planApplications,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import { enrolmentOf, enrolmentsOf } from "../cohorts/index.ts";
import { enqueueEmail } from "../notifications/index.ts";

const invalid = (field: string, code: string) =>
  new AppError("VALIDATION_FAILED", `${field}: ${code}`, {}, [{ field, code }]);

/** The people the learner can ask: everyone else in each of their cohorts. */
export async function colleaguesOf(tenant: Tenant, actor: Actor) {
  const enrolments = await enrolmentsOf(tenant, actor.personId);
  if (enrolments.length === 0) return [];
  const rows = await tenant.db
    .select({ cohortId: cohortParticipants.cohortId, id: persons.id, name: persons.name })
    .from(cohortParticipants)
    .innerJoin(
      persons,
      and(
        eq(persons.organisationId, cohortParticipants.organisationId),
        eq(persons.id, cohortParticipants.personId),
      ),
    )
    .where(
      tenant.where(
        cohortParticipants,
        inArray(
          cohortParticipants.cohortId,
          enrolments.map((e) => e.cohortId),
        ),
        ne(persons.id, actor.personId),
        eq(persons.status, "active"),
      ),
    )
    .orderBy(persons.name);
  return enrolments.map((e) => ({
    cohortId: e.cohortId,
    cohortName: e.cohortName,
    colleagues: rows.filter((r) => r.cohortId === e.cohortId).map(({ id, name }) => ({ id, name })),
  }));
}

interface Ask {
  colleagueId: string;
  cohortId: string;
  applicationId?: string | undefined;
  about: string;
  attachment?: { name: string; type: string; data: string } | undefined;
}

function decodeAttachment(attachment: Ask["attachment"]) {
  if (!attachment) return null;
  const bytes = Buffer.from(attachment.data, "base64");
  if (bytes.length === 0) throw invalid("attachment", "invalid");
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw invalid("attachment", "attachment_too_large");
  return { name: attachment.name, type: attachment.type, bytes };
}

export async function askFeedback(tenant: Tenant, actor: Actor, input: Ask, now: Date, site: string) {
  const enrolment = await enrolmentOf(tenant, actor.personId, input.cohortId);
  const [colleague] = await tenant.db
    .select({
      id: persons.id,
      name: persons.name,
      email: persons.email,
      locale: persons.locale,
      defaultLocale: organisations.defaultLocale,
    })
    .from(cohortParticipants)
    .innerJoin(
      persons,
      and(
        eq(persons.organisationId, cohortParticipants.organisationId),
        eq(persons.id, cohortParticipants.personId),
      ),
    )
    .innerJoin(organisations, eq(organisations.id, persons.organisationId))
    .where(
      tenant.where(
        cohortParticipants,
        eq(cohortParticipants.cohortId, enrolment.cohortId),
        eq(cohortParticipants.personId, input.colleagueId),
        eq(persons.status, "active"),
      ),
    );
  if (!colleague || colleague.id === actor.personId) throw invalid("colleagueId", "not_in_cohort");
  if (input.applicationId) {
    const [own] = await tenant.db
      .select({ id: planApplications.id })
      .from(planApplications)
      .where(
        tenant.where(
          planApplications,
          eq(planApplications.id, input.applicationId),
          eq(planApplications.personId, actor.personId),
        ),
      );
    if (!own) throw notFound("application");
  }
  const file = decodeAttachment(input.attachment);
  const locale: Locale = recipientLocale(colleague.locale, colleague.defaultLocale);
  return tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(feedbackRequests)
      .values(
        tx.row({
          requesterId: actor.personId,
          colleagueId: colleague.id,
          cohortId: enrolment.cohortId,
          applicationId: input.applicationId ?? null,
          about: input.about,
          attachmentName: file?.name ?? null,
          attachmentType: file?.type ?? null,
          attachment: file?.bytes ?? null,
          createdAt: now,
        }),
      )
      .returning({ id: feedbackRequests.id });
    await enqueueEmail(tx, colleague.email, locale, {
      template: "feedback-requested",
      params: { name: colleague.name, requester: actor.name, about: input.about, link: `${site}/feedback` },
    });
    return { id: row!.id };
  });
}

export async function myFeedback(tenant: Tenant, actor: Actor): Promise<MyFeedbackView> {
  const rows = await tenant.db
    .select({
      id: feedbackRequests.id,
      requesterId: feedbackRequests.requesterId,
      colleagueId: feedbackRequests.colleagueId,
      applicationId: feedbackRequests.applicationId,
      about: feedbackRequests.about,
      hasAttachment: feedbackRequests.attachmentName,
      wentWell: feedbackRequests.wentWell,
      tryNext: feedbackRequests.tryNext,
      answeredAt: feedbackRequests.answeredAt,
    })
    .from(feedbackRequests)
    .where(
      tenant.where(
        feedbackRequests,
        or(
          eq(feedbackRequests.requesterId, actor.personId),
          eq(feedbackRequests.colleagueId, actor.personId),
        ),
      ),
    )
    .orderBy(feedbackRequests.createdAt);
  const people = rows.flatMap((r) => [r.requesterId, r.colleagueId]);
  const names = people.length
    ? new Map(
        (
          await tenant.db
            .select({ id: persons.id, name: persons.name })
            .from(persons)
            .where(tenant.where(persons, inArray(persons.id, people)))
        ).map((p) => [p.id, p.name]),
      )
    : new Map<string, string>();
  const applicationIds = rows.flatMap((r) => (r.applicationId ? [r.applicationId] : []));
  const applications = applicationIds.length
    ? await tenant.db
        .select({
          id: planApplications.id,
          whatHappened: planApplications.whatHappened,
          action: actionPlans.action,
        })
        .from(planApplications)
        .innerJoin(
          actionPlans,
          and(
            eq(actionPlans.organisationId, planApplications.organisationId),
            eq(actionPlans.id, planApplications.planId),
          ),
        )
        .where(tenant.where(planApplications, inArray(planApplications.id, applicationIds)))
    : [];
  const answerOf = (r: (typeof rows)[number]) =>
    r.answeredAt
      ? { wentWell: r.wentWell ?? "", tryNext: r.tryNext ?? "", answeredAt: r.answeredAt.toISOString() }
      : null;
  return {
    asked: rows
      .filter((r) => r.requesterId === actor.personId)
      .map((r) => ({
        id: r.id,
        colleague: names.get(r.colleagueId) ?? "",
        about: r.about,
        hasAttachment: r.hasAttachment !== null,
        answer: answerOf(r),
      })),
    toAnswer: rows
      .filter((r) => r.colleagueId === actor.personId)
      .map((r) => {
        const application = applications.find((a) => a.id === r.applicationId);
        return {
          id: r.id,
          requester: names.get(r.requesterId) ?? "",
          about: r.about,
          hasAttachment: r.hasAttachment !== null,
          application: application
            ? { action: application.action, whatHappened: application.whatHappened }
            : null,
          answer: answerOf(r),
        };
      }),
  };
}

/** The colleague answers once, in the structured form: what went well, one thing to try. */
export async function answerFeedback(
  tenant: Tenant,
  actor: Actor,
  requestId: string,
  input: { wentWell: string; tryNext: string },
  now: Date,
) {
  const [row] = await tenant.db
    .select({ answeredAt: feedbackRequests.answeredAt })
    .from(feedbackRequests)
    .where(
      tenant.where(
        feedbackRequests,
        eq(feedbackRequests.id, requestId),
        eq(feedbackRequests.colleagueId, actor.personId),
      ),
    );
  if (!row) throw notFound("feedback request");
  if (row.answeredAt) throw new AppError("ALREADY_SUBMITTED");
  await tenant.db
    .update(feedbackRequests)
    .set({ wentWell: input.wentWell, tryNext: input.tryNext, answeredAt: now })
    .where(tenant.where(feedbackRequests, eq(feedbackRequests.id, requestId)));
}

/** The photo or video, for the two people in the request only. */
export async function attachmentOf(tenant: Tenant, actor: Actor, requestId: string) {
  const [row] = await tenant.db
    .select({
      name: feedbackRequests.attachmentName,
      type: feedbackRequests.attachmentType,
      data: feedbackRequests.attachment,
    })
    .from(feedbackRequests)
    .where(
      tenant.where(
        feedbackRequests,
        eq(feedbackRequests.id, requestId),
        or(
          eq(feedbackRequests.requesterId, actor.personId),
          eq(feedbackRequests.colleagueId, actor.personId),
        ),
      ),
    );
  if (!row?.data || !row.type) throw notFound("attachment");
  return { name: row.name ?? "attachment", type: row.type, data: row.data };
}
