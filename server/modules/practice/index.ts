/** What other modules may use of this one; everything else in the folder is its own business. */
export { answerCard } from "./practice-answers.service.ts";
export { getPractice, planSession } from "./practice.service.ts";
