import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ScanSummary } from "../../../common/schemas/culture-scans.ts";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Field } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { useTeams } from "../organisations/people/people-api.ts";
import { TeamCheckboxes } from "../organisations/people/role-checkboxes.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { formatDay, isoDaysFromToday } from "../../lib/dates.ts";
import { fieldError } from "../../lib/forms.ts";
import { scanApi, scanKeys, useScans } from "./culture-scan-api.ts";

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
          {scans.isLoading ? <Loading /> : null}
          <ErrorMessage error={scans.error} />
          {scans.data?.length === 0 ? <EmptyState title={t("ui.scans.empty")} /> : null}
          {scans.data?.map((scan) => (
            <ScanCard key={scan.id} scan={scan} />
          ))}
        </section>
        <NewScanForm />
      </div>
    </Page>
  );
}

function ScanCard({ scan }: { scan: ScanSummary }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
  const remind = useMutation({
    mutationFn: () => scanApi.remind(scan.id),
  });
  const close = useMutation({
    mutationFn: () => scanApi.close(scan.id),
    onSuccess: () => client.invalidateQueries({ queryKey: scanKeys.all }),
  });
  const remove = useMutation({
    mutationFn: () => scanApi.remove(scan.id),
    onSuccess: () => client.invalidateQueries({ queryKey: scanKeys.all }),
  });
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
          <button
            type="button"
            className="button-secondary small"
            onClick={() => remind.mutate()}
            disabled={remind.isPending}
          >
            {t("ui.scans.remind")}
          </button>
          <Link className="button-secondary small" to={`/culture-scans/${scan.id}/poster`}>
            {t("ui.scans.poster")}
          </Link>
          <button
            type="button"
            className="button-danger small"
            onClick={() => close.mutate()}
            disabled={close.isPending}
          >
            {t("ui.scans.close")}
          </button>
        </div>
      ) : null}
      {scan.status === "planned" ? (
        <div className="button-row">
          <button
            type="button"
            className="button-danger small"
            onClick={() => {
              if (window.confirm(t("ui.scans.confirmDelete", { title: scan.title }))) remove.mutate();
            }}
            disabled={remove.isPending}
          >
            {t("ui.scans.delete")}
            <span className="visually-hidden"> {scan.title}</span>
          </button>
        </div>
      ) : null}
      {scan.status === "closed" ? null : <EditScan scan={scan} />}
    </article>
  );
}

/**
 * Before a scan opens everything can change; once open only a later closing date (the server says the
 * same, this form just does not offer what it would refuse).
 */
function EditScan({ scan }: { scan: ScanSummary }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const planned = scan.status === "planned";
  const [title, setTitle] = useState(scan.title);
  const [teamIds, setTeamIds] = useState(scan.teamIds);
  const [opensOn, setOpensOn] = useState(scan.opensOn);
  const [closesOn, setClosesOn] = useState(scan.closesOn);
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: () => scanApi.update(scan.id, planned ? { title, teamIds, opensOn, closesOn } : { closesOn }),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: scanKeys.all });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {planned ? t("ui.scans.edit") : t("ui.scans.extend")}
        <span className="visually-hidden"> {scan.title}</span>
      </summary>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={save.error} />
        {planned ? (
          <>
            <Field
              label={t("fields.title")}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={fieldError(save.error, "title")}
            />
            <TeamCheckboxes
              teams={teams.data ?? []}
              value={teamIds}
              onChange={setTeamIds}
              error={fieldError(save.error, "teamIds")}
            />
          </>
        ) : null}
        <div className="field-row">
          {planned ? (
            <Field
              label={t("fields.opensOn")}
              type="date"
              value={opensOn}
              onChange={(e) => setOpensOn(e.target.value)}
              error={fieldError(save.error, "opensOn")}
            />
          ) : null}
          <Field
            label={t("fields.closesOn")}
            type="date"
            value={closesOn}
            onChange={(e) => setClosesOn(e.target.value)}
            error={fieldError(save.error, "closesOn")}
          />
        </div>
        <button type="submit" className="button-primary small" disabled={save.isPending}>
          {t("ui.scans.saveChanges")}
        </button>
      </form>
    </details>
  );
}

function NewScanForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const [title, setTitle] = useState("");
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [opensOn, setOpensOn] = useState(() => isoDaysFromToday(0));
  const [closesOn, setClosesOn] = useState(() => isoDaysFromToday(14));
  const create = useMutation({
    mutationFn: () => scanApi.create({ title, teamIds, opensOn, closesOn }),
    onSuccess: async () => {
      setTitle("");
      await client.invalidateQueries({ queryKey: scanKeys.all });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-scan-title">
      <h2 id="new-scan-title">{t("ui.scans.new")}</h2>
      <ErrorMessage error={create.error} />
      {create.isSuccess ? <SuccessMessage>{t("ui.scans.started")}</SuccessMessage> : null}
      <Field
        label={t("fields.title")}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError(create.error, "title")}
      />
      <p className="hint">{t("ui.scans.teamsHint")}</p>
      <TeamCheckboxes
        teams={teams.data ?? []}
        value={teamIds}
        onChange={setTeamIds}
        error={fieldError(create.error, "teamIds")}
      />
      <div className="field-row">
        <Field
          label={t("fields.opensOn")}
          type="date"
          value={opensOn}
          onChange={(e) => setOpensOn(e.target.value)}
          error={fieldError(create.error, "opensOn")}
        />
        <Field
          label={t("fields.closesOn")}
          type="date"
          value={closesOn}
          onChange={(e) => setClosesOn(e.target.value)}
          error={fieldError(create.error, "closesOn")}
        />
      </div>
      <button type="submit" className="button-primary" disabled={create.isPending}>
        {t("ui.scans.start")}
      </button>
    </form>
  );
}
