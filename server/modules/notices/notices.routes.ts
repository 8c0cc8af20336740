import { noticeParams, noticesView } from "../../../common/schemas/notices.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { listNotices, markAllNoticesRead, markNoticeRead } from "./notices.service.ts";

/** The signed-in person's notices: the list with its unread count, and marking them read. */
export const noticeRoutes = defineRoutes(
  ["notices"],
  [
    route.get(
      "/api/me/notices",
      { summary: "My notices, newest first, with the number unread", response: noticesView },
      (scope) => listNotices(scope),
    ),

    route.post(
      "/api/me/notices/:noticeId/read",
      { summary: "Mark one of my notices read (again is harmless)", params: noticeParams, status: 204 },
      (scope, { params }) => markNoticeRead(scope, params),
    ),

    route.post("/api/me/notices/read", { summary: "Mark all my notices read", status: 204 }, (scope) =>
      markAllNoticesRead(scope),
    ),
  ],
);
