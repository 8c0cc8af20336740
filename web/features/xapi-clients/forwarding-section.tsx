import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useDraft } from "../../lib/draft.ts";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import {
  type ForwardingProblemView,
  type XapiForwardingView,
  forwardingApi,
  forwardingKeys,
  useForwarding,
} from "./forwarding-api.ts";

/**
 * Forwarding to an external LRS the organisation names (decision 0035): the settings (key and secret
 * write-only), a connection test, and how far forwarding is, with the last problem in plain words.
 */
export function ForwardingSection() {
  const { t } = useTranslation();
  const forwarding = useForwarding();
  return (
    <SectionCard
      id="xapi-forwarding"
      title={t("ui.xapiForwarding.title")}
      hint={t("ui.xapiForwarding.intro")}
    >
      <QueryState query={forwarding}>
        {(view) => (
          <>
            {view.configured ? <ForwardingState view={view} /> : null}
            <ForwardingForm view={view} />
            <p className="hint">{t("ui.xapiForwarding.erasure")}</p>
          </>
        )}
      </QueryState>
    </SectionCard>
  );
}

function ForwardingForm({ view }: { view: XapiForwardingView }) {
  const { t } = useTranslation();
  const enabledId = useId();
  const draft = useDraft({ endpoint: view.endpoint ?? "", lrsKey: "", lrsSecret: "", enabled: view.enabled });
  const save = useSaveThenRefresh(() => forwardingApi.save(draft.values), [forwardingKeys.all], {
    // Key and secret are never shown again, not even in the form that sent them.
    onSaved: () => draft.reset("lrsKey", "lrsSecret"),
  });
  const keepHint = view.configured ? t("ui.xapiForwarding.keepHint") : t("ui.xapiForwarding.credentialsHint");
  return (
    <MutationForm className="form" noValidate mutation={save} submitLabel={t("ui.xapiForwarding.save")}>
      <Field
        label={t("fields.endpoint")}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        hint={t("ui.xapiForwarding.endpointHint")}
        {...draft.bind("endpoint", save.error)}
      />
      <Field
        label={t("fields.lrsKey")}
        autoComplete="off"
        spellCheck={false}
        hint={keepHint}
        {...draft.bind("lrsKey", save.error)}
      />
      <Field
        label={t("fields.lrsSecret")}
        type="password"
        autoComplete="new-password"
        {...draft.bind("lrsSecret", save.error)}
      />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.values.enabled}
            aria-describedby={`${enabledId}-hint`}
            onChange={(event) => draft.set("enabled", event.target.checked)}
          />
          <span>{t("fields.forwardingEnabled")}</span>
        </label>
        <p id={`${enabledId}-hint`} className="hint">
          {t("ui.xapiForwarding.enabledHint")}
        </p>
      </div>
      {save.isSuccess && !save.isPending ? (
        <p className="alert alert-success" role="status">
          {t("ui.xapiForwarding.saved")}
        </p>
      ) : null}
    </MutationForm>
  );
}

function ForwardingState({ view }: { view: XapiForwardingView }) {
  const { t } = useTranslation();
  const when = (moment: string) => formatDateTime(moment, currentLocale());
  return (
    <>
      <dl className="credentials">
        <dt>{t("ui.xapiForwarding.status")}</dt>
        <dd>{view.enabled ? t("ui.xapiForwarding.on") : t("ui.xapiForwarding.off")}</dd>
        <dt>{t("ui.xapiForwarding.lastForwarded")}</dt>
        <dd>{view.lastForwardedAt ? when(view.lastForwardedAt) : t("ui.xapiForwarding.never")}</dd>
        <dt>{t("ui.xapiForwarding.waiting")}</dt>
        <dd>{t("ui.xapiForwarding.waitingCount", { count: view.waiting })}</dd>
      </dl>
      {view.refusal ? (
        <Problem
          title={t("ui.xapiForwarding.refusedTitle", { count: view.refusal.count })}
          problem={view.refusal}
          after={t("ui.xapiForwarding.refusedNext")}
        />
      ) : view.lastError ? (
        <Problem
          title={t("ui.xapiForwarding.retryTitle", {
            when: view.nextAttemptAt ? when(view.nextAttemptAt) : "—",
          })}
          problem={view.lastError}
        />
      ) : null}
      <TestConnection />
    </>
  );
}

/** A problem in the coordinator's words, with the external LRS's own words beside them. */
function Problem({
  title,
  problem,
  after,
}: {
  title: string;
  problem: ForwardingProblemView;
  after?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="status">
      <p className="alert-title">{title}</p>
      <p>{t(`ui.xapiForwarding.problems.${problem.code}`, { status: problem.status ?? "—" })}</p>
      {problem.detail ? <p>{t("ui.xapiForwarding.theirWords", { detail: problem.detail })}</p> : null}
      {after ? <p>{after}</p> : null}
    </div>
  );
}

function TestConnection() {
  const { t } = useTranslation();
  const [result, setResult] = useState<Awaited<ReturnType<typeof forwardingApi.test>> | null>(null);
  const test = useSaveThenRefresh(() => forwardingApi.test(), [], { onSaved: setResult });
  return (
    <>
      <ErrorMessage error={test.error} />
      <div className="button-row">
        <MutationButton mutation={test} className="button-secondary">
          {test.isPending ? t("ui.xapiForwarding.testing") : t("ui.xapiForwarding.test")}
        </MutationButton>
      </div>
      {result?.ok ? (
        <p className="alert alert-success" role="status">
          {t("ui.xapiForwarding.testOk", { versions: result.versions.join(", ") })}
        </p>
      ) : result?.problem ? (
        <Problem title={t("ui.xapiForwarding.testFailed")} problem={result.problem} />
      ) : null}
    </>
  );
}
