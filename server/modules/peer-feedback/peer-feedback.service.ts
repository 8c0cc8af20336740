import { eq, inArray, ne, or } from "drizzle-orm";
import { MAX_ATTACHMENT_BYTES, type MyFeedbackView } from "../../../common/schemas/peer-feedback.ts";
import {
  actionPlans,
  cohortParticipants,
  feedbackRequests,
  persons,
  planApplications,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { applicationById } from "../action-plans/index.ts";
import { enrolmentOf, enrolmentsOf, participantsOf } from "../cohorts/index.ts";
import { notify } from "../notices/index.ts";
import { enqueueEmail, recipientsOf } from "../notifications/index.ts";
import { canAnswer, canAsk, canReferTo, isParticipant } from "./peer-feedback.policy.ts";

/** The people the learner can ask: everyone else in each of their cohorts. */
export async function colleaguesOf({ tenant, actor }: Scope) {
  const enrolments = await enrolmentsOf(tenant, actor.personId);
  if (enrolments.length === 0) return [];
  const rows = await participantsOf(
    tenant,
    enrolments.map((e) => e.cohortId),
    ne(persons.id, actor.personId),
    eq(persons.status, "active"),
  );
  return enrolments.map((e) => ({
    cohortId: e.cohortId,
    cohortName: e.cohortName,
    colleagues: rows
      .filter((r) => r.cohortId === e.cohortId)
      .map(({ personId, name }) => ({ id: personId, name })),
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

/** Asks a colleague from the cohort for feedback, and emails them in their own language. */
export async function askFeedback({ tenant, actor, now, site }: Scope, input: Ask) {
  const enrolment = await enrolmentOf(tenant, actor.personId, input.cohortId);
  const participant = tenant.select(
    cohortParticipants,
    { personId: cohortParticipants.personId },
    eq(cohortParticipants.cohortId, enrolment.cohortId),
    eq(cohortParticipants.personId, input.colleagueId),
  );
  const [colleague] = await recipientsOf(tenant, participant);
  const colleagueInCohort = colleague !== undefined;
  if (!colleague || !canAsk({ actorId: actor.personId, colleagueId: input.colleagueId, colleagueInCohort }))
    throw invalid("colleagueId", "not_in_cohort");
  if (input.applicationId) {
    const application = await applicationById(tenant, input.applicationId);
    if (!application || !canReferTo({ actorId: actor.personId, applicationOwnerId: application.personId }))
      throw notFound("application");
  }
  const file = decodeAttachment(input.attachment);
  return tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(feedbackRequests)
      .values(
        tx.row({
          requesterId: actor.personId,
          colleagueId: colleague.personId,
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
    await enqueueEmail(tx, colleague.email, colleague.locale, {
      template: "feedback-requested",
      params: { name: colleague.name, requester: actor.name, about: input.about, link: `${site}/feedback` },
    });
    return { id: row!.id };
  });
}

/** The feedback the signed-in person asked for, and the requests waiting for their answer. */
export async function myFeedback({ tenant, actor }: Scope): Promise<MyFeedbackView> {
  const rows = await tenant
    .select(
      feedbackRequests,
      {
        id: feedbackRequests.id,
        requesterId: feedbackRequests.requesterId,
        colleagueId: feedbackRequests.colleagueId,
        applicationId: feedbackRequests.applicationId,
        about: feedbackRequests.about,
        hasAttachment: feedbackRequests.attachmentName,
        wentWell: feedbackRequests.wentWell,
        tryNext: feedbackRequests.tryNext,
        answeredAt: feedbackRequests.answeredAt,
      },
      or(eq(feedbackRequests.requesterId, actor.personId), eq(feedbackRequests.colleagueId, actor.personId)),
    )
    .orderBy(feedbackRequests.createdAt);
  const people = rows.flatMap((r) => [r.requesterId, r.colleagueId]);
  const names = people.length
    ? new Map(
        (
          await tenant.select(persons, { id: persons.id, name: persons.name }, inArray(persons.id, people))
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
        .innerJoin(actionPlans, tenant.refersTo(planApplications.planId, actionPlans))
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

async function requestById(tenant: Tenant, requestId: string) {
  const [row] = await tenant.select(
    feedbackRequests,
    {
      requesterId: feedbackRequests.requesterId,
      colleagueId: feedbackRequests.colleagueId,
      answeredAt: feedbackRequests.answeredAt,
      attachmentName: feedbackRequests.attachmentName,
      attachmentType: feedbackRequests.attachmentType,
    },
    eq(feedbackRequests.id, requestId),
  );
  return row;
}

/** The colleague answers once, in the structured form: what went well, one thing to try. */
export async function answerFeedback(
  { tenant, actor, now, site }: Scope,
  { requestId, wentWell, tryNext }: { requestId: string; wentWell: string; tryNext: string },
) {
  const row = await requestById(tenant, requestId);
  if (!row || !canAnswer({ actorId: actor.personId, request: row })) throw notFound("feedback request");
  if (row.answeredAt) throw new AppError("ALREADY_SUBMITTED");
  await tenant.transaction(async (tx) => {
    await tx.db
      .update(feedbackRequests)
      .set({ wentWell, tryNext, answeredAt: now })
      .where(tx.where(feedbackRequests, eq(feedbackRequests.id, requestId)));
    await notify(tx, {
      personId: row.requesterId,
      kind: "feedback-answered",
      params: { from: actor.personId },
      href: "/feedback",
      key: `feedback-answered:${requestId}`,
      now,
      site,
    });
  });
}

/** The photo or video, for the two people in the request only. */
export async function attachmentOf({ tenant, actor }: Scope, { requestId }: { requestId: string }) {
  const row = await requestById(tenant, requestId);
  if (!row?.attachmentType || !isParticipant({ actorId: actor.personId, request: row }))
    throw notFound("attachment");
  // The bytes are read only for one of the two people in the request.
  const [file] = await tenant.select(
    feedbackRequests,
    { data: feedbackRequests.attachment },
    eq(feedbackRequests.id, requestId),
  );
  if (!file?.data) throw notFound("attachment");
  return { name: row.attachmentName ?? "attachment", type: row.attachmentType, data: file.data };
}
