/** What other modules may use of this one; everything else in the folder is its own business. */
export { collectAiData, eraseAiData } from "./usage.service.ts";
export { runDraftingJobs, type DraftingDeps } from "./drafting.service.ts";
