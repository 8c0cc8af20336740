import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field, SelectField } from "../../../components/field.tsx";
import { ErrorMessage, Loading, SuccessMessage } from "../../../components/feedback.tsx";
import { Page } from "../../../components/page.tsx";
import { fieldError } from "../../../lib/forms.ts";
import { type Organisation, organisationKeys, organisationsApi } from "../organisations-api.ts";

export function OrganisationPage() {
  const { t } = useTranslation();
  const org = useQuery({
    queryKey: organisationKeys.all,
    queryFn: organisationsApi.organisation,
  });
  return (
    <Page title={t("ui.organisation.title")}>
      {org.isLoading ? <Loading /> : null}
      <ErrorMessage error={org.error} />
      {org.data ? <OrganisationForm org={org.data} /> : null}
    </Page>
  );
}

function OrganisationForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(org.name);
  const [defaultLocale, setDefaultLocale] = useState(org.defaultLocale);
  const [threshold, setThreshold] = useState(String(org.anonymityThreshold));
  const save = useMutation({
    mutationFn: () =>
      organisationsApi.updateOrganisation({
        name,
        defaultLocale,
        anonymityThreshold: Number.parseInt(threshold, 10),
      }),
    onSuccess: () => client.invalidateQueries(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <ErrorMessage error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t("ui.common.saved")}</SuccessMessage> : null}
      <Field
        label={t("ui.organisation.name")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError(save.error, "name")}
      />
      <SelectField
        label={t("fields.defaultLocale")}
        value={defaultLocale}
        onChange={(e) => setDefaultLocale(e.target.value as "nl" | "en")}
      >
        <option value="nl">{t("ui.language.nl")}</option>
        <option value="en">{t("ui.language.en")}</option>
      </SelectField>
      <Field
        label={t("fields.anonymityThreshold")}
        type="number"
        inputMode="numeric"
        min={3}
        max={50}
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
        hint={t("ui.organisation.thresholdHint")}
        error={fieldError(save.error, "anonymityThreshold")}
      />
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t("ui.common.save")}
      </button>
    </form>
  );
}
