import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useDraft } from "../../lib/draft.ts";
import { formatDay } from "../../lib/dates.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { ForwardingSection } from "./forwarding-section.tsx";
import {
  type XapiClientCredentials,
  type XapiClients,
  useXapiClients,
  xapiClientKeys,
  xapiClientsApi,
} from "./xapi-clients-api.ts";

/**
 * The coordinator's xAPI clients: other systems and e-learning that send learning records to Beklijf's
 * learning record store. A new client's secret is shown once, right after it is made.
 */
export function XapiClientsPage() {
  const { t } = useTranslation();
  const clients = useXapiClients();
  const [created, setCreated] = useState<XapiClientCredentials | null>(null);
  return (
    <Page title={t("ui.xapiClients.title")}>
      <p className="lead">{t("ui.xapiClients.intro")}</p>
      <QueryState query={clients}>
        {(data) => (
          <>
            {created ? <NewCredentials credentials={created} endpoint={data.endpoint} /> : null}
            <CreateClientForm onCreated={setCreated} />
            <ClientList data={data} />
            {/* Inside: someone who may not manage clients reads one refusal, not two. */}
            <ForwardingSection />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function CreateClientForm({ onCreated }: { onCreated: (credentials: XapiClientCredentials) => void }) {
  const { t } = useTranslation();
  const draft = useDraft({ name: "" });
  const create = useSaveThenRefresh(() => xapiClientsApi.create(draft.values), [xapiClientKeys.all], {
    onSaved: (credentials) => {
      onCreated(credentials);
      draft.reset();
    },
  });
  return (
    <MutationForm
      className="card form"
      noValidate
      mutation={create}
      title={t("ui.xapiClients.createTitle")}
      submitLabel={t("ui.xapiClients.create")}
    >
      <Field
        label={t("ui.xapiClients.name")}
        hint={t("ui.xapiClients.nameHint")}
        {...draft.bind("name", create.error)}
      />
    </MutationForm>
  );
}

function NewCredentials({ credentials, endpoint }: { credentials: XapiClientCredentials; endpoint: string }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="xapi-new-credentials"
      title={t("ui.xapiClients.newTitle")}
      hint={t("ui.xapiClients.newHint")}
    >
      <dl className="credentials">
        <dt>{t("ui.xapiClients.endpoint")}</dt>
        <dd>
          <code>{endpoint}</code>
        </dd>
        <dt>{t("ui.xapiClients.key")}</dt>
        <dd>
          <code>{credentials.key}</code>
        </dd>
        <dt>{t("ui.xapiClients.secret")}</dt>
        <dd>
          <code>{credentials.secret}</code>
        </dd>
      </dl>
    </SectionCard>
  );
}

function ClientList({ data }: { data: XapiClients }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const day = (moment: string) =>
    formatDay(moment.slice(0, 10), locale, { day: "numeric", month: "short", year: "numeric" });
  if (data.clients.length === 0)
    return (
      <SectionCard id="xapi-clients-list" title={t("ui.xapiClients.listTitle")}>
        <p>{t("ui.xapiClients.empty")}</p>
      </SectionCard>
    );
  return (
    <SectionCard id="xapi-clients-list" title={t("ui.xapiClients.listTitle")}>
      <ResponsiveTable
        caption={t("ui.xapiClients.listTitle")}
        headings={[
          t("ui.xapiClients.name"),
          t("ui.xapiClients.key"),
          t("ui.xapiClients.created"),
          t("ui.xapiClients.status"),
        ]}
      >
        {data.clients.map((client) => (
          <tr key={client.id}>
            <td data-label={t("ui.xapiClients.name")}>{client.name}</td>
            <td data-label={t("ui.xapiClients.key")}>
              <code>{client.key}</code>
            </td>
            <td data-label={t("ui.xapiClients.created")}>{day(client.createdAt)}</td>
            <td data-label={t("ui.xapiClients.status")}>
              {client.revokedAt ? (
                t("ui.xapiClients.revokedOn", { date: day(client.revokedAt) })
              ) : (
                <RevokeButton clientId={client.id} name={client.name} />
              )}
            </td>
          </tr>
        ))}
      </ResponsiveTable>
    </SectionCard>
  );
}

function RevokeButton({ clientId, name }: { clientId: string; name: string }) {
  const { t } = useTranslation();
  const revoke = useSaveThenRefresh(() => xapiClientsApi.revoke(clientId), [xapiClientKeys.all]);
  return (
    <>
      <ErrorMessage error={revoke.error} />
      <MutationButton
        mutation={revoke}
        className="button-secondary"
        confirm={t("ui.xapiClients.revokeConfirm", { name })}
      >
        {t("ui.xapiClients.revoke")}
        <span className="visually-hidden"> {name}</span>
      </MutationButton>
    </>
  );
}
