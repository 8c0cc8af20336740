import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { mailboxKeys, notificationsApi } from "./notifications-api.ts";

/** Development only: shows the mail Beklijf would have sent while no SMTP server is configured. */
export function MailboxPage() {
  const { t } = useTranslation();
  const messages = useQuery({
    queryKey: mailboxKeys.all,
    queryFn: notificationsApi.mailbox,
    refetchInterval: 5000,
  });
  const locale = currentLocale();
  return (
    <Page title={t("ui.mailbox.title")}>
      <p className="notice">{t("ui.mailbox.intro")}</p>
      <QueryState query={messages} empty={{ title: t("ui.mailbox.empty") }}>
        {(mail) =>
          mail.map((message) => (
            <article key={message.id} className="card mail">
              <h2>{message.subject}</h2>
              <p className="hint">
                {t("ui.mailbox.to", { to: message.to })} · {formatDateTime(message.createdAt, locale)} ·{" "}
                {t(`ui.mailbox.status.${message.status}`)}
              </p>
              <pre className="mail-body">{message.text}</pre>
            </article>
          ))
        }
      </QueryState>
    </Page>
  );
}
