/** What other modules may use of this one; everything else in the folder is its own business. */
export { plansOf, plansOfPeople } from "./action-plans.service.ts";
export { applicationById, recordConfirmation } from "./applications.service.ts";
export { isConfirmable } from "./action-plans.policy.ts";
export {
  collectPlanPulses,
  erasePlanPulses,
  pulseTodayItemsOfPeople,
  type TodayOf,
} from "./pulse.service.ts";
