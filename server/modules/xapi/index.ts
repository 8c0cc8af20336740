/** What other modules may use of this one; everything else in the folder is its own business. */
export { isoDuration, recordStatement, statementsOf } from "./statements.ts";
export { issueLaunchCredentials } from "./clients.ts";
export { collectXapiDocuments, eraseXapiData } from "./person-data.ts";
export { registrationStatements, storeLmsStatement, writeLmsState } from "./lms-records.ts";
export type { LaunchStatementsGuard, LaunchStatementsListener } from "./lrs-http.ts";
export type { XapiCaller } from "./statements-store.ts";
export { forwardStatements } from "./forwarding.ts";
