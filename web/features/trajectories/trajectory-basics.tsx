import { useTranslation } from "react-i18next";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { Field } from "../../components/field.tsx";
import { NumberField } from "../../components/number-field.tsx";
import { fieldError, textBinder } from "../../lib/forms.ts";
import { CompetencesEditor } from "./competences-editor.tsx";

/**
 * The basics of a trajectory: its aim, its audience, how long what is learned should last and how much
 * daily practice that may take, and the competences it builds. `error` is the last failed save.
 */
export function TrajectoryBasics({
  document,
  onChange,
  error,
}: {
  document: TrajectoryDocument;
  onChange: (patch: Partial<TrajectoryDocument>) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const text = textBinder(document, onChange);
  return (
    <section className="card form">
      <h2 id="editor-basics">{t("ui.trajectory.basics")}</h2>
      <Field label={t("fields.title")} {...text("title")} error={fieldError(error, "title")} />
      <Field
        label={t("fields.targetBehaviour")}
        hint={t("ui.trajectory.targetHint")}
        {...text("targetBehaviour")}
        error={fieldError(error, "targetBehaviour")}
      />
      <Field label={t("fields.audience")} {...text("audience")} />
      <NumberField
        label={t("ui.trajectory.retention")}
        hint={t("ui.trajectory.retentionHint")}
        min={7}
        value={document.retentionDays}
        onValueChange={(retentionDays) => onChange({ retentionDays })}
        error={fieldError(error, "retentionDays")}
      />
      <div className="field-row">
        <NumberField
          label={t("fields.desiredRetention")}
          hint={t("ui.trajectory.desiredRetentionHint")}
          min={70}
          max={97}
          value={Math.round(document.desiredRetention * 100)}
          onValueChange={(percent) => onChange({ desiredRetention: percent / 100 })}
          error={fieldError(error, "desiredRetention")}
        />
        <NumberField
          label={t("fields.dailyPracticeMinutes")}
          hint={t("ui.trajectory.dailyPracticeHint")}
          min={1}
          max={30}
          value={document.dailyPracticeMinutes}
          onValueChange={(dailyPracticeMinutes) => onChange({ dailyPracticeMinutes })}
          error={fieldError(error, "dailyPracticeMinutes")}
        />
      </div>
      <CompetencesEditor
        competences={document.competences}
        onChange={(competences) => onChange({ competences })}
        error={fieldError(error, "competences")}
      />
    </section>
  );
}
