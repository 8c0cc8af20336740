import { useTranslation } from "react-i18next";
import {
  instrumentActivityTypes,
  instrumentTiers,
  measureInstruments,
  measureTimings,
  tierKeys,
  type MeasureInstrument,
} from "../../../common/impact-vocabulary.ts";
import { derivedPlan, effectivePlan } from "../../../common/measurement-plan.ts";
import type { PlannedMeasure, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { Field, SelectField } from "../../components/field.tsx";

/**
 * The measurement plan: which measure gives evidence for which LTEM tier, and when. Until the designer
 * changes a line, the plan is derived from the activities; the first change makes it the trajectory's own.
 */
export function MeasurementPlanEditor({
  document,
  onChange,
}: {
  document: TrajectoryDocument;
  onChange: (plan: PlannedMeasure[] | undefined) => void;
}) {
  const { t } = useTranslation();
  const { plan, isDefault } = effectivePlan(document);
  const update = (index: number, patch: Partial<PlannedMeasure>) =>
    onChange(plan.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const changeInstrument = (index: number, instrument: MeasureInstrument) => {
    const types = instrumentActivityTypes[instrument];
    const activity = types ? document.activities.find((a) => types.includes(a.type)) : undefined;
    update(index, { instrument, tier: instrumentTiers[instrument][0], activityId: activity?.id });
  };
  return (
    <div>
      <p className="hint">{isDefault ? t("ui.plan.derived") : t("ui.plan.own")}</p>
      <ol className="plan-lines">
        {plan.map((line, index) => {
          const types = instrumentActivityTypes[line.instrument];
          const label = `${index + 1}`;
          return (
            <li key={index} className="field-row">
              <SelectField
                label={t("ui.plan.measure", { n: label })}
                value={line.instrument}
                onChange={(e) => changeInstrument(index, e.target.value as MeasureInstrument)}
              >
                {measureInstruments.map((instrument) => (
                  <option key={instrument} value={instrument}>
                    {t(`impact.instruments.${instrument}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t("fields.tier")}
                value={String(line.tier)}
                onChange={(e) => update(index, { tier: Number(e.target.value) })}
              >
                {instrumentTiers[line.instrument].map((tier) => (
                  <option key={tier} value={tier}>
                    {tier}. {t(`impact.tiers.${tierKeys[tier]}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t("fields.timing")}
                value={line.timing}
                onChange={(e) => update(index, { timing: e.target.value as PlannedMeasure["timing"] })}
              >
                {measureTimings.map((timing) => (
                  <option key={timing} value={timing}>
                    {t(`impact.timing.${timing}`)}
                  </option>
                ))}
              </SelectField>
              {types ? (
                <SelectField
                  label={t("fields.activityId")}
                  value={line.activityId ?? ""}
                  onChange={(e) => update(index, { activityId: e.target.value })}
                >
                  {document.activities
                    .filter((a) => types.includes(a.type) && a.id)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.title}
                      </option>
                    ))}
                </SelectField>
              ) : null}
              {line.instrument === "test" ? (
                <Field
                  label={t("fields.passPercent")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={100}
                  value={String(line.passPercent ?? 70)}
                  onChange={(e) => update(index, { passPercent: Number.parseInt(e.target.value, 10) || 70 })}
                />
              ) : null}
              {line.instrument === "confirmed-applications" ? (
                <Field
                  label={t("fields.threshold")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={10}
                  value={String(line.threshold ?? 2)}
                  onChange={(e) => update(index, { threshold: Number.parseInt(e.target.value, 10) || 2 })}
                />
              ) : null}
              <button
                type="button"
                className="button-secondary"
                onClick={() => onChange(plan.filter((_, i) => i !== index))}
              >
                {t("ui.plan.remove", { n: label })}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange([...plan, { instrument: "attendance", tier: 1, timing: "right-after" }])}
        >
          {t("ui.plan.add")}
        </button>
        {!isDefault ? (
          <button type="button" className="button-secondary" onClick={() => onChange(undefined)}>
            {t("ui.plan.reset", { n: derivedPlan(document).length })}
          </button>
        ) : null}
      </div>
    </div>
  );
}
