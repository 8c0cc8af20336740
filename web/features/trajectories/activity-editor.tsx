import { lazy, Suspense, useId, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Activity } from "../../../common/schemas/trajectories.ts";
import { activityTypes, phases, type Phase } from "../../../common/trajectory-vocabulary.ts";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { NumberField } from "../../components/number-field.tsx";
import { SelectOptions } from "../../components/select-options.tsx";

/** Activities a learner reads, watches or does from instructions: they carry Markdown content. */
const contentTypes = new Set<Activity["type"]>([
  "theory-module",
  "video",
  "reading",
  "on-the-job-assignment",
  "reflection",
  "simulation",
]);

/** Loaded when a designer opens such an activity: the editor's other code stays free of the upload. */
const PackageField = lazy(() =>
  import("../packages/package-field.tsx").then((module) => ({ default: module.PackageField })),
);

/** Activities an e-learning package (SCORM, cmi5) can be played for: online theory, or a simulation module. */
const packageTypes = new Set<Activity["type"]>(["theory-module", "simulation"]);

interface ActivityCardProps {
  activity: Activity;
  index: number;
  expanded: boolean;
  onToggle: () => void;
  onChange: (next: Activity) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  /** Another activity (by its index) was dropped on this one: put it here. */
  onDropHere: (fromIndex: number) => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
}

/** One activity on the timeline: a summary, buttons to move it by keyboard, and its form when opened. */
export function ActivityCard(props: ActivityCardProps) {
  const { t } = useTranslation();
  const { activity, expanded } = props;
  const formId = useId();
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData("text/plain", String(props.index));
    event.dataTransfer.effectAllowed = "move";
  };
  const update = (patch: Partial<Activity>) => props.onChange({ ...activity, ...patch });
  const dayLabel =
    activity.offsetDays === 0
      ? t("ui.trajectory.day0")
      : t("ui.trajectory.dayOffset", {
          offset: activity.offsetDays > 0 ? `+${activity.offsetDays}` : String(activity.offsetDays),
        });
  /** Moving by keyboard: one place up or down within the phase, where there is a place to go. */
  const moves = [
    {
      direction: -1,
      arrow: "↑",
      allowed: props.canMoveUp,
      label: t("ui.trajectory.moveUp", { title: activity.title }),
    },
    {
      direction: 1,
      arrow: "↓",
      allowed: props.canMoveDown,
      label: t("ui.trajectory.moveDown", { title: activity.title }),
    },
  ] as const;
  return (
    <li
      className="activity"
      draggable
      onDragStart={onDragStart}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        event.stopPropagation();
        const from = Number.parseInt(event.dataTransfer.getData("text/plain"), 10);
        if (Number.isInteger(from) && from !== props.index) props.onDropHere(from);
      }}
    >
      <div className="activity-summary">
        <span className="drag-handle" aria-hidden="true">
          ⠿
        </span>
        <div className="activity-text">
          <strong>{activity.title}</strong>
          <span className="hint">
            {t(`ui.activityTypes.${activity.type}`)} ·{" "}
            {t("ui.trajectory.minutes", { count: activity.durationMinutes })} · {dayLabel}
            {activity.mandatory ? "" : ` · ${t("ui.trajectory.optional")}`}
          </span>
        </div>
        <div className="activity-buttons">
          {moves.map((move) => (
            <button
              key={move.direction}
              type="button"
              className="icon-button"
              onClick={() => props.onMove(move.direction)}
              disabled={!move.allowed}
              aria-label={move.label}
            >
              {move.arrow}
            </button>
          ))}
          <button
            type="button"
            className="button-secondary small"
            aria-expanded={expanded}
            aria-controls={formId}
            onClick={props.onToggle}
          >
            {expanded ? t("ui.common.close") : t("ui.common.edit")}
            <span className="visually-hidden"> {activity.title}</span>
          </button>
        </div>
      </div>
      {expanded ? (
        <div id={formId} className="activity-form">
          <Field
            label={t("fields.title")}
            value={activity.title}
            onChange={(e) => update({ title: e.target.value })}
          />
          <SelectField
            label={t("ui.trajectory.type")}
            value={activity.type}
            onChange={(e) => {
              const type = e.target.value as Activity["type"];
              // A title that is still the old type's name follows the new type.
              const untouched = activity.title === t(`ui.activityTypes.${activity.type}`);
              update(untouched ? { type, title: t(`ui.activityTypes.${type}`) } : { type });
            }}
          >
            <SelectOptions items={activityTypes} label={(type) => t(`ui.activityTypes.${type}`)} />
          </SelectField>
          <SelectField
            label={t("ui.trajectory.phase")}
            value={activity.phase}
            onChange={(e) => update({ phase: e.target.value as Phase })}
          >
            <SelectOptions items={phases} label={(phase) => t(`ui.phases.${phase}.title`)} />
          </SelectField>
          <div className="field-row">
            <NumberField
              label={t("ui.trajectory.duration")}
              min={1}
              value={activity.durationMinutes}
              onValueChange={(durationMinutes) => update({ durationMinutes })}
            />
            <NumberField
              label={t("ui.trajectory.offset")}
              hint={t("ui.trajectory.offsetHint")}
              value={activity.offsetDays}
              onValueChange={(offsetDays) => update({ offsetDays })}
            />
          </div>
          {activity.type === "practice-session" ? (
            <NumberField
              label={t("ui.trajectory.theoryShare")}
              hint={t("ui.trajectory.theoryShareHint")}
              min={0}
              max={100}
              step={5}
              value={Math.round((activity.theoryShare ?? 0.33) * 100)}
              onValueChange={(percent) => update({ theoryShare: Math.min(100, Math.max(0, percent)) / 100 })}
            />
          ) : null}
          {contentTypes.has(activity.type) ? (
            <TextAreaField
              label={t("ui.trajectory.content")}
              hint={t("ui.trajectory.markdownHint")}
              rows={8}
              value={activity.content ?? ""}
              onChange={(e) => update({ content: e.target.value || undefined })}
            />
          ) : null}
          {packageTypes.has(activity.type) ? (
            <Suspense fallback={null}>
              <PackageField packageId={activity.packageId} onChange={(packageId) => update({ packageId })} />
            </Suspense>
          ) : null}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={activity.mandatory}
              onChange={(e) => update({ mandatory: e.target.checked })}
            />
            <span>{t("ui.trajectory.mandatory")}</span>
          </label>
          <button type="button" className="button-danger small" onClick={props.onRemove}>
            {t("ui.trajectory.remove")}
            <span className="visually-hidden"> {activity.title}</span>
          </button>
        </div>
      ) : null}
    </li>
  );
}
