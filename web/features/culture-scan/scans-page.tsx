import { useMutation } from "@tanstack/react-query";
import type { ScanSummary } from "../../../common/schemas/culture-scans.ts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Field } from "../../components/field.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useTeams } from "../organisations/people/people-api.ts";
import { TeamCheckboxes } from "../organisations/people/role-checkboxes.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { formatDay, isoDaysFromToday } from "../../lib/dates.ts";
import { fieldError, type FormValues, onSubmitDo, useFormValues } from "../../lib/forms.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { scanApi, scanKeys, useScans } from "./culture-scan-api.ts";
import { EditDetails } from "./edit-details.tsx";

export function ScansPage() {
  const { t } = useTranslation();
  const scans = useScans();
  return (
    <Page title={t("ui.scans.title")}>
      <p>{t("ui.scans.intro")}</p>
      <div className="two-columns">
        <section aria-labelledby="scan-list">
          <h2 id="scan-list" className="visually-hidden">
            {t("ui.scans.title")}
          </h2>
          <QueryState query={scans} empty={{ title: t("ui.scans.empty") }}>
            {(all) => all.map((scan) => <ScanCard key={scan.id} scan={scan} />)}
          </QueryState>
        </section>
        <NewScanForm />
      </div>
    </Page>
  );
}

function ScanCard({ scan }: { scan: ScanSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const remind = useMutation({
    mutationFn: () => scanApi.remind(scan.id),
  });
  const close = useSaveThenRefresh(() => scanApi.close(scan.id), [scanKeys.all]);
  const remove = useSaveThenRefresh(() => scanApi.remove(scan.id), [scanKeys.all]);
  return (
    <article className="card" aria-labelledby={`scan-${scan.id}`}>
      <h3 id={`scan-${scan.id}`}>
        <Link to={`/culture-scans/${scan.id}`}>{scan.title}</Link>
      </h3>
      <p>
        <span className={`badge badge-scan-${scan.status}`}>{t(`ui.scans.status.${scan.status}`)}</span>{" "}
        {t("ui.scans.period", {
          from: formatDay(scan.opensOn, locale, { dateStyle: "medium" }),
          to: formatDay(scan.closesOn, locale, { dateStyle: "medium" }),
        })}
      </p>
      <p>{t("ui.scans.answered", { responses: scan.responses, invited: scan.invited })}</p>
      <ErrorMessage error={remind.error ?? close.error ?? remove.error} />
      {remind.data ? (
        <SuccessMessage>{t("ui.scans.reminded", { count: remind.data.reminded })}</SuccessMessage>
      ) : null}
      {scan.status === "open" ? (
        <div className="button-row">
          <MutationButton mutation={remind} className="button-secondary small">
            {t("ui.scans.remind")}
          </MutationButton>
          <Link className="button-secondary small" to={`/culture-scans/${scan.id}/poster`}>
            {t("ui.scans.poster")}
          </Link>
          <MutationButton mutation={close} className="button-danger small">
            {t("ui.scans.close")}
          </MutationButton>
        </div>
      ) : null}
      {scan.status === "planned" ? (
        <div className="button-row">
          <MutationButton
            mutation={remove}
            className="button-danger small"
            confirm={t("ui.scans.confirmDelete", { title: scan.title })}
          >
            {t("ui.scans.delete")}
            <span className="visually-hidden"> {scan.title}</span>
          </MutationButton>
        </div>
      ) : null}
      {scan.status === "closed" ? null : <EditScan scan={scan} />}
    </article>
  );
}

type ScanDraft = Pick<ScanSummary, "title" | "teamIds" | "opensOn" | "closesOn">;

/**
 * The fields of a scan. Before a scan opens everything can change; once open only a later closing date
 * (the server says the same, the form just does not offer what it would refuse).
 */
function ScanFields({
  form,
  error,
  planned,
  teamsHint,
}: {
  form: FormValues<ScanDraft>;
  error: unknown;
  planned: boolean;
  teamsHint?: string;
}) {
  const { t } = useTranslation();
  const teams = useTeams();
  return (
    <>
      {planned ? (
        <>
          <Field label={t("fields.title")} {...form.bind("title", error)} />
          {teamsHint ? <p className="hint">{teamsHint}</p> : null}
          <TeamCheckboxes
            teams={teams.data ?? []}
            value={form.values.teamIds}
            onChange={(teamIds) => form.set({ teamIds })}
            error={fieldError(error, "teamIds")}
          />
        </>
      ) : null}
      <div className="field-row">
        {planned ? <Field label={t("fields.opensOn")} type="date" {...form.bind("opensOn", error)} /> : null}
        <Field label={t("fields.closesOn")} type="date" {...form.bind("closesOn", error)} />
      </div>
    </>
  );
}

function EditScan({ scan }: { scan: ScanSummary }) {
  const { t } = useTranslation();
  const planned = scan.status === "planned";
  const form = useFormValues<ScanDraft>({
    title: scan.title,
    teamIds: scan.teamIds,
    opensOn: scan.opensOn,
    closesOn: scan.closesOn,
  });
  const [open, setOpen] = useState(false);
  const save = useSaveThenRefresh(
    () => scanApi.update(scan.id, planned ? form.values : { closesOn: form.values.closesOn }),
    [scanKeys.all],
    { onSaved: () => setOpen(false) },
  );
  return (
    <EditDetails
      summary={planned ? t("ui.scans.edit") : t("ui.scans.extend")}
      name={scan.title}
      open={open}
      onOpenChange={setOpen}
    >
      <form className="form" onSubmit={onSubmitDo(() => save.mutate())} noValidate>
        <ErrorMessage error={save.error} />
        <ScanFields form={form} error={save.error} planned={planned} />
        <button type="submit" className="button-primary small" disabled={save.isPending}>
          {t("ui.scans.saveChanges")}
        </button>
      </form>
    </EditDetails>
  );
}

function NewScanForm() {
  const { t } = useTranslation();
  const form = useFormValues<ScanDraft>(() => ({
    title: "",
    teamIds: [],
    opensOn: isoDaysFromToday(0),
    closesOn: isoDaysFromToday(14),
  }));
  const create = useSaveThenRefresh(() => scanApi.create(form.values), [scanKeys.all], {
    onSaved: () => form.set({ title: "" }),
  });
  return (
    <form
      className="card form"
      onSubmit={onSubmitDo(() => create.mutate())}
      noValidate
      aria-labelledby="new-scan-title"
    >
      <h2 id="new-scan-title">{t("ui.scans.new")}</h2>
      <ErrorMessage error={create.error} />
      {create.isSuccess ? <SuccessMessage>{t("ui.scans.started")}</SuccessMessage> : null}
      <ScanFields form={form} error={create.error} planned teamsHint={t("ui.scans.teamsHint")} />
      <button type="submit" className="button-primary" disabled={create.isPending}>
        {t("ui.scans.start")}
      </button>
    </form>
  );
}
