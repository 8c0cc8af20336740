import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { Field, SelectField } from "../../components/field.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatDecimal } from "../../lib/i18n.ts";
import { formatDay, isoDaysFromToday } from "../../lib/dates.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { onSubmitDo, useFormValues } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { scanApi, scanKeys } from "./culture-scan-api.ts";
import { EditDetails } from "./edit-details.tsx";

/** What the figures suggest doing, each with a button to put it on the action plan, and the plan itself. */
export function Recommendations({ data, scanId }: { data: ScanResults; scanId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SectionCard id="scan-recommendations" title={t("ui.scans.recommendations")}>
      {data.recommendations.length === 0 ? <p>{t("ui.scans.noRecommendations")}</p> : null}
      <ol className="findings">
        {data.recommendations.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.title}</strong>
            </p>
            <p>{r.why}</p>
            <p className="hint">
              {r.layer && r.phase
                ? t("ui.scans.becauseCell", {
                    layer: t(`ui.scans.layers.${r.layer}`),
                    phase: t(`ui.scans.phases.${r.phase}`),
                    score: formatDecimal(r.score, currentLocale(), 1),
                  })
                : t("ui.scans.becausePrecondition", { score: formatDecimal(r.score, currentLocale(), 1) })}
            </p>
            <ActionForm scanId={scanId} title={r.title} interventionId={r.id} />
          </li>
        ))}
      </ol>
      <h3>{t("ui.scans.actionPlan")}</h3>
      {data.actions.length === 0 ? <p className="hint">{t("ui.scans.noActions")}</p> : null}
      <ul className="plain-list">
        {data.actions.map((a) => (
          <li key={a.id}>
            <strong>{a.title}</strong> — {a.owner}, {formatDay(a.dueOn, locale, { dateStyle: "medium" })}
            {a.scanId !== scanId ? ` (${t("ui.scans.fromPrevious")})` : ""}{" "}
            <span className={`badge badge-action-${a.status}`}>{t(`ui.scans.actionStatus.${a.status}`)}</span>
            <EditAction action={a} resultsOf={scanId} />
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}

/** Puts a recommendation on the action plan: who does it, and by when. */
function ActionForm({
  scanId,
  title,
  interventionId,
}: {
  scanId: string;
  title: string;
  interventionId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const form = useFormValues(() => ({ owner: "", dueOn: isoDaysFromToday(30) }));
  const add = useSaveThenRefresh(
    () => scanApi.addAction(scanId, { title, ...form.values, interventionId }),
    [scanKeys.scan(scanId)],
    { onSaved: () => setOpen(false) },
  );
  if (!open) {
    return (
      <>
        {add.isSuccess ? <SuccessMessage>{t("ui.scans.actionAdded")}</SuccessMessage> : null}
        <button type="button" className="button-secondary small no-print" onClick={() => setOpen(true)}>
          {t("ui.scans.addAction")}
          <span className="visually-hidden"> {title}</span>
        </button>
      </>
    );
  }
  return (
    <form className="form" onSubmit={onSubmitDo(() => add.mutate())} noValidate>
      <ErrorMessage error={add.error} />
      <div className="field-row">
        <Field label={t("fields.owner")} {...form.bind("owner", add.error)} />
        <Field label={t("fields.dueOn")} type="date" {...form.bind("dueOn", add.error)} />
      </div>
      <button type="submit" className="button-primary small">
        {t("ui.scans.saveAction")}
      </button>
    </form>
  );
}

/** Corrects an action of the plan (title, owner, due date, done) or removes it after asking. */
function EditAction({ action, resultsOf }: { action: ScanResults["actions"][number]; resultsOf: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const form = useFormValues({
    title: action.title,
    owner: action.owner,
    dueOn: action.dueOn,
    status: action.status,
  });
  const save = useSaveThenRefresh(
    () => scanApi.updateAction(action.scanId, action.id, form.values),
    [scanKeys.scan(resultsOf)],
    { onSaved: () => setOpen(false) },
  );
  const remove = useSaveThenRefresh(
    () => scanApi.removeAction(action.scanId, action.id),
    [scanKeys.scan(resultsOf)],
  );
  return (
    <EditDetails
      className="no-print"
      summary={t("ui.scans.editAction")}
      name={action.title}
      open={open}
      onOpenChange={setOpen}
    >
      <form className="form" onSubmit={onSubmitDo(() => save.mutate())} noValidate>
        <ErrorMessage error={save.error ?? remove.error} />
        <Field label={t("fields.title")} {...form.bind("title", save.error)} />
        <div className="field-row">
          <Field label={t("fields.owner")} {...form.bind("owner", save.error)} />
          <Field label={t("fields.dueOn")} type="date" {...form.bind("dueOn", save.error)} />
        </div>
        <SelectField
          label={t("fields.status")}
          value={form.values.status}
          onChange={(e) => form.set({ status: e.target.value === "done" ? "done" : "planned" })}
        >
          <option value="planned">{t("ui.scans.actionStatus.planned")}</option>
          <option value="done">{t("ui.scans.actionStatus.done")}</option>
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button-primary small" disabled={save.isPending}>
            {t("ui.scans.saveAction")}
          </button>
          <MutationButton
            mutation={remove}
            className="button-danger small"
            confirm={t("ui.scans.confirmDeleteAction", { title: action.title })}
          >
            {t("ui.scans.deleteAction")}
          </MutationButton>
        </div>
      </form>
    </EditDetails>
  );
}
