import { useQuery } from "@tanstack/react-query";
import type { NoticesView } from "../../../common/schemas/notices.ts";
import { api } from "../../lib/api.ts";

export const noticeKeys = {
  all: ["notices"] as const,
  mine: () => [...noticeKeys.all, "mine"] as const,
};

/** How often the header looks for new notices while the app is open. */
const REFRESH_MS = 60_000;

/** My notices and the unread count; the header and the notices page share this one query. */
export const useNotices = () =>
  useQuery({
    queryKey: noticeKeys.mine(),
    queryFn: () => api<NoticesView>("GET", "/api/me/notices"),
    refetchInterval: REFRESH_MS,
  });

export const markNoticeRead = (noticeId: string) => api<void>("POST", `/api/me/notices/${noticeId}/read`);

export const markAllNoticesRead = () => api<void>("POST", "/api/me/notices/read");
