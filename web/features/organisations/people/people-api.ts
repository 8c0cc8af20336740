/** Kept for the features that import the people and team lists from here; the calls live in organisations-api. */
export { usePeople, useTeams } from "../organisations-api.ts";
