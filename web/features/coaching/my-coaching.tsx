import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../components/feedback.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { answerOffer, coachingKeys, useMyCoaching } from "./coaching-api.ts";

/** On the learner's plans screen: coaching offered to them (their choice) and the coach's notes. */
export function MyCoaching() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const coaching = useMyCoaching();
  const answer = useSaveThenRefresh(answerOffer, [coachingKeys.mine()]);
  const data = coaching.data;
  if (!data || (data.invitations.length === 0 && data.coaches.length === 0)) return null;
  return (
    <section className="card" aria-labelledby="my-coaching">
      <h2 id="my-coaching">{t("ui.coaching.mine")}</h2>
      <ErrorMessage error={answer.error} />
      {data.invitations.map((invitation) => (
        <div key={invitation.relationId}>
          <p>{t("ui.coaching.offered", { coach: invitation.coach })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button-primary small"
              onClick={() => answer.mutate({ relationId: invitation.relationId, accept: true })}
            >
              {t("ui.coaching.accept")}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => answer.mutate({ relationId: invitation.relationId, accept: false })}
            >
              {t("ui.coaching.decline")}
            </button>
          </div>
        </div>
      ))}
      {data.coaches.map((relation) => (
        <div key={relation.relationId}>
          <h3>{relation.coach}</h3>
          <ul className="plain-list applications">
            {relation.sessions.map((s) => (
              <li key={s.id}>
                {formatDateTime(s.scheduledAt, locale)}: {s.notes}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
