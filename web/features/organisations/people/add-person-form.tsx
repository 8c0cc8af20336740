import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationForm } from "../../../components/mutation-form.tsx";
import { useDraft } from "../../../lib/draft.ts";
import { useSaveThenRefresh } from "../../../lib/mutations.ts";
import { organisationsApi } from "../organisations-api.ts";
import { PersonFields, personBody, type PersonDraft } from "./person-fields.tsx";

const blank: PersonDraft = { name: "", email: "", roles: ["learner"], locale: "", teamIds: [] };

export function AddPersonForm() {
  const { t } = useTranslation();
  const draft = useDraft(blank);
  const [sendInvitation, setSendInvitation] = useState(true);
  const [added, setAdded] = useState<string | null>(null);
  const create = useSaveThenRefresh(
    () => organisationsApi.createPerson({ ...personBody(draft.values), sendInvitation }),
    "all",
    {
      onSaved: (person) => {
        setAdded(person.name);
        // The language choice stays for the next person.
        draft.reset("name", "email", "roles", "teamIds");
      },
    },
  );
  return (
    <MutationForm
      className="card form"
      noValidate
      aria-labelledby="add-person-title"
      intro={<h2 id="add-person-title">{t("ui.people.add")}</h2>}
      mutation={create}
      onSubmit={() => {
        setAdded(null);
        create.mutate();
      }}
      savedMessage={added ? t("ui.people.added", { name: added }) : null}
      submitLabel={t("ui.people.addSubmit")}
    >
      <PersonFields draft={draft} error={create.error} autoComplete="off" />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sendInvitation}
          onChange={(e) => setSendInvitation(e.target.checked)}
        />
        <span>{t("ui.people.sendInvitation")}</span>
      </label>
    </MutationForm>
  );
}
