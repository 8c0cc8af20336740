/** What other modules may use of this one; everything else in the folder is its own business. */
export { claimStamps, withPreferences } from "./preferences.service.ts";
