/** What other modules may use of this one; everything else in the folder is its own business. */
export { applicationById, plansOf, recordConfirmation } from "./action-plans.service.ts";
export { isConfirmable } from "./action-plans.policy.ts";
