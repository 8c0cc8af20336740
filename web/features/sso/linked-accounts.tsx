import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { ssoApi, ssoKeys } from "./sso-api.ts";

/**
 * On a person's page, for the coordinator: the organisation accounts that sign this person in, and a way
 * to unlink them (an address handed on to a new colleague, an account made again at the provider).
 * Shown only when there is one.
 */
export function LinkedAccounts({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery({ queryKey: ssoKeys.accounts(personId), queryFn: () => ssoApi.accounts(personId) });
  const unlink = useSaveThenRefresh(() => ssoApi.unlink(personId), [ssoKeys.accounts(personId)]);
  const accounts = query.data?.accounts ?? [];
  if (accounts.length === 0) return null;
  return (
    <section className="card" aria-labelledby="person-sso">
      <h2 id="person-sso">{t("ui.sso.accounts.title")}</h2>
      <ul>
        {accounts.map((account) => (
          <li key={account.issuer}>
            {t("ui.sso.accounts.linked", {
              issuer: account.issuer,
              since: formatDateTime(account.linkedAt, locale),
            })}
          </li>
        ))}
      </ul>
      <p className="hint">{t("ui.sso.accounts.unlinkHint", { name })}</p>
      <ErrorMessage error={unlink.error} />
      <MutationButton
        mutation={unlink}
        className="button-secondary"
        confirm={t("ui.sso.accounts.unlinkConfirm", { name })}
      >
        {t("ui.sso.accounts.unlink")}
      </MutationButton>
    </section>
  );
}
