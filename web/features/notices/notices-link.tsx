import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useNotices } from "./notices-api.ts";

/** A bell, drawn so it needs no icon font; the link's text says what it is. */
function Bell() {
  return (
    <svg
      className="notices-bell"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The header's way to the notices, with the unread count. A screen reader hears one name, "Notices, 3
 * unread" (hidden text); the visible word and count are hidden from it so they are not read twice. The
 * name starts with the visible word, so "click Notices" works for voice control too.
 */
export function NoticesLink() {
  const { t } = useTranslation();
  const unread = useNotices().data?.unread ?? 0;
  return (
    <NavLink to="/notices" className="notices-link">
      <Bell />
      <span aria-hidden="true">{t("ui.notices.link")}</span>
      {unread > 0 ? (
        <span className="notices-count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
      <span className="visually-hidden">
        {unread > 0 ? t("ui.notices.linkUnread", { count: unread }) : t("ui.notices.link")}
      </span>
    </NavLink>
  );
}
