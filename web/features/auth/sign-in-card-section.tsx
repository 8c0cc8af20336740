import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../common/schemas/people.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { SelectField } from "../../components/field.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { intlLocale } from "../../../common/locales.ts";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { emailLinkApi, signInCardKeys } from "./email-link-api.ts";

type Validity = "none" | "3" | "6" | "12";

/**
 * The person page's "Sign-in card" (decision 0024): a coordinator prints a QR card for someone without
 * work email, sees when it was printed and last used, and blocks it. A new card blocks the old one.
 */
export function SignInCardSection({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const card = useQuery({
    queryKey: signInCardKeys.card(person.id),
    queryFn: () => emailLinkApi.card(person.id),
  });
  return (
    <section className="card" aria-labelledby="sign-in-card-title">
      <h2 id="sign-in-card-title">{t("ui.signInCard.title")}</h2>
      <p className="hint">{t("ui.signInCard.intro")}</p>
      {person.roles.includes("coordinator") ? (
        <p>{t("ui.signInCard.notForCoordinators")}</p>
      ) : (
        <QueryState query={card}>{(data) => <CardActions person={person} card={data.card} />}</QueryState>
      )}
    </section>
  );
}

function CardActions({
  person,
  card,
}: {
  person: PersonSummary;
  card: Awaited<ReturnType<typeof emailLinkApi.card>>["card"];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [validity, setValidity] = useState<Validity>("12");
  const stale = [signInCardKeys.card(person.id)];
  const print = useSaveThenRefresh(
    () => emailLinkApi.printCard(person.id, validity === "none" ? null : (Number(validity) as 3 | 6 | 12)),
    stale,
  );
  const revoke = useSaveThenRefresh(() => emailLinkApi.revokeCard(person.id), stale);
  const deactivated = person.status === "deactivated";
  return (
    <>
      <ErrorMessage error={print.error ?? revoke.error} />
      {print.isSuccess ? (
        <SuccessMessage>
          {print.data ? t("ui.signInCard.printedNow", { name: person.name }) : t("ui.signInCard.replayed")}
        </SuccessMessage>
      ) : null}
      {revoke.isSuccess && !card ? <SuccessMessage>{t("ui.signInCard.revoked")}</SuccessMessage> : null}
      {card ? (
        <ul className="plain-list">
          <li>{t("ui.signInCard.printed", { time: formatDateTime(card.printedAt, locale) })}</li>
          <li>
            {card.expiresAt
              ? t("ui.signInCard.expires", {
                  date: new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long" }).format(
                    new Date(card.expiresAt),
                  ),
                })
              : t("ui.signInCard.noExpiry")}
          </li>
          <li>
            {card.lastUsedAt
              ? t("ui.signInCard.used", { count: card.uses, time: formatDateTime(card.lastUsedAt, locale) })
              : t("ui.signInCard.notUsed")}
          </li>
        </ul>
      ) : (
        <p>{t("ui.signInCard.none")}</p>
      )}
      {deactivated ? null : (
        <>
          <SelectField
            label={t("fields.validMonths")}
            name="validMonths"
            value={validity}
            onChange={(event) => setValidity(event.target.value as Validity)}
          >
            {(["3", "6", "12"] as const).map((months) => (
              <option key={months} value={months}>
                {t("ui.signInCard.months", { count: Number(months) })}
              </option>
            ))}
            <option value="none">{t("ui.signInCard.untilBlocked")}</option>
          </SelectField>
          <p className="button-row">
            <MutationButton mutation={print} className="button-secondary">
              {card ? t("ui.signInCard.printNew") : t("ui.signInCard.print")}
            </MutationButton>
            {card ? (
              <MutationButton mutation={revoke} className="button-danger">
                {t("ui.signInCard.revoke")}
              </MutationButton>
            ) : null}
          </p>
        </>
      )}
    </>
  );
}
