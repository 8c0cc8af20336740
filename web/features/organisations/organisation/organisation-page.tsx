import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Field } from "../../../components/field.tsx";
import { SettingsForm } from "../../../components/mutation-form.tsx";
import { Page } from "../../../components/page.tsx";
import { QueryState } from "../../../components/query-state.tsx";
import { useDraft } from "../../../lib/draft.ts";
import { useSaveThenRefresh } from "../../../lib/mutations.ts";
import { LocaleSelect } from "../locale-select.tsx";
import { type Organisation, organisationKeys, organisationsApi } from "../organisations-api.ts";
import { WorkingWeekForm } from "./working-week-form.tsx";
import { XapiClientsLink } from "../../xapi-clients/xapi-clients-link.tsx";
import { AiSettingsLink } from "../../ai/ai-settings-link.tsx";
import { SsoSettings } from "../../sso/sso-settings.tsx";
import { ScimTokensSection } from "../../scim/scim-tokens.tsx";
import { SecondFactorPolicyCard } from "../../second-factor/second-factor-admin.tsx";

export function OrganisationPage() {
  const { t } = useTranslation();
  const org = useQuery({
    queryKey: organisationKeys.all,
    queryFn: organisationsApi.organisation,
  });
  return (
    <Page title={t("ui.organisation.title")}>
      <QueryState query={org}>
        {(data) => (
          <>
            <OrganisationForm org={data} />
            <WorkingWeekForm org={data} />
            <XapiClientsLink />
            <AiSettingsLink />
            <SsoSettings />
            <ScimTokensSection />
            <SecondFactorPolicyCard />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function OrganisationForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const draft = useDraft({
    name: org.name,
    defaultLocale: org.defaultLocale,
    threshold: String(org.anonymityThreshold),
  });
  const { name, defaultLocale, threshold } = draft.values;
  const save = useSaveThenRefresh(
    () =>
      organisationsApi.updateOrganisation({
        name,
        defaultLocale,
        anonymityThreshold: Number.parseInt(threshold, 10),
      }),
    "all",
  );
  return (
    <SettingsForm mutation={save}>
      <Field label={t("ui.organisation.name")} {...draft.bind("name", save.error)} />
      <LocaleSelect label={t("fields.defaultLocale")} {...draft.bind("defaultLocale")} />
      <Field
        label={t("fields.anonymityThreshold")}
        type="number"
        inputMode="numeric"
        min={3}
        max={50}
        {...draft.bind("threshold", save.error, "anonymityThreshold")}
        hint={t("ui.organisation.thresholdHint")}
      />
    </SettingsForm>
  );
}
