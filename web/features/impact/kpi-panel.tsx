import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { KpiBody } from "../../../common/schemas/impact.ts";
import { Field, SelectField } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { fieldError } from "../../lib/forms.ts";
import { currentLocale, formatNumber } from "../../lib/i18n.ts";
import { impactApi, impactKeys } from "./impact-api.ts";

const empty = {
  name: "",
  unit: "",
  better: "lower",
  beforeValue: "",
  beforePeriod: "",
  afterValue: "",
  afterPeriod: "",
};

/** Organisation figures before and after (LTEM tier 8), always with the reminder that change is not cause. */
export function KpiPanel({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const kpis = useQuery({
    queryKey: impactKeys.kpis(trajectoryId),
    queryFn: () => impactApi.kpis(trajectoryId),
  });
  const [form, setForm] = useState(empty);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: impactKeys.kpis(trajectoryId) });
    void client.invalidateQueries({ queryKey: impactKeys.trajectory(trajectoryId) });
  };
  const number = (value: string) => (value.trim() === "" ? null : Number(value.replace(",", ".")));
  const add = useMutation({
    mutationFn: () =>
      impactApi.addKpi(trajectoryId, {
        ...form,
        // The select offers only the two directions the schema knows.
        better: form.better as KpiBody["better"],
        beforeValue: number(form.beforeValue) ?? undefined,
        afterValue: number(form.afterValue),
        afterPeriod: form.afterPeriod || null,
      }),
    onSuccess: () => {
      setForm(empty);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => impactApi.deleteKpi(trajectoryId, id),
    onSuccess: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  return (
    <section className="card" aria-labelledby="impact-kpis">
      <h2 id="impact-kpis">{t("ui.impact.kpis")}</h2>
      {kpis.data ? <p className="notice">{kpis.data.caveat}</p> : null}
      <ErrorMessage error={kpis.error ?? remove.error} />
      <ul>
        {kpis.data?.kpis.map((k) => (
          <li key={k.id}>
            <strong>{k.name}</strong>: {formatNumber(k.beforeValue, currentLocale(), 2)} ({k.beforePeriod}) →{" "}
            {k.afterValue === null ? "—" : formatNumber(k.afterValue, currentLocale(), 2)}
            {k.afterPeriod ? ` (${k.afterPeriod})` : ""} {k.unit}
            {k.improved === null ? null : (
              <span className="tag">{k.improved ? t("ui.impact.improved") : t("ui.impact.worse")}</span>
            )}{" "}
            <button type="button" className="button-secondary" onClick={() => remove.mutate(k.id)}>
              {t("ui.impact.remove", { name: k.name })}
            </button>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("ui.impact.addKpi")}</summary>
        <form onSubmit={submit} noValidate>
          <Field
            label={t("fields.name")}
            value={form.name}
            onChange={set("name")}
            error={fieldError(add.error, "name")}
          />
          <Field
            label={t("fields.unit")}
            value={form.unit}
            onChange={set("unit")}
            error={fieldError(add.error, "unit")}
          />
          <SelectField label={t("fields.better")} value={form.better} onChange={set("better")}>
            <option value="lower">{t("ui.impact.lowerBetter")}</option>
            <option value="higher">{t("ui.impact.higherBetter")}</option>
          </SelectField>
          <Field
            label={t("fields.beforeValue")}
            inputMode="decimal"
            value={form.beforeValue}
            onChange={set("beforeValue")}
            error={fieldError(add.error, "beforeValue")}
          />
          <Field
            label={t("fields.beforePeriod")}
            value={form.beforePeriod}
            onChange={set("beforePeriod")}
            error={fieldError(add.error, "beforePeriod")}
          />
          <Field
            label={t("fields.afterValue")}
            inputMode="decimal"
            value={form.afterValue}
            onChange={set("afterValue")}
            error={fieldError(add.error, "afterValue")}
          />
          <Field label={t("fields.afterPeriod")} value={form.afterPeriod} onChange={set("afterPeriod")} />
          <ErrorMessage error={add.error} />
          <button type="submit" disabled={add.isPending}>
            {t("ui.impact.saveKpi")}
          </button>
        </form>
      </details>
    </section>
  );
}
