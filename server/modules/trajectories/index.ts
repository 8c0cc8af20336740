/** What other modules may use of this one; everything else in the folder is its own business. */
export { withActivityIds } from "./activity-ids.ts";
export { difficultCustomerConversations } from "./templates/difficult-customer-conversations.ts";
export { renderTemplate } from "./templates/template.ts";
export { authorize } from "./trajectories.policy.ts";
