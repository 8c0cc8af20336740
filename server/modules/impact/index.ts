/** What other modules may use of this one; everything else in the folder is its own business. */
export { collectImpactData, eraseImpactData } from "./impact-learner-data.ts";
export { surveyFor } from "./survey.service.ts";
export { cohortGlance, type CohortGlance } from "./cohort-glance.ts";
