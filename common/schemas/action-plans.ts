import { z } from "zod";
import { idSchema, patchOf } from "./common.ts";

export const planCheckBody = z.object({
  situation: z.string().max(500),
  action: z.string().max(1000),
});

export const planCheckResult = z.object({
  findings: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(["high", "medium"]),
      message: z.string(),
      suggestion: z.string(),
    }),
  ),
});

/** How it went, as a short scale; "did-not-act" records that the situation came but the plan did not. */
export const applicationOutcomes = ["went-well", "partly", "not-well", "did-not-act"] as const;
export type ApplicationOutcome = (typeof applicationOutcomes)[number];

export const createPlanBody = z.object({
  situation: z.string().trim().min(1).max(500),
  action: z.string().trim().min(1).max(1000),
  /** When the learner first expects the situation (ISO 8601 with offset). */
  firstMoment: z.iso.datetime({ offset: true }),
  competenceId: z.string().min(1).max(64).optional(),
  cohortId: idSchema.optional(),
  /** Practice questions about the same situation, from the cohort's trajectory. */
  questionIds: z.array(idSchema).max(10).default([]),
});

/** A correction of a plan: the same fields and checks as writing it; the cohort stays. */
export const updatePlanBody = patchOf(createPlanBody.omit({ cohortId: true }));

/** An application as the learner, their manager and their coach see it. */
const applicationSummary = z.object({
  id: idSchema,
  occurredAt: z.string(),
  whatHappened: z.string(),
  outcome: z.enum(applicationOutcomes),
  confirmed: z.boolean(),
});

/** The weekly pulse on a plan, in one tap: did what the plan says, tried, or not yet. */
export const pulseRatings = ["did-it", "tried", "not-yet"] as const;
export type PulseRating = (typeof pulseRatings)[number];

/** One week's pulse on a plan: the Monday that starts the learner's week, and the rating. */
export const pulseSummary = z.object({ week: z.string(), rating: z.enum(pulseRatings) });

/** The learner's one tap on a plan for this week. */
export const pulseBody = z.object({ rating: z.enum(pulseRatings) });

/** This week's pulse: each open plan with the rating given so far this week (null: not yet given). */
export const pulseView = z.object({
  /** The Monday that starts the learner's week (YYYY-MM-DD, in their time zone). */
  week: z.string(),
  /** Every open plan has a rating this week. */
  given: z.boolean(),
  plans: z.array(
    z.object({
      planId: idSchema,
      situation: z.string(),
      action: z.string(),
      rating: z.enum(pulseRatings).nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
});
export type PulseView = z.infer<typeof pulseView>;

export const planView = z.object({
  id: idSchema,
  situation: z.string(),
  action: z.string(),
  firstMoment: z.string(),
  competenceId: z.string().nullable(),
  cohortId: idSchema.nullable(),
  questionIds: z.array(idSchema),
  findings: planCheckResult.shape.findings,
  applications: z.array(applicationSummary),
  /** Archived plans are hidden by default and produce no reminders; the learner can restore them. */
  archivedAt: z.string().nullable(),
  /** The last weeks' pulses, newest first: the learner's own word on how the plan is going. */
  pulses: z.array(pulseSummary),
});
export type PlanView = z.infer<typeof planView>;

export const createApplicationBody = z.object({
  occurredAt: z.iso.datetime({ offset: true }),
  whatHappened: z.string().trim().max(2000).default(""),
  outcome: z.enum(applicationOutcomes),
});

/** A correction of an application, possible until a manager confirmed it. */
export const updateApplicationBody = patchOf(createApplicationBody);

export const applicationView = z.object({
  id: idSchema,
  planId: idSchema,
  occurredAt: z.string(),
  whatHappened: z.string(),
  outcome: z.enum(applicationOutcomes),
  confirmed: z.boolean(),
});

export const planParams = z.object({ planId: idSchema });
export const applicationParams = z.object({ applicationId: idSchema });

export const enrolmentView = z.object({
  cohortId: idSchema,
  cohortName: z.string(),
  trajectoryTitle: z.string(),
  competences: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The trajectory's practice questions, to link to a plan about the same situation. */
  questions: z.array(z.object({ id: idSchema, prompt: z.string(), competenceId: z.string() })),
});

/**
 * What a manager sees of a team member: enrolments and progress, plans and applications. Never
 * practice-question answers or test answers: the screen says so.
 */
export const teamMemberView = z.object({
  personId: idSchema,
  name: z.string(),
  /** How many things about this person wait for the manager this week (see `GET /api/team/needs-you`). */
  waiting: z.number().int(),
  cohorts: z.array(
    z.object({
      cohortId: idSchema,
      cohortName: z.string(),
      practiceDay: z.string(),
      activitiesDone: z.number().int(),
      activitiesDue: z.number().int(),
      practisedLastWeek: z.boolean(),
      phase: z.enum(["before", "after"]),
    }),
  ),
  lastCheckIn: z
    .object({
      id: idSchema,
      at: z.string(),
      kind: z.enum(["before", "after", "talked"]),
      agreements: z.string(),
      /** The signed-in manager recorded it, so may correct or delete it. */
      mine: z.boolean(),
    })
    .nullable(),
  plans: z.array(
    z.object({
      id: idSchema,
      situation: z.string(),
      action: z.string(),
      firstMoment: z.string(),
      applications: z.array(applicationSummary),
      /** The learner's weekly pulses on the plan, newest first (her own word, not evidence). */
      pulses: z.array(pulseSummary),
    }),
  ),
});

/** The team as a whole, toward the cohort's goals: counts, never a ranking of people. */
export const teamProgress = z.object({
  inTraining: z.number().int(),
  tasksDone: z.number().int(),
  tasksDue: z.number().int(),
  withPlan: z.number().int(),
  applications: z.number().int(),
  confirmed: z.number().int(),
});

export const teamView = z.object({
  teams: z.array(
    z.object({ id: idSchema, name: z.string(), progress: teamProgress, members: z.array(teamMemberView) }),
  ),
});
export type TeamView = z.infer<typeof teamView>;

export const checkInBody = z.object({
  personId: idSchema,
  cohortId: idSchema.optional(),
  kind: z.enum(["before", "after"]),
  /** What was agreed: a check-in without it records nothing worth reading. */
  agreements: z.string().trim().min(1).max(2000),
});

/** A correction by the manager who recorded the check-in. */
export const updateCheckInBody = patchOf(checkInBody.pick({ kind: true, agreements: true }));
export const checkInParams = z.object({ checkInId: idSchema });

export const checkInView = z.object({
  id: idSchema,
  at: z.string(),
  kind: z.enum(["before", "after", "talked"]),
  agreements: z.string(),
});

export const digestActionBody = z.object({ token: z.string().min(10).max(2000) });
export const digestActionResult = z.object({
  done: z.enum(["talked", "confirmed"]),
  learner: z.string(),
  /** The link had been used before: nothing new was recorded. */
  alreadyRecorded: z.boolean(),
});

export const achievementInput = z.object({
  competenceId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(1000),
  criteria: z.string().trim().min(1).max(2000),
  requiresProof: z.boolean().default(false),
  minConfirmedApplications: z.number().int().min(0).max(10).default(2),
});

export const achievementView = achievementInput.extend({ id: idSchema, awarded: z.number().int() });

/** One part of a badge's evidence rule and how far the learner is on it. */
export const badgeRuleProgress = z.discriminatedUnion("rule", [
  z.object({
    rule: z.literal("competence-proof"),
    met: z.boolean(),
    /** The best share of right answers so far (0–1); null when no proof was taken. */
    bestShare: z.number().nullable(),
    neededShare: z.number(),
  }),
  z.object({
    rule: z.literal("confirmed-applications"),
    met: z.boolean(),
    /** Confirmed applications so far, counted up to the number needed. */
    have: z.number().int(),
    needed: z.number().int(),
  }),
]);
export type BadgeRuleProgress = z.infer<typeof badgeRuleProgress>;
export const badgeProgressView = z.object({ met: z.boolean(), rules: z.array(badgeRuleProgress) });
export type BadgeProgress = z.infer<typeof badgeProgressView>;

/** A badge of the learner's trajectories she has not earned yet, with what its rule still needs. */
export const badgeInProgress = badgeProgressView.extend({
  achievementId: idSchema,
  name: z.string(),
  description: z.string(),
  criteria: z.string(),
  competenceName: z.string(),
});
export type BadgeInProgress = z.infer<typeof badgeInProgress>;

/**
 * The learner's passport: the signed Open Badges 3.0 credentials exactly as issued (no schema reshapes a
 * signed document), and the badges in progress.
 */
export const credentialsView = z.object({
  credentials: z.array(z.record(z.string(), z.unknown())),
  inProgress: z.array(badgeInProgress),
});

export const passportEntry = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  awardedAt: z.string(),
  issuer: z.string(),
});

export const verifyCredentialBody = z.object({ credential: z.record(z.string(), z.unknown()) });
export const verifyCredentialResult = z.object({
  verified: z.boolean(),
  issuer: z.string().nullable(),
  achievement: z.string().nullable(),
  problems: z.array(z.string()),
});
