/** What other modules may use of this one; everything else in the folder is its own business. */
export { needsYouOf, needsYouOfManagersInOrder, saveCheckIn, teamViewOf } from "./team.service.ts";
export { canRecordCheckIn } from "./team.policy.ts";
