import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KpiBody, KpiView } from "../../../common/schemas/impact.ts";
import { Field, SelectField } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatNumber } from "../../lib/i18n.ts";
import { confirmFirst } from "../../components/buttons.tsx";
import { onSubmitDo, useFormValues } from "../../lib/forms.ts";
import { impactApi, impactKeys, type KpiDraft } from "./impact-api.ts";

const empty = {
  name: "",
  unit: "",
  better: "lower",
  beforeValue: "",
  beforePeriod: "",
  afterValue: "",
  afterPeriod: "",
  source: "",
};
type KpiForm = typeof empty;

/** Typed text as a number ("12,5" and "12.5" both), the text itself when it is not one, undefined when empty. */
function numberOf(value: string): number | string | undefined {
  const text = value.trim();
  if (text === "") return undefined;
  const parsed = Number(text.replace(",", "."));
  return Number.isFinite(parsed) ? parsed : text;
}

const draftOf = (form: KpiForm): KpiDraft => ({
  ...form,
  // The select offers only the two directions the schema knows.
  better: form.better as KpiBody["better"],
  beforeValue: numberOf(form.beforeValue),
  afterValue: numberOf(form.afterValue) ?? null,
  afterPeriod: form.afterPeriod.trim() || null,
});

const formOf = (kpi: KpiView): KpiForm => ({
  name: kpi.name,
  unit: kpi.unit,
  better: kpi.better,
  beforeValue: String(kpi.beforeValue),
  beforePeriod: kpi.beforePeriod,
  afterValue: kpi.afterValue === null ? "" : String(kpi.afterValue),
  afterPeriod: kpi.afterPeriod ?? "",
  source: kpi.source,
});

/** Organisation figures before and after (LTEM tier 8), always with the reminder that change is not cause. */
export function KpiPanel({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
  const kpis = useQuery({
    queryKey: impactKeys.kpis(trajectoryId),
    queryFn: () => impactApi.kpis(trajectoryId),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: impactKeys.kpis(trajectoryId) });
    void client.invalidateQueries({ queryKey: impactKeys.trajectory(trajectoryId) });
  };
  const remove = useMutation({
    mutationFn: (id: string) => impactApi.deleteKpi(trajectoryId, id),
    onSuccess: refresh,
  });
  const figure = (value: number) => formatNumber(value, locale);
  return (
    <SectionCard id="impact-kpis" title={t("ui.impact.kpis")}>
      {kpis.data ? <p className="notice">{kpis.data.caveat}</p> : null}
      <ErrorMessage error={kpis.error ?? remove.error} />
      <ul className="kpi-list">
        {kpis.data?.kpis.map((k) => (
          <li key={k.id}>
            <strong>{k.name}</strong>: {figure(k.beforeValue)} ({k.beforePeriod}) →{" "}
            {k.afterValue === null ? "—" : figure(k.afterValue)}
            {k.afterPeriod ? ` (${k.afterPeriod})` : ""} {k.unit}
            {k.improved === null ? null : (
              <span className="tag">{k.improved ? t("ui.impact.improved") : t("ui.impact.worse")}</span>
            )}
            <div className="button-row">
              <button
                type="button"
                className="button-secondary small"
                aria-expanded={editing === k.id}
                onClick={() => setEditing(editing === k.id ? null : k.id)}
              >
                {t("ui.impact.editKpi", { name: k.name })}
              </button>
              <button
                type="button"
                className="button-danger small"
                disabled={remove.isPending}
                onClick={confirmFirst(t("ui.impact.confirmRemoveKpi", { name: k.name }), () =>
                  remove.mutate(k.id),
                )}
              >
                {t("ui.impact.remove", { name: k.name })}
              </button>
            </div>
            {editing === k.id ? (
              <KpiEditor
                initial={formOf(k)}
                submitLabel={t("ui.impact.saveKpiChanges")}
                save={(draft) => impactApi.updateKpi(trajectoryId, k.id, draft)}
                onSaved={() => {
                  setEditing(null);
                  refresh();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("ui.impact.addKpi")}</summary>
        <KpiEditor
          initial={empty}
          submitLabel={t("ui.impact.saveKpi")}
          save={(draft) => impactApi.addKpi(trajectoryId, draft)}
          onSaved={refresh}
          resetOnSave
        />
      </details>
    </SectionCard>
  );
}

function KpiEditor({
  initial,
  submitLabel,
  save,
  onSaved,
  resetOnSave = false,
}: {
  initial: KpiForm;
  submitLabel: string;
  save: (draft: KpiDraft) => Promise<unknown>;
  onSaved: () => void;
  resetOnSave?: boolean;
}) {
  const { t } = useTranslation();
  const form = useFormValues(initial);
  const mutation = useMutation({
    mutationFn: () => save(draftOf(form.values)),
    onSuccess: () => {
      if (resetOnSave) form.setValues(initial);
      onSaved();
    },
  });
  /** A text field of the form, labelled by its field name; figures get the decimal keyboard. */
  const field = (name: Exclude<keyof KpiForm, "better" | "source">, inputMode?: "decimal") => (
    <Field label={t(`fields.${name}`)} inputMode={inputMode} {...form.bind(name, mutation.error)} />
  );
  return (
    <form className="form" onSubmit={onSubmitDo(() => mutation.mutate())} noValidate>
      <ErrorMessage error={mutation.error} />
      {field("name")}
      {field("unit")}
      <SelectField label={t("fields.better")} {...form.bind("better")}>
        <option value="lower">{t("ui.impact.lowerBetter")}</option>
        <option value="higher">{t("ui.impact.higherBetter")}</option>
      </SelectField>
      {field("beforeValue", "decimal")}
      {field("beforePeriod")}
      {field("afterValue", "decimal")}
      {field("afterPeriod")}
      <button type="submit" className="button-primary" disabled={mutation.isPending}>
        {submitLabel}
      </button>
    </form>
  );
}
