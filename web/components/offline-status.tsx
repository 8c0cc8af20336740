import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useOnline, useOutboxSync, usePersonChange, useWaiting } from "../lib/offline-sync.ts";
import { useMe } from "../lib/session.ts";
import "./offline.css";

/**
 * The strip at the top of every screen about the connection: that the app is offline (and shows the
 * last sync), what waits on the device to be sent, and, once sent, a quiet note of how it went. It
 * also runs the sending itself, so kept answers go from whatever screen is open when the connection
 * returns. One polite live region, so a screen reader hears each change once.
 */
export function OfflineStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const me = useMe();
  const personId = me.data === undefined ? undefined : (me.data?.person.id ?? null);
  usePersonChange(personId);
  const [sent, closeSent] = useOutboxSync(personId);
  const waiting = useWaiting(personId);
  const lines: ReactNode[] = [];
  if (!online)
    lines.push(
      <p key="offline">
        <strong>{t("ui.offline.offline")}</strong> {t("ui.offline.offlineText")}
      </p>,
    );
  if (waiting.answers > 0)
    lines.push(<p key="answers">{t("ui.offline.answersWaiting", { count: waiting.answers })}</p>);
  if (waiting.applications > 0)
    lines.push(
      <p key="applications">{t("ui.offline.applicationsWaiting", { count: waiting.applications })}</p>,
    );
  return (
    <div className="offline-status" role="status" data-testid="offline-status">
      {lines.length > 0 ? <div className="offline-banner">{lines}</div> : null}
      {sent ? (
        <div className="offline-sent">
          {sent.answers > 0 ? (
            <p>{t("ui.offline.answersSent", { count: sent.answers, right: sent.right })}</p>
          ) : null}
          {sent.applications > 0 ? (
            <p>{t("ui.offline.applicationsSent", { count: sent.applications })}</p>
          ) : null}
          {sent.refused > 0 ? <p>{t("ui.offline.refused", { count: sent.refused })}</p> : null}
          <button type="button" className="button-secondary" onClick={closeSent}>
            {t("ui.offline.closeNote")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** "Saved on this device": neutral, never a wrong answer's red. */
export function SavedOnDevice({ children }: { children: ReactNode }) {
  return (
    <div className="saved-on-device" role="status">
      {children}
    </div>
  );
}
