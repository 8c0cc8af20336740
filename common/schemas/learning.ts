import { z } from "zod";
import { activityTypes, phases } from "../trajectory-vocabulary.ts";
import { isoDate, scheduledActivity } from "./cohorts.ts";
import { idSchema, patchOf } from "./common.ts";
import { surveyView } from "./impact.ts";
import { questionKinds } from "./questions.ts";

export const todayItemKinds = [
  "activity",
  "practice-day",
  "practice",
  "extra-material",
  "plan",
  "pulse",
] as const;

/**
 * Tasks done with a tool of their own rather than ticked off: a check-in the manager records, a feedback
 * request, an if-then plan. Each closes itself when its record exists.
 */
export const taskTools = ["check-in", "peer-feedback", "action-plan"] as const;
export type TaskTool = (typeof taskTools)[number];

/** One thing on a learner's list. `status` says when it was due; nothing turns red or shouts. */
export const todayItem = z.object({
  key: z.string(),
  kind: z.enum(todayItemKinds),
  cohortId: idSchema,
  cohortName: z.string(),
  activityId: z.string().nullable(),
  competenceId: z.string().nullable(),
  title: z.string(),
  type: z.enum(activityTypes).nullable(),
  phase: z.enum(phases).nullable(),
  date: isoDate,
  durationMinutes: z.number().int(),
  mandatory: z.boolean(),
  status: z.enum(["today", "earlier", "upcoming"]),
  /** For optional activities: what the learner chose; null when they have not chosen yet. */
  choice: z.enum(["chosen", "skipped"]).nullable(),
  /** The screen in the web app that does this item. */
  href: z.string(),
  /** Set for a task that closes itself through its tool (absent on older servers). */
  tool: z.enum(taskTools).nullish(),
});
export type TodayItem = z.infer<typeof todayItem>;

export const todayResponse = z.object({
  date: isoDate,
  /** Due today or earlier and not done, in order: earlier first, then today's. */
  items: z.array(todayItem),
  /** Optional activities that are open now: the learner can choose or skip them. */
  menu: z.array(todayItem),
  /** The next seven days, so nothing comes as a surprise. */
  upcoming: z.array(todayItem),
  doneToday: z.number().int(),
  pausedUntil: isoDate.nullable(),
  /** Optional activities the learner skipped and can still take back (absent on older servers). */
  skipped: z.array(todayItem).optional(),
});
export type TodayResponse = z.infer<typeof todayResponse>;

export const practiceOptionView = z.object({ id: z.string(), text: z.string() });

/** A question as the learner sees it: never which options are right. */
export const testQuestionView = z.object({
  id: idSchema,
  kind: z.enum(questionKinds),
  competence: z.string(),
  situation: z.string().nullable(),
  prompt: z.string(),
  options: z.array(practiceOptionView),
});

export const practiceCardView = z.object({
  cardId: idSchema,
  cohortId: idSchema,
  question: testQuestionView.extend({
    /** Open questions only: shown after the learner has written their own answer, for self-rating. */
    modelAnswer: z.string().nullable(),
    /** Drafted by an AI model and accepted by a designer: the learner sees a small label (decision 0028). */
    aiDrafted: z.boolean(),
  }),
  due: z.string(),
});
export type PracticeCardView = z.infer<typeof practiceCardView>;

export const practiceResponse = z.object({
  /** The cards due now that fit in today's session, most at risk of being forgotten first. */
  cards: z.array(practiceCardView),
  sessionMinutes: z.number().int(),
  /** Due cards that did not fit today; they are spread over the coming days. */
  backlog: z.number().int(),
  /** When the next card falls due after today's session (null when there are no cards). */
  nextDue: z.string().nullable(),
  /**
   * The share (0–1) of the learner's practised cards they will probably still remember a week from now
   * without practising in between; a card missed and not answered right since counts as not known.
   */
  forecastNextWeek: z.number().nullable(),
  /** How many practised cards the forecast is about. */
  forecastCards: z.number().int(),
  pausedUntil: isoDate.nullable(),
});
export type PracticeResponse = z.infer<typeof practiceResponse>;

export const selfRatings = ["again", "hard", "good", "easy"] as const;

/** A choice question's answer is the option id; an open question's is the text and a self-rating. */
export const practiceAnswerBody = z.object({
  cardId: idSchema,
  answer: z.union([
    z.string().min(1).max(64),
    z.object({ optionId: z.string().min(1).max(64) }),
    z.object({ text: z.string().trim().max(4000), selfRating: z.enum(selfRatings) }),
  ]),
  /** When the learner answered (ISO 8601); a late upload is scheduled from this moment. */
  answeredAt: z.iso.datetime({ offset: true }),
  /** Chosen by the client per answer: sending the same one again counts once. */
  clientId: z.string().min(8).max(100),
  responseMs: z.number().int().min(0).max(3_600_000).optional(),
});
export type PracticeAnswerBody = z.infer<typeof practiceAnswerBody>;

export const practiceAnswerResult = z.object({
  correct: z.boolean(),
  /** Why: the chosen option's feedback, or the model answer for an open question. */
  feedback: z.string(),
  /** The right option(s), so the learner sees what would have been better. */
  correctOptionIds: z.array(z.string()),
  nextDue: z.string(),
  /** True when repeated misses opened extra material on this competence. */
  extraMaterialOpened: z.boolean(),
});
export type PracticeAnswerResult = z.infer<typeof practiceAnswerResult>;

export const activityParams = z.object({ cohortId: idSchema, activityId: z.string().min(1).max(64) });

export const developmentPoint = z.object({
  competenceId: z.string(),
  competence: z.string(),
  correct: z.number().int(),
  total: z.number().int(),
  /** What to work on: the feedback of the options the learner chose wrongly. */
  advice: z.array(z.string()),
});

export const testResult = z.object({
  kind: z.enum(["insight-test", "competence-proof"]),
  takenAt: z.string(),
  scores: z.array(developmentPoint),
});
export type TestResult = z.infer<typeof testResult>;

/** A check-in the learner's manager recorded with them, as the learner reads it. */
export const myCheckIn = z.object({
  id: idSchema,
  kind: z.enum(["before", "after", "talked"]),
  agreements: z.string(),
  at: z.string(),
  managerName: z.string(),
  cohortId: idSchema.nullable(),
  cohortName: z.string().nullable(),
});
export type MyCheckIn = z.infer<typeof myCheckIn>;
export const myCheckInsResponse = z.object({ checkIns: z.array(myCheckIn) });
export type MyCheckInsResponse = z.infer<typeof myCheckInsResponse>;

export const activityDetail = z.object({
  cohortId: idSchema,
  cohortName: z.string(),
  ...scheduledActivity.shape,
  content: z.string().nullable(),
  readingMinutes: z.number().int().nullable(),
  status: z.enum(["open", "done", "chosen", "skipped"]),
  /** Insight test and competence proof with questions in the bank: answered here, scored per competence. */
  test: z.object({ questions: z.array(testQuestionView), result: testResult.nullable() }).nullable(),
  /** A learner survey (LTEM tier 3): the moment's questions, and the answers once given. */
  survey: surveyView.nullable(),
  /** What the learner can do with it on this screen. */
  canMarkDone: z.boolean(),
  /** An e-learning package plays here (started with the launch route); finishing it marks the activity done. */
  packageId: idSchema.nullish(),
  /** A task with a tool of its own: where to do it, or (a check-in) who holds it and what was agreed. */
  tool: z
    .object({
      kind: z.enum(taskTools),
      /** The screen that does it; null for a check-in, which the manager records. */
      href: z.string().nullable(),
      /** For a check-in: the conversation before the practice day, or the one after it. */
      moment: z.enum(["before", "after"]).nullable(),
      /** For a check-in: the learner's managers, who record it. */
      managers: z.array(z.string()),
      /** For a check-in: the one that closed the task, with its agreements. */
      checkIn: myCheckIn.nullable(),
    })
    .nullish(),
});
export type ActivityDetail = z.infer<typeof activityDetail>;

/** "open" takes a choice or a skip back: the optional activity is on the menu again. */
export const progressBody = z.object({ status: z.enum(["done", "chosen", "skipped", "open"]) });
export type ProgressStatus = z.infer<typeof progressBody>["status"];

export const testAnswersBody = z.object({
  answers: z
    .array(z.object({ questionId: idSchema, optionId: z.string().min(1).max(64) }))
    .min(1)
    .max(100),
});

export const extraMaterialParams = z.object({ cohortId: idSchema, competenceId: z.string().min(1).max(64) });
export const extraMaterialView = z.object({
  cohortId: idSchema,
  competenceId: z.string(),
  competence: z.string(),
  content: z.string(),
  readingMinutes: z.number().int(),
  done: z.boolean(),
});
export type ExtraMaterialView = z.infer<typeof extraMaterialView>;

export const nudgeFrequencies = ["daily", "twice-weekly", "weekly", "off"] as const;
export type NudgeFrequency = (typeof nudgeFrequencies)[number];

export const learningPreferences = z.object({
  nudgeFrequency: z.enum(nudgeFrequencies),
  /** A pause (holiday, sick leave): no nudges and no practice until this date; nothing is lost. */
  pausedUntil: isoDate.nullable(),
  /** The learner agrees to be asked for a short interview about what they applied (success cases). */
  interviewConsent: z.boolean(),
  /** Notices (a confirmation, a badge, an answer) also by email; they are always in the app. */
  noticeEmails: z.boolean(),
});
export type LearningPreferences = z.infer<typeof learningPreferences>;
export const updateLearningPreferences = patchOf(learningPreferences);

export const pauseBody = z.object({ pausedUntil: isoDate.nullable() });
export type PauseBody = z.infer<typeof pauseBody>;

export const calendarFeedResponse = z.object({ url: z.string() });
export type CalendarFeedResponse = z.infer<typeof calendarFeedResponse>;
