import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Field, SelectField } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useDraft } from "../../lib/draft.ts";
import { fieldError } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { ssoApi, ssoKeys, type SsoConfigurationView } from "./sso-api.ts";
import { SsoStatus } from "./sso-status.tsx";

/**
 * The organisation's sign-in with the organisation account, on the organisation page: the redirect
 * address to register at the provider, the settings, then the test and the switch (`SsoStatus`).
 */
export function SsoSettings() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ssoKeys.configuration, queryFn: ssoApi.configuration });
  return (
    <SectionCard id="sso" title={t("ui.sso.settings.title")} hint={t("ui.sso.settings.intro")}>
      <QueryState query={query}>
        {(view) => (
          <>
            <RedirectAddress uri={view.redirectUri} />
            <SsoForm view={view} />
            <SsoStatus view={view} />
            {view.configuration?.enabled ? (
              <div className="sso-redirect">
                <h3>{t("ui.sso.settings.signInLink")}</h3>
                <p>
                  <code>{view.signInLink}</code>
                </p>
                <p className="hint">{t("ui.sso.settings.signInLinkHint")}</p>
              </div>
            ) : null}
          </>
        )}
      </QueryState>
    </SectionCard>
  );
}

function RedirectAddress({ uri }: { uri: string }) {
  const { t } = useTranslation();
  return (
    <div className="sso-redirect">
      <h3>{t("ui.sso.settings.redirectUri")}</h3>
      <p>
        <code>{uri}</code>
      </p>
      <p className="hint">{t("ui.sso.settings.redirectUriHint")}</p>
    </div>
  );
}

const splitDomains = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter(Boolean);

function SsoForm({ view }: { view: SsoConfigurationView }) {
  const { t } = useTranslation();
  const saved = view.configuration;
  const draft = useDraft({
    issuerUrl: saved?.issuerUrl ?? "",
    oidcClientId: saved?.oidcClientId ?? "",
    oidcClientSecret: "",
    domains: saved?.allowedDomains.join(", ") ?? "",
    allowJustInTime: saved?.allowJustInTime ?? false,
    requireSso: saved?.requireSso ?? false,
    breakGlassPersonId: saved?.breakGlassPersonId ?? "",
  });
  const values = draft.values;
  const save = useSaveThenRefresh(
    () =>
      ssoApi.save({
        issuerUrl: values.issuerUrl,
        oidcClientId: values.oidcClientId,
        oidcClientSecret: values.oidcClientSecret,
        allowedDomains: splitDomains(values.domains),
        allowJustInTime: values.allowJustInTime,
        requireSso: values.requireSso,
        breakGlassPersonId: values.breakGlassPersonId || null,
      }),
    [ssoKeys.configuration],
    // The secret is never shown again, not even in the form that sent it.
    { onSaved: () => draft.set("oidcClientSecret", "") },
  );
  return (
    <MutationForm className="form" noValidate mutation={save} submitLabel={t("ui.sso.settings.save")}>
      <Field
        label={t("fields.issuerUrl")}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        hint={t("ui.sso.settings.issuerHint")}
        {...draft.bind("issuerUrl", save.error)}
      />
      <Field
        label={t("fields.oidcClientId")}
        autoComplete="off"
        spellCheck={false}
        {...draft.bind("oidcClientId", save.error)}
      />
      <Field
        label={t("fields.oidcClientSecret")}
        type="password"
        autoComplete="new-password"
        hint={saved?.hasClientSecret ? t("ui.sso.settings.secretKeepHint") : t("ui.sso.settings.secretHint")}
        {...draft.bind("oidcClientSecret", save.error)}
      />
      <Field
        label={t("fields.allowedDomains")}
        autoComplete="off"
        spellCheck={false}
        hint={t("ui.sso.settings.domainsHint")}
        {...draft.bind("domains", save.error, "allowedDomains")}
      />
      <Toggle
        checked={values.allowJustInTime}
        onChange={(checked) => draft.set("allowJustInTime", checked)}
        label={t("fields.allowJustInTime")}
        hint={t("ui.sso.settings.jitHint")}
      />
      <Toggle
        checked={values.requireSso}
        onChange={(checked) => draft.set("requireSso", checked)}
        label={t("fields.requireSso")}
        hint={t("ui.sso.settings.requireHint")}
        error={fieldError(save.error, "requireSso")}
      />
      <SelectField
        label={t("fields.breakGlassPersonId")}
        hint={t("ui.sso.settings.breakGlassHint")}
        {...draft.bind("breakGlassPersonId", save.error)}
      >
        <option value="">{t("ui.sso.settings.nobody")}</option>
        {view.coordinators.map((coordinator) => (
          <option key={coordinator.id} value={coordinator.id}>
            {coordinator.name}
          </option>
        ))}
      </SelectField>
      {save.isSuccess && !save.isPending ? (
        <p className="alert alert-success" role="status">
          {saved?.enabled === false && saved.lastTest === null
            ? t("ui.sso.settings.retestNeeded")
            : t("ui.sso.settings.saved")}
        </p>
      ) : null}
    </MutationForm>
  );
}

/** A checkbox with a line under it on what it does. */
function Toggle({
  checked,
  onChange,
  label,
  hint,
  error,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint: string;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
