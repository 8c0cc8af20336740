import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { PersonSummary } from "../../../../common/schemas/people.ts";
import { MutationButton, SubmitButton } from "../../../components/buttons.tsx";
import { Checkbox } from "../../../components/choices.tsx";
import { ErrorMessage, SuccessMessage } from "../../../components/feedback.tsx";
import { Page } from "../../../components/page.tsx";
import { QueryState } from "../../../components/query-state.tsx";
import { useDraft } from "../../../lib/draft.ts";
import { onSubmitDo } from "../../../lib/forms.ts";
import { useSaveThenRefresh } from "../../../lib/mutations.ts";
import { SignInCardSection } from "../../auth/sign-in-card-section.tsx";
import { PersonSecondFactorSection } from "../../second-factor/second-factor-admin.tsx";
import { PersonTrainingRecord } from "../../certificates/person-training-record.tsx";
import { organisationsApi, peopleKeys } from "../organisations-api.ts";
import { LearningPause } from "./learning-pause.tsx";
import { LinkedAccounts } from "../../sso/linked-accounts.tsx";
import { PersonFields, personBody, type PersonDraft } from "./person-fields.tsx";

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
      <QueryState query={person}>{(data) => <PersonForm person={data} />}</QueryState>
    </Page>
  );
}

function PersonForm({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const draft = useDraft<PersonDraft>({
    name: person.name,
    email: person.email,
    roles: person.roles,
    locale: person.locale ?? "",
    teamIds: person.teams.filter((x) => !x.isManager).map((x) => x.id),
  });
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [draft.values]);
  const save = useSaveThenRefresh(
    (extra: { status?: "active" | "deactivated" }) =>
      organisationsApi.updatePerson(person.id, { ...personBody(draft.values), ...extra }),
    "all",
    { afterRefresh: () => setSaved(true) },
  );
  const invite = useMutation({ mutationFn: () => organisationsApi.invitePerson(person.id) });
  const deactivated = person.status === "deactivated";
  return (
    <div className="two-columns">
      <form className="card form" onSubmit={onSubmitDo(() => save.mutate({}))} noValidate>
        <ErrorMessage error={save.error} />
        {saved ? <SuccessMessage>{t("ui.common.saved")}</SuccessMessage> : null}
        <p>
          {t("fields.status")}
          {t("ui.common.colon")}
          <span className={`badge badge-${person.status}`}>{t(`ui.status.${person.status}`)}</span>
        </p>
        <PersonFields draft={draft} error={save.error} />
        <SubmitButton pending={save.isPending}>{t("ui.common.save")}</SubmitButton>
      </form>
      <section className="card" aria-labelledby="person-access">
        <h2 id="person-access">{t("ui.person.access")}</h2>
        <ErrorMessage error={invite.error} />
        {invite.isSuccess ? (
          <SuccessMessage>{t("ui.person.invitationSent", { email: person.email })}</SuccessMessage>
        ) : null}
        {deactivated ? null : (
          <p>
            <MutationButton mutation={invite} className="button-secondary">
              {person.status === "invited" ? t("ui.person.resendInvitation") : t("ui.person.sendAccessLink")}
            </MutationButton>
          </p>
        )}
        <p>
          <button
            type="button"
            className={deactivated ? "button-secondary" : "button-danger"}
            onClick={() => save.mutate({ status: deactivated ? "active" : "deactivated" })}
          >
            {deactivated ? t("ui.person.reactivate") : t("ui.person.deactivate")}
          </button>
        </p>
        <p className="hint">{t("ui.person.deactivateHint")}</p>
      </section>
      <SignInCardSection person={person} />
      <PersonSecondFactorSection person={person} />
      <LinkedAccounts personId={person.id} name={person.name} />
      {person.roles.includes("learner") ? <LearningPause person={person} /> : null}
      <PersonTrainingRecord personId={person.id} />
      <PrivacySection person={person} />
    </div>
  );
}

/** GDPR: download what Beklijf holds about the person, or erase it. */
function PrivacySection({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sure, setSure] = useState(false);
  const erase = useSaveThenRefresh(() => organisationsApi.erasePerson(person.id), "all", {
    afterRefresh: () => navigate("/people"),
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
      <Checkbox label={t("ui.privacy.confirm", { name: person.name })} checked={sure} onChange={setSure} />
      <p>
        <MutationButton mutation={erase} className="button-danger" disabled={!sure}>
          {t("ui.privacy.erase")}
        </MutationButton>
      </p>
    </section>
  );
}
