import { useTranslation } from "react-i18next";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";

export type Competence = TrajectoryDocument["competences"][number];

/** Whether a competence is an open or a closed skill, which decides how the design check judges practice. */
export function SkillKindField({
  value,
  onChange,
}: {
  value: Competence["kind"];
  onChange: (kind: Competence["kind"]) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t("ui.trajectory.kind")}
      value={value}
      onChange={(e) => onChange(e.target.value as Competence["kind"])}
    >
      <option value="open">{t("ui.trajectory.kinds.open")}</option>
      <option value="closed">{t("ui.trajectory.kinds.closed")}</option>
    </SelectField>
  );
}

/** The competences a trajectory builds, each an open or a closed skill. */
export function CompetencesEditor({
  competences,
  onChange,
  error,
}: {
  competences: Competence[];
  onChange: (next: Competence[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<Competence>) =>
    onChange(competences.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset className="field competences">
      <legend>{t("fields.competences")}</legend>
      <p className="hint">{t("ui.trajectory.kindHint")}</p>
      {competences.map((competence, index) => (
        <div className="competence" key={index}>
          <div className="field-row">
            <Field
              label={t("ui.trajectory.competenceName", { number: index + 1 })}
              value={competence.name}
              onChange={(e) => update(index, { name: e.target.value })}
            />
            <SkillKindField value={competence.kind} onChange={(kind) => update(index, { kind })} />
            {competences.length > 1 ? (
              <button
                type="button"
                className="button-danger small"
                onClick={() => onChange(competences.filter((_, i) => i !== index))}
              >
                {t("ui.trajectory.remove")}
                <span className="visually-hidden"> {competence.name}</span>
              </button>
            ) : null}
          </div>
          <details>
            <summary>{t("ui.trajectory.extraMaterial", { name: competence.name || index + 1 })}</summary>
            <TextAreaField
              label={t("ui.trajectory.extraMaterialLabel")}
              hint={t("ui.trajectory.markdownHint")}
              rows={5}
              value={competence.extraMaterial ?? ""}
              onChange={(e) => update(index, { extraMaterial: e.target.value || undefined })}
            />
          </details>
        </div>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
      <button
        type="button"
        className="button-secondary small"
        onClick={() => onChange([...competences, { name: "", kind: "closed" }])}
      >
        {t("ui.trajectory.addCompetence")}
      </button>
    </fieldset>
  );
}
