/** What other modules may use of this one; everything else in the folder is its own business. */
export { collectNotices, eraseNotices, type Notice, notify, settleNotices } from "./notices.service.ts";
export type { NoticeParams } from "./notice-text.ts";
