import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NoticeView } from "../../../common/schemas/notices.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { markAllNoticesRead, markNoticeRead, noticeKeys, useNotices } from "./notices-api.ts";

/**
 * One notice: the sentence is the link to its place. Opening it marks it read; the request is sent
 * without waiting, so the link never waits for the server (the header's count follows).
 */
function NoticeItem({ notice }: { notice: NoticeView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const open = () => {
    if (notice.readAt) return;
    void markNoticeRead(notice.id).then(() => client.invalidateQueries({ queryKey: noticeKeys.mine() }));
  };
  return (
    <li className={notice.readAt ? "notice" : "notice notice-unread"}>
      {notice.readAt ? null : <span className="notice-new">{t("ui.notices.unread")}</span>}
      <Link to={notice.href} onClick={open}>
        {notice.text}
      </Link>
      <span className="hint notice-time">{formatDateTime(notice.createdAt, currentLocale())}</span>
    </li>
  );
}

/** Everything that happened for the person, newest first, each leading to its place. */
export function NoticesPage() {
  const { t } = useTranslation();
  const notices = useNotices();
  const markAll = useSaveThenRefresh(markAllNoticesRead, [noticeKeys.mine()]);
  const unread = notices.data?.unread ?? 0;
  return (
    <Page
      title={t("ui.notices.title")}
      actions={
        unread > 0 ? (
          <MutationButton mutation={markAll} className="button-secondary small">
            {t("ui.notices.markAllRead")}
          </MutationButton>
        ) : null
      }
    >
      <p className="hint">{t("ui.notices.intro")}</p>
      {markAll.isSuccess && unread === 0 ? <SuccessMessage>{t("ui.notices.allRead")}</SuccessMessage> : null}
      <QueryState
        query={notices}
        otherError={markAll.error}
        isEmpty={(data) => data.notices.length === 0}
        empty={{ title: t("ui.notices.emptyTitle"), text: t("ui.notices.empty") }}
      >
        {(data) => (
          <ul className="notice-list">
            {data.notices.map((notice) => (
              <NoticeItem key={notice.id} notice={notice} />
            ))}
          </ul>
        )}
      </QueryState>
    </Page>
  );
}
