import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../../../common/locales.ts";
import type { Role } from "../../../../common/roles.ts";
import { Field, SelectField } from "../../../components/field.tsx";
import { ErrorMessage, SuccessMessage } from "../../../components/feedback.tsx";
import { organisationsApi, useTeams } from "../organisations-api.ts";
import { RoleCheckboxes, TeamCheckboxes } from "./role-checkboxes.tsx";
import { fieldError } from "../../../lib/forms.ts";

export function AddPersonForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [roles, setRoles] = useState<Role[]>(["learner"]);
  const [locale, setLocale] = useState("");
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [sendInvitation, setSendInvitation] = useState(true);
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      organisationsApi.createPerson({
        name,
        email,
        roles,
        locale: isLocale(locale) ? locale : null,
        teamIds,
        sendInvitation,
      }),
    onSuccess: async (person) => {
      setAdded(person.name);
      setName("");
      setEmail("");
      setRoles(["learner"]);
      setTeamIds([]);
      await client.invalidateQueries();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    create.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="add-person-title">
      <h2 id="add-person-title">{t("ui.people.add")}</h2>
      <ErrorMessage error={create.error} />
      {added ? <SuccessMessage>{t("ui.people.added", { name: added })}</SuccessMessage> : null}
      <Field
        label={t("fields.name")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoComplete="off"
        error={fieldError(create.error, "name")}
      />
      <Field
        label={t("fields.email")}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        required
        autoComplete="off"
        error={fieldError(create.error, "email")}
      />
      <RoleCheckboxes value={roles} onChange={setRoles} error={fieldError(create.error, "roles")} />
      <SelectField label={t("fields.locale")} value={locale} onChange={(e) => setLocale(e.target.value)}>
        <option value="">{t("ui.language.browser")}</option>
        <option value="nl">{t("ui.language.nl")}</option>
        <option value="en">{t("ui.language.en")}</option>
      </SelectField>
      <TeamCheckboxes
        teams={teams.data ?? []}
        value={teamIds}
        onChange={setTeamIds}
        error={fieldError(create.error, "teamIds")}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sendInvitation}
          onChange={(e) => setSendInvitation(e.target.checked)}
        />
        <span>{t("ui.people.sendInvitation")}</span>
      </label>
      <button type="submit" className="button-primary" disabled={create.isPending}>
        {t("ui.people.addSubmit")}
      </button>
    </form>
  );
}
