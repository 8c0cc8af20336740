import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Checkbox } from "../../../components/choices.tsx";
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
      title={t("ui.people.add")}
      mutation={create}
      onSubmit={() => {
        setAdded(null);
        create.mutate();
      }}
      savedMessage={added ? t("ui.people.added", { name: added }) : null}
      submitLabel={t("ui.people.addSubmit")}
    >
      <PersonFields draft={draft} error={create.error} autoComplete="off" />
      <Checkbox label={t("ui.people.sendInvitation")} checked={sendInvitation} onChange={setSendInvitation} />
    </MutationForm>
  );
}
