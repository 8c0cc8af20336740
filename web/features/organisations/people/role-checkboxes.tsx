import { useTranslation } from "react-i18next";
import { roles, type Role } from "../../../../common/roles.ts";

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
  const toggle = (role: Role, checked: boolean) =>
    onChange(checked ? [...value, role] : value.filter((r) => r !== role));
  return (
    <fieldset className="field checkbox-group" aria-invalid={error ? true : undefined}>
      <legend>{t("fields.roles")}</legend>
      {roles.map((role) => (
        <label key={role} className="checkbox">
          <input
            type="checkbox"
            name="roles"
            value={role}
            checked={value.includes(role)}
            onChange={(e) => toggle(role, e.target.checked)}
          />
          <span>
            {t(`ui.roles.${role}`)} <span className="hint">— {t(`ui.roleHints.${role}`)}</span>
          </span>
        </label>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

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
    <fieldset className="field checkbox-group">
      <legend>{t("fields.teamIds")}</legend>
      {teams.map((team) => (
        <label key={team.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(team.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, team.id] : value.filter((id) => id !== team.id))
            }
          />
          <span>{team.name}</span>
        </label>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
