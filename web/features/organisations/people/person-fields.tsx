import { useTranslation } from "react-i18next";
import { isLocale } from "../../../../common/locales.ts";
import type { Role } from "../../../../common/roles.ts";
import { Field } from "../../../components/field.tsx";
import type { Draft } from "../../../lib/draft.ts";
import { fieldError } from "../../../lib/forms.ts";
import { useTeams } from "../organisations-api.ts";
import { LocaleSelect } from "../locale-select.tsx";
import { RoleCheckboxes, TeamCheckboxes } from "./role-checkboxes.tsx";

/** What a coordinator fills in about a person; `locale` is empty for "the browser's language". */
export interface PersonDraft {
  name: string;
  email: string;
  roles: Role[];
  locale: string;
  teamIds: string[];
}

/** The draft as the API takes it. */
export function personBody({ locale, ...person }: PersonDraft) {
  return { ...person, locale: isLocale(locale) ? locale : null };
}

/** Name, email, roles, language and teams: the fields of adding a person and of changing one. */
export function PersonFields({
  draft,
  error,
  autoComplete,
}: {
  draft: Draft<PersonDraft>;
  error: unknown;
  autoComplete?: string;
}) {
  const { t } = useTranslation();
  const teams = useTeams();
  return (
    <>
      <Field label={t("fields.name")} {...draft.bind("name", error)} required autoComplete={autoComplete} />
      <Field
        label={t("fields.email")}
        type="email"
        {...draft.bind("email", error)}
        required
        autoComplete={autoComplete}
      />
      <RoleCheckboxes
        value={draft.values.roles}
        onChange={(roles) => draft.set("roles", roles)}
        error={fieldError(error, "roles")}
      />
      <LocaleSelect label={t("fields.locale")} browserChoice {...draft.bind("locale")} />
      <TeamCheckboxes
        teams={teams.data ?? []}
        value={draft.values.teamIds}
        onChange={(teamIds) => draft.set("teamIds", teamIds)}
        error={fieldError(error, "teamIds")}
      />
    </>
  );
}
