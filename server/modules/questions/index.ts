/** What other modules may use of this one; everything else in the folder is its own business. */
export { addAcceptedDraft, type AcceptedDraft } from "./questions.service.ts";
