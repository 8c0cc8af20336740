import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { SessionsView } from "../../../common/schemas/auth.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { authApi, authKeys } from "./auth-api.ts";

type Session = SessionsView["sessions"][number];

/**
 * "Where you are signed in": every live session of the person, this device marked, with a sign-out per
 * device and for everywhere else. Signing out this device ends here, like the header's sign-out.
 */
export function YourSessions() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const locale = currentLocale();
  const sessions = useQuery({
    queryKey: authKeys.sessions(),
    queryFn: authApi.sessions,
  });
  const end = useMutation({
    mutationFn: (session: Session) => authApi.endSession(session.id),
    onSuccess: async (_, session) => {
      if (session.current) {
        client.clear();
        await navigate("/sign-in");
        return;
      }
      await client.invalidateQueries({ queryKey: authKeys.sessions() });
    },
  });
  const endOthers = useSaveThenRefresh(authApi.endOtherSessions, [authKeys.sessions()]);
  const deviceName = (session: Session) =>
    session.browser && session.os
      ? t("ui.sessions.device", { browser: session.browser, os: session.os })
      : (session.browser ?? session.os ?? t("ui.sessions.unknownDevice"));
  const list = sessions.data?.sessions ?? [];
  return (
    <section className="card" id="sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("ui.sessions.title")}</h2>
      <p className="hint">{t("ui.sessions.intro")}</p>
      <ErrorMessage error={sessions.error ?? end.error ?? endOthers.error} />
      {end.isSuccess && !end.variables.current ? (
        <SuccessMessage>{t("ui.sessions.ended")}</SuccessMessage>
      ) : null}
      {endOthers.isSuccess ? <SuccessMessage>{t("ui.sessions.endedOthers")}</SuccessMessage> : null}
      {sessions.isPending ? <Loading /> : null}
      <ul className="session-list">
        {list.map((session) => (
          <li key={session.id} className="session">
            <div>
              <p className="session-device">
                <strong>{deviceName(session)}</strong>{" "}
                {session.current ? (
                  <span className="badge badge-active">{t("ui.sessions.thisDevice")}</span>
                ) : null}
              </p>
              <p className="hint">
                {t("ui.sessions.signedIn", { time: formatDateTime(session.createdAt, locale) })}
                {" · "}
                {t("ui.sessions.lastActive", { time: formatDateTime(session.lastActiveAt, locale) })}
                {session.method ? ` · ${t(`ui.sessionMethod.${session.method}`)}` : null}
              </p>
            </div>
            <button
              type="button"
              className="button-secondary"
              aria-label={t("ui.sessions.signOutDevice", {
                device: deviceName(session),
                time: formatDateTime(session.lastActiveAt, locale),
              })}
              disabled={end.isPending}
              onClick={() => end.mutate(session)}
            >
              {t("ui.sessions.signOut")}
            </button>
          </li>
        ))}
      </ul>
      {list.length === 1 ? <p className="hint">{t("ui.sessions.onlyThis")}</p> : null}
      {list.length > 1 ? (
        <MutationButton mutation={endOthers} className="button-secondary">
          {t("ui.sessions.signOutOthers")}
        </MutationButton>
      ) : null}
    </section>
  );
}
