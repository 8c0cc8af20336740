import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useDraft } from "../../lib/draft.ts";
import { fieldError } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { aiApi, aiKeys, type AiSettingsView } from "./ai-api.ts";
import { AiUsage } from "./ai-usage.tsx";

/**
 * The coordinator's AI drafting settings (decision 0028): off by default; where the text goes, said
 * plainly before the form; the key is write-only. Below, the use per month.
 */
export function AiSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: aiKeys.settings, queryFn: aiApi.settings });
  return (
    <Page title={t("ui.ai.settings.pageTitle")}>
      <p>
        <Link to="/organisation">← {t("ui.nav.organisation")}</Link>
      </p>
      <p className="lead">{t("ui.ai.settings.intro")}</p>
      <QueryState query={settings}>
        {(view) => (
          <>
            <SectionCard id="ai-where" title={t("ui.ai.settings.whereTitle")}>
              <p>{t("ui.ai.settings.where1")}</p>
              <p>{t("ui.ai.settings.where2")}</p>
              <p>
                <Link to="/ai">{t("ui.ai.settings.aboutLink")}</Link>
              </p>
            </SectionCard>
            <SectionCard id="ai-settings" title={t("ui.ai.settings.title")}>
              <SettingsForm view={view} />
            </SectionCard>
            <AiUsage />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function SettingsForm({ view }: { view: AiSettingsView }) {
  const { t } = useTranslation();
  const hintId = useId();
  const draft = useDraft({
    enabled: view.enabled,
    baseUrl: view.baseUrl ?? "",
    model: view.model ?? "",
    apiKey: "",
  });
  const values = draft.values;
  const save = useSaveThenRefresh(
    () =>
      aiApi.saveSettings({
        enabled: values.enabled,
        baseUrl: values.baseUrl,
        model: values.model,
        ...(values.apiKey ? { apiKey: values.apiKey } : {}),
      }),
    [aiKeys.settings],
    // The key is never shown again, not even in the form that sent it.
    { onSaved: () => draft.set("apiKey", "") },
  );
  return (
    <MutationForm
      className="form"
      noValidate
      mutation={save}
      submitLabel={t("ui.ai.settings.save")}
      savedMessage={t("ui.ai.settings.saved")}
    >
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.enabled}
            aria-describedby={hintId}
            onChange={(event) => draft.set("enabled", event.target.checked)}
          />
          <span>{t("ui.ai.settings.enabled")}</span>
        </label>
        <p id={hintId} className="hint">
          {t("ui.ai.settings.enabledHint")}
        </p>
        {fieldError(save.error, "enabled") ? (
          <p className="field-error">{fieldError(save.error, "enabled")}</p>
        ) : null}
      </div>
      <Field
        label={t("fields.baseUrl")}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        hint={t("ui.ai.settings.baseUrlHint")}
        {...draft.bind("baseUrl", save.error)}
      />
      <Field
        label={t("fields.model")}
        autoComplete="off"
        spellCheck={false}
        hint={t("ui.ai.settings.modelHint")}
        {...draft.bind("model", save.error)}
      />
      <Field
        label={t("fields.apiKey")}
        type="password"
        autoComplete="new-password"
        hint={view.hasApiKey ? t("ui.ai.settings.keyKeepHint") : t("ui.ai.settings.keyHint")}
        {...draft.bind("apiKey", save.error)}
      />
    </MutationForm>
  );
}
