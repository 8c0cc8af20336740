import { useTranslation } from "react-i18next";
import {
  instrumentActivityTypes,
  instrumentTiers,
  measurableBy,
  measureInstruments,
  measureTimings,
  tierKeys,
  type MeasureInstrument,
} from "../../../common/impact-vocabulary.ts";
import { derivedPlan, effectivePlan } from "../../../common/measurement-plan.ts";
import type { PlannedMeasure, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { SelectField } from "../../components/field.tsx";
import { NumberField } from "../../components/number-field.tsx";
import { SelectOptions } from "../../components/select-options.tsx";

/** The one number some instruments need: a test's pass mark, how many confirmed applications count. */
const settings: Partial<
  Record<MeasureInstrument, { field: "passPercent" | "threshold"; max: number; fallback: number }>
> = {
  test: { field: "passPercent", max: 100, fallback: 70 },
  "confirmed-applications": { field: "threshold", max: 10, fallback: 2 },
};

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
    const activity = document.activities.find((a) => measurableBy(instrument, a));
    update(index, { instrument, tier: instrumentTiers[instrument][0], activityId: activity?.id });
  };
  return (
    <div>
      <p className="hint">{isDefault ? t("ui.plan.derived") : t("ui.plan.own")}</p>
      <ol className="plan-lines">
        {plan.map((line, index) => {
          const types = instrumentActivityTypes[line.instrument];
          const setting = settings[line.instrument];
          const label = `${index + 1}`;
          return (
            <li key={index} className="field-row">
              <SelectField
                label={t("ui.plan.measure", { n: label })}
                value={line.instrument}
                onChange={(e) => changeInstrument(index, e.target.value as MeasureInstrument)}
              >
                <SelectOptions
                  items={measureInstruments}
                  label={(instrument) => t(`impact.instruments.${instrument}`)}
                />
              </SelectField>
              <SelectField
                label={t("fields.tier")}
                value={String(line.tier)}
                onChange={(e) => update(index, { tier: Number(e.target.value) })}
              >
                <SelectOptions
                  items={instrumentTiers[line.instrument]}
                  label={(tier) => `${tier}. ${t(`impact.tiers.${tierKeys[tier]}`)}`}
                />
              </SelectField>
              <SelectField
                label={t("fields.timing")}
                value={line.timing}
                onChange={(e) => update(index, { timing: e.target.value as PlannedMeasure["timing"] })}
              >
                <SelectOptions items={measureTimings} label={(timing) => t(`impact.timing.${timing}`)} />
              </SelectField>
              {types ? (
                <SelectField
                  label={t("fields.activityId")}
                  value={line.activityId ?? ""}
                  onChange={(e) => update(index, { activityId: e.target.value })}
                >
                  <SelectOptions
                    items={document.activities.filter((a) => measurableBy(line.instrument, a) && a.id)}
                    toValue={(a) => a.id!}
                    label={(a) => a.title}
                  />
                </SelectField>
              ) : null}
              {setting ? (
                <NumberField
                  label={t(`fields.${setting.field}`)}
                  min={1}
                  max={setting.max}
                  value={line[setting.field] ?? setting.fallback}
                  fallback={setting.fallback}
                  onValueChange={(value) => update(index, { [setting.field]: value })}
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
