import { z } from "zod";
import { planView } from "./action-plans.ts";
import { idSchema, patchOf } from "./common.ts";

export const sessionView = z.object({
  id: idSchema,
  scheduledAt: z.string(),
  notes: z.string(),
  planId: idSchema.nullable(),
});

/** The coach's side: accepted coachees with their plans and sessions; open invitations by name only. */
export const coachView = z.object({
  coachees: z.array(
    z.object({
      relationId: idSchema,
      personId: idSchema,
      name: z.string(),
      plans: z.array(planView),
      sessions: z.array(sessionView),
    }),
  ),
  invited: z.array(
    z.object({ relationId: idSchema, name: z.string(), status: z.enum(["invited", "declined"]) }),
  ),
  candidates: z.array(z.object({ personId: idSchema, name: z.string() })),
});
export type CoachView = z.infer<typeof coachView>;

/** The learner's side: who offers coaching, and the sessions with the coach's notes. */
export const myCoachingView = z.object({
  invitations: z.array(z.object({ relationId: idSchema, coach: z.string() })),
  coaches: z.array(z.object({ relationId: idSchema, coach: z.string(), sessions: z.array(sessionView) })),
});
export type MyCoachingView = z.infer<typeof myCoachingView>;

export const inviteCoacheeBody = z.object({ personId: idSchema });
export const answerInvitationBody = z.object({ accept: z.boolean() });
export const relationParams = z.object({ relationId: idSchema });
export const sessionBody = z.object({
  relationId: idSchema,
  scheduledAt: z.iso.datetime({ offset: true }),
  notes: z.string().trim().max(5000).default(""),
  planId: idSchema.optional(),
});

/** A correction by the coach who holds the session: when, the notes, the plan it was about. */
export const updateSessionBody = patchOf(sessionBody.omit({ relationId: true, planId: true })).extend({
  /** `null` unlinks the plan. */
  planId: idSchema.nullable().optional(),
});
export const sessionParams = z.object({ coachingSessionId: idSchema });
