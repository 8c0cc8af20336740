import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../../../common/locales.ts";
import { Link, useNavigate, useParams } from "react-router";
import type { Role } from "../../../../common/roles.ts";
import type { PersonSummary } from "../../../../common/schemas/people.ts";
import { Field, SelectField } from "../../../components/field.tsx";
import { ErrorMessage, Loading, SuccessMessage } from "../../../components/feedback.tsx";
import { Page } from "../../../components/page.tsx";
import { LearningPause } from "./learning-pause.tsx";
import { organisationsApi, peopleKeys, useTeams } from "../organisations-api.ts";
import { RoleCheckboxes, TeamCheckboxes } from "./role-checkboxes.tsx";
import { fieldError } from "../../../lib/forms.ts";

export function PersonPage() {
  const { t } = useTranslation();
  const { personId = "" } = useParams();
  const person = useQuery({
    queryKey: peopleKeys.one(personId),
    queryFn: () => organisationsApi.person(personId),
  });
  return (
    <Page title={person.data?.name ?? t("ui.person.title")}>
      <p>
        <Link to="/people">← {t("ui.person.back")}</Link>
      </p>
      {person.isLoading ? <Loading /> : null}
      <ErrorMessage error={person.error} />
      {person.data ? <PersonForm person={person.data} /> : null}
    </Page>
  );
}

function PersonForm({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const [name, setName] = useState(person.name);
  const [email, setEmail] = useState(person.email);
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [locale, setLocale] = useState(person.locale ?? "");
  const [teamIds, setTeamIds] = useState(person.teams.filter((x) => !x.isManager).map((x) => x.id));
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [name, email, roles, locale, teamIds]);
  const save = useMutation({
    mutationFn: (extra: { status?: "active" | "deactivated" }) =>
      organisationsApi.updatePerson(person.id, {
        name,
        email,
        roles,
        locale: isLocale(locale) ? locale : null,
        teamIds,
        ...extra,
      }),
    onSuccess: async () => {
      await client.invalidateQueries();
      setSaved(true);
    },
  });
  const invite = useMutation({ mutationFn: () => organisationsApi.invitePerson(person.id) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({});
  };
  return (
    <div className="two-columns">
      <form className="card form" onSubmit={submit} noValidate>
        <ErrorMessage error={save.error} />
        {saved ? <SuccessMessage>{t("ui.common.saved")}</SuccessMessage> : null}
        <p>
          {t("fields.status")}:{" "}
          <span className={`badge badge-${person.status}`}>{t(`ui.status.${person.status}`)}</span>
        </p>
        <Field
          label={t("fields.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          error={fieldError(save.error, "name")}
        />
        <Field
          label={t("fields.email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          error={fieldError(save.error, "email")}
        />
        <RoleCheckboxes value={roles} onChange={setRoles} error={fieldError(save.error, "roles")} />
        <SelectField label={t("fields.locale")} value={locale} onChange={(e) => setLocale(e.target.value)}>
          <option value="">{t("ui.language.browser")}</option>
          <option value="nl">{t("ui.language.nl")}</option>
          <option value="en">{t("ui.language.en")}</option>
        </SelectField>
        <TeamCheckboxes
          teams={teams.data ?? []}
          value={teamIds}
          onChange={setTeamIds}
          error={fieldError(save.error, "teamIds")}
        />
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("ui.common.save")}
        </button>
      </form>
      <section className="card" aria-labelledby="person-access">
        <h2 id="person-access">{t("ui.person.access")}</h2>
        <ErrorMessage error={invite.error} />
        {invite.isSuccess ? (
          <SuccessMessage>{t("ui.person.invitationSent", { email: person.email })}</SuccessMessage>
        ) : null}
        {person.status !== "deactivated" ? (
          <p>
            <button
              type="button"
              className="button-secondary"
              onClick={() => invite.mutate()}
              disabled={invite.isPending}
            >
              {person.status === "invited" ? t("ui.person.resendInvitation") : t("ui.person.sendAccessLink")}
            </button>
          </p>
        ) : null}
        <p>
          {person.status === "deactivated" ? (
            <button
              type="button"
              className="button-secondary"
              onClick={() => save.mutate({ status: "active" })}
            >
              {t("ui.person.reactivate")}
            </button>
          ) : (
            <button
              type="button"
              className="button-danger"
              onClick={() => save.mutate({ status: "deactivated" })}
            >
              {t("ui.person.deactivate")}
            </button>
          )}
        </p>
        <p className="hint">{t("ui.person.deactivateHint")}</p>
      </section>
      {person.roles.includes("learner") ? <LearningPause person={person} /> : null}
      <PrivacySection person={person} />
    </div>
  );
}

/** GDPR: download what Beklijf holds about the person, or erase it. */
function PrivacySection({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [sure, setSure] = useState(false);
  const erase = useMutation({
    mutationFn: () => organisationsApi.erasePerson(person.id),
    onSuccess: async () => {
      await client.invalidateQueries();
      await navigate("/people");
    },
  });
  return (
    <section className="card" aria-labelledby="person-privacy">
      <h2 id="person-privacy">{t("ui.privacy.title")}</h2>
      <p>
        <a className="button-secondary" href={organisationsApi.personExportUrl(person.id)} download>
          {t("ui.privacy.download")}
        </a>
      </p>
      <p className="hint">{t("ui.privacy.eraseHint")}</p>
      <ErrorMessage error={erase.error} />
      <label className="checkbox">
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
        <span>{t("ui.privacy.confirm", { name: person.name })}</span>
      </label>
      <p>
        <button
          type="button"
          className="button-danger"
          disabled={!sure || erase.isPending}
          onClick={() => erase.mutate()}
        >
          {t("ui.privacy.erase")}
        </button>
      </p>
    </section>
  );
}
