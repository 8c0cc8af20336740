/** What other modules may use of this one; everything else in the folder is its own business. */
export { sweepAbandonedSessions } from "./cmi5-progress.ts";
export { collectCmi5Data, collectPackageData, erasePackageData } from "./learner-data.ts";
