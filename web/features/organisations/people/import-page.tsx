import { useMutation } from "@tanstack/react-query";
import { useId, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage, SuccessMessage } from "../../../components/feedback.tsx";
import { MutationButton } from "../../../components/buttons.tsx";
import { Checkbox } from "../../../components/choices.tsx";
import { Page } from "../../../components/page.tsx";
import { ResponsiveTable } from "../../../components/responsive-table.tsx";
import { useSaveThenRefresh } from "../../../lib/mutations.ts";
import { organisationsApi } from "../organisations-api.ts";

/**
 * Payroll exports from Dutch systems are often Windows-1252 rather than UTF-8; decoding strictly first
 * keeps "Müller" and "Çelik" intact either way.
 */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function ImportPage() {
  const { t } = useTranslation();
  const fileId = useId();
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState("");
  const [sendInvitations, setSendInvitations] = useState(false);
  const preview = useMutation({
    mutationFn: organisationsApi.previewImport,
  });
  const commit = useSaveThenRefresh(() => organisationsApi.commitImport({ csv, sendInvitations }), "all");
  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const text = await readCsvFile(file);
    setFileName(file.name);
    setCsv(text);
    commit.reset();
    preview.mutate(text);
  };
  const rows = preview.data?.rows ?? [];
  const counts = preview.data?.counts;
  return (
    <Page title={t("ui.import.title")}>
      <p>
        <Link to="/people">← {t("ui.person.back")}</Link>
      </p>
      <section className="card form">
        <p>{t("ui.import.intro")}</p>
        <p className="hint">{t("ui.import.columns")}</p>
        <div className="field">
          <label htmlFor={fileId}>{t("ui.import.file")}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void chooseFile(e)}
          />
        </div>
        {fileName ? <p className="hint">{fileName}</p> : null}
        <ErrorMessage error={preview.error} />
      </section>
      {counts ? (
        <section className="card" aria-labelledby="import-preview-title">
          <h2 id="import-preview-title">{t("ui.import.preview")}</h2>
          <p role="status">
            {t("ui.import.summary", { create: counts.create, update: counts.update, error: counts.error })}
            {preview.data && preview.data.newTeams.length > 0
              ? ` ${t("ui.import.newTeams", { teams: preview.data.newTeams.join(", ") })}`
              : ""}
          </p>
          <ResponsiveTable
            caption={t("ui.import.preview")}
            headings={[
              t("ui.import.line"),
              t("ui.import.action"),
              t("fields.name"),
              t("fields.email"),
              t("fields.team"),
              t("ui.import.problems"),
            ]}
          >
            {rows.map((row) => (
              <tr key={row.line} className={row.action === "error" ? "row-error" : undefined}>
                <td data-label={t("ui.import.line")}>{row.line}</td>
                <td data-label={t("ui.import.action")}>
                  <span className={`badge badge-${row.action}`}>{t(`ui.import.actions.${row.action}`)}</span>
                </td>
                <td data-label={t("fields.name")}>{row.name}</td>
                <td data-label={t("fields.email")}>{row.email}</td>
                <td data-label={t("fields.team")}>{row.team ?? ""}</td>
                <td data-label={t("ui.import.problems")}>{row.errors.map((e) => e.message).join(" ")}</td>
              </tr>
            ))}
          </ResponsiveTable>
          {counts.error > 0 ? (
            <p className="alert alert-error">{t("ui.import.fixFirst", { count: counts.error })}</p>
          ) : (
            <div className="form">
              <Checkbox
                label={t("ui.import.sendInvitations")}
                checked={sendInvitations}
                onChange={setSendInvitations}
              />
              <ErrorMessage error={commit.error} />
              {commit.isSuccess ? (
                <SuccessMessage>
                  {t("ui.import.done", {
                    create: commit.data.counts.create,
                    update: commit.data.counts.update,
                  })}
                </SuccessMessage>
              ) : (
                <MutationButton mutation={commit} className="button-primary">
                  {commit.isPending
                    ? t("ui.import.busy")
                    : t("ui.import.submit", { count: counts.create + counts.update })}
                </MutationButton>
              )}
            </div>
          )}
        </section>
      ) : null}
    </Page>
  );
}
