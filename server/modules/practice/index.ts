/** What other modules may use of this one; everything else in the folder is its own business. */
export { answerCard } from "./practice-answers.service.ts";
export { getPractice } from "./practice.service.ts";
export { type PracticePlan, planSession, planSessions, type SessionPlan } from "./session-plans.ts";
