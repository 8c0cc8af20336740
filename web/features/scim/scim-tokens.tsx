import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useDraft } from "../../lib/draft.ts";
import { formatDay } from "../../lib/dates.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { type ScimTokenCreated, type ScimTokens, scimApi, scimKeys, useScimTokens } from "./scim-api.ts";

/**
 * On the organisation page: tokens with which Microsoft Entra ID or Google Workspace creates, changes and
 * deactivates people and teams (SCIM). A new token is shown once, right after it is made (decision 0027).
 */
export function ScimTokensSection() {
  const { t } = useTranslation();
  const tokens = useScimTokens();
  const [created, setCreated] = useState<ScimTokenCreated | null>(null);
  return (
    <SectionCard id="scim-tokens" title={t("ui.scim.title")} hint={t("ui.scim.intro")}>
      <QueryState query={tokens}>
        {(data) => (
          <div className="scim-tokens">
            <dl className="credentials">
              <dt>{t("ui.scim.endpoint")}</dt>
              <dd>
                <code>{data.endpoint}</code>
              </dd>
            </dl>
            {created ? <NewToken created={created} /> : null}
            <CreateTokenForm onCreated={setCreated} />
            <TokenList data={data} />
          </div>
        )}
      </QueryState>
    </SectionCard>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: ScimTokenCreated) => void }) {
  const { t } = useTranslation();
  const draft = useDraft({ name: "" });
  const create = useSaveThenRefresh(() => scimApi.create(draft.values), [scimKeys.tokens], {
    onSaved: (created) => {
      onCreated(created);
      draft.reset();
    },
  });
  return (
    <MutationForm
      className="form"
      noValidate
      mutation={create}
      title={t("ui.scim.createTitle")}
      submitLabel={t("ui.scim.create")}
    >
      <Field label={t("ui.scim.name")} hint={t("ui.scim.nameHint")} {...draft.bind("name", create.error)} />
    </MutationForm>
  );
}

function NewToken({ created }: { created: ScimTokenCreated }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-success" role="status">
      <h3>{t("ui.scim.newTitle", { name: created.name })}</h3>
      <p>{t("ui.scim.newHint")}</p>
      <dl className="credentials">
        <dt>{t("ui.scim.token")}</dt>
        <dd>
          <code>{created.token}</code>
        </dd>
      </dl>
    </div>
  );
}

function TokenList({ data }: { data: ScimTokens }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const day = (moment: string) =>
    formatDay(moment.slice(0, 10), locale, { day: "numeric", month: "short", year: "numeric" });
  if (data.tokens.length === 0) return <p>{t("ui.scim.empty")}</p>;
  return (
    <ResponsiveTable
      caption={t("ui.scim.listTitle")}
      headings={[t("ui.scim.name"), t("ui.scim.created"), t("ui.scim.lastUsed"), t("ui.scim.status")]}
    >
      {data.tokens.map((token) => (
        <tr key={token.id}>
          <td data-label={t("ui.scim.name")}>{token.name}</td>
          <td data-label={t("ui.scim.created")}>{day(token.createdAt)}</td>
          <td data-label={t("ui.scim.lastUsed")}>
            {token.lastUsedAt ? day(token.lastUsedAt) : t("ui.scim.neverUsed")}
          </td>
          <td data-label={t("ui.scim.status")}>
            {token.revokedAt ? (
              t("ui.scim.revokedOn", { date: day(token.revokedAt) })
            ) : (
              <RevokeButton tokenId={token.id} name={token.name} />
            )}
          </td>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

function RevokeButton({ tokenId, name }: { tokenId: string; name: string }) {
  const { t } = useTranslation();
  const revoke = useSaveThenRefresh(() => scimApi.revoke(tokenId), [scimKeys.tokens]);
  return (
    <>
      <ErrorMessage error={revoke.error} />
      <MutationButton
        mutation={revoke}
        className="button-secondary"
        confirm={t("ui.scim.revokeConfirm", { name })}
      >
        {t("ui.scim.revoke")}
        <span className="visually-hidden"> {name}</span>
      </MutationButton>
    </>
  );
}
