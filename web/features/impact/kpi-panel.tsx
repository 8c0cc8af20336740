import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { KpiBody, KpiView } from "../../../common/schemas/impact.ts";
import { Field, SelectField } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { fieldError } from "../../lib/forms.ts";
import { currentLocale, formatNumber } from "../../lib/i18n.ts";
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
    <section className="card" aria-labelledby="impact-kpis">
      <h2 id="impact-kpis">{t("ui.impact.kpis")}</h2>
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
                onClick={() => {
                  if (window.confirm(t("ui.impact.confirmRemoveKpi", { name: k.name }))) remove.mutate(k.id);
                }}
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
    </section>
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
  const [form, setForm] = useState(initial);
  const mutation = useMutation({
    mutationFn: () => save(draftOf(form)),
    onSuccess: () => {
      if (resetOnSave) setForm(initial);
      onSaved();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const set = (key: keyof KpiForm) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  const error = (field: keyof KpiForm) => fieldError(mutation.error, field);
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorMessage error={mutation.error} />
      <Field label={t("fields.name")} value={form.name} onChange={set("name")} error={error("name")} />
      <Field label={t("fields.unit")} value={form.unit} onChange={set("unit")} error={error("unit")} />
      <SelectField label={t("fields.better")} value={form.better} onChange={set("better")}>
        <option value="lower">{t("ui.impact.lowerBetter")}</option>
        <option value="higher">{t("ui.impact.higherBetter")}</option>
      </SelectField>
      <Field
        label={t("fields.beforeValue")}
        inputMode="decimal"
        value={form.beforeValue}
        onChange={set("beforeValue")}
        error={error("beforeValue")}
      />
      <Field
        label={t("fields.beforePeriod")}
        value={form.beforePeriod}
        onChange={set("beforePeriod")}
        error={error("beforePeriod")}
      />
      <Field
        label={t("fields.afterValue")}
        inputMode="decimal"
        value={form.afterValue}
        onChange={set("afterValue")}
        error={error("afterValue")}
      />
      <Field
        label={t("fields.afterPeriod")}
        value={form.afterPeriod}
        onChange={set("afterPeriod")}
        error={error("afterPeriod")}
      />
      <button type="submit" className="button-primary" disabled={mutation.isPending}>
        {submitLabel}
      </button>
    </form>
  );
}
