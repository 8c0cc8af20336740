import { useTranslation } from "react-i18next";
import { roles, type Role } from "../../../../common/roles.ts";
import { CheckboxGroup } from "../../../components/checkbox-group.tsx";

/** Role choice as a fieldset of checkboxes: a person may hold several roles. */
export function RoleCheckboxes({
  value,
  onChange,
  error,
}: {
  value: Role[];
  onChange: (next: Role[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      legend={t("fields.roles")}
      name="roles"
      options={roles.map((role) => ({
        value: role,
        label: (
          <>
            {t(`ui.roles.${role}`)} <span className="hint">— {t(`ui.roleHints.${role}`)}</span>
          </>
        ),
      }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** Team choice as a fieldset of checkboxes; nothing while the organisation has no teams. */
export function TeamCheckboxes({
  teams,
  value,
  onChange,
  error,
}: {
  teams: { id: string; name: string }[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  if (teams.length === 0) return null;
  return (
    <CheckboxGroup
      legend={t("fields.teamIds")}
      options={teams.map((team) => ({ value: team.id, label: team.name }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
