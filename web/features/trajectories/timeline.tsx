import { useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Activity, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { phases, type Phase } from "../../../common/trajectory-vocabulary.ts";
import { ActivityCard } from "./activity-editor.tsx";

const defaultFor: Record<Phase, Pick<Activity, "type" | "offsetDays" | "durationMinutes">> = {
  before: { type: "theory-module", offsetDays: -7, durationMinutes: 20 },
  kickoff: { type: "insight-test", offsetDays: -1, durationMinutes: 15 },
  session: { type: "practice-session", offsetDays: 0, durationMinutes: 60 },
  between: { type: "on-the-job-assignment", offsetDays: 3, durationMinutes: 30 },
  after: { type: "retrieval-practice", offsetDays: 21, durationMinutes: 5 },
};

/** Moves an activity one place up or down among the activities of its own phase. */
export function moveWithinPhase(activities: Activity[], index: number, direction: -1 | 1): Activity[] {
  const phase = activities[index]!.phase;
  const samePhase = activities.map((a, i) => (a.phase === phase ? i : -1)).filter((i) => i >= 0);
  const position = samePhase.indexOf(index);
  const target = samePhase[position + direction];
  if (target === undefined) return activities;
  const next = [...activities];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Moves the activity at `from` to just before the one at `to`, taking on its phase (drag and drop). */
export function moveBefore(activities: Activity[], from: number, to: number): Activity[] {
  const target = activities[to]!;
  const moved = { ...activities[from]!, phase: target.phase };
  const rest = activities.filter((_, i) => i !== from);
  const at = rest.indexOf(target);
  return [...rest.slice(0, at), moved, ...rest.slice(at)];
}

/** The five phases as columns of activities. Drag between phases, or use the buttons and the phase field. */
export function Timeline({
  document,
  onChange,
}: {
  document: TrajectoryDocument;
  onChange: (activities: Activity[]) => void;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<Phase | null>(null);
  const activities = document.activities;

  const add = (phase: Phase) => {
    const created: Activity = {
      ...defaultFor[phase],
      id: crypto.randomUUID(),
      phase,
      mandatory: true,
      title: t(`ui.activityTypes.${defaultFor[phase].type}`),
    };
    const next = [...activities, created];
    onChange(next);
    setExpanded(next.length - 1);
  };
  const onDrop = (phase: Phase) => (event: DragEvent) => {
    event.preventDefault();
    setDropTarget(null);
    const index = Number.parseInt(event.dataTransfer.getData("text/plain"), 10);
    const activity = activities[index];
    if (!activity || activity.phase === phase) return;
    const moved = { ...activity, phase, offsetDays: phase === "session" ? 0 : defaultFor[phase].offsetDays };
    onChange([...activities.filter((_, i) => i !== index), moved]);
  };

  return (
    <div className="timeline">
      {phases.map((phase) => {
        const inPhase = activities
          .map((activity, index) => ({ activity, index }))
          .filter(({ activity }) => activity.phase === phase);
        return (
          <section
            key={phase}
            className={`phase${dropTarget === phase ? " drop-target" : ""}`}
            aria-labelledby={`phase-${phase}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDropTarget(phase);
            }}
            onDragLeave={() => setDropTarget(null)}
            onDrop={onDrop(phase)}
          >
            <h3 id={`phase-${phase}`}>{t(`ui.phases.${phase}.title`)}</h3>
            <p className="hint">{t(`ui.phases.${phase}.hint`)}</p>
            {inPhase.length === 0 ? <p className="empty-phase">{t("ui.trajectory.emptyPhase")}</p> : null}
            <ol className="activities">
              {inPhase.map(({ activity, index }, position) => (
                <ActivityCard
                  key={activity.id ?? `new-${index}`}
                  activity={activity}
                  index={index}
                  expanded={expanded === index}
                  onToggle={() => setExpanded(expanded === index ? null : index)}
                  onChange={(next) => onChange(activities.map((a, i) => (i === index ? next : a)))}
                  onMove={(direction) => {
                    onChange(moveWithinPhase(activities, index, direction));
                    setExpanded(null);
                  }}
                  onRemove={() => {
                    onChange(activities.filter((_, i) => i !== index));
                    setExpanded(null);
                  }}
                  onDropHere={(from) => {
                    setDropTarget(null);
                    onChange(moveBefore(activities, from, index));
                  }}
                  canMoveUp={position > 0}
                  canMoveDown={position < inPhase.length - 1}
                />
              ))}
            </ol>
            <button type="button" className="button-secondary small" onClick={() => add(phase)}>
              {t("ui.trajectory.addActivity")}
              <span className="visually-hidden"> ({t(`ui.phases.${phase}.title`)})</span>
            </button>
          </section>
        );
      })}
    </div>
  );
}
