import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { QuestionBank, QuestionView } from "../../../common/schemas/questions.ts";
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { FileField } from "../../components/file-field.tsx";
import { Page } from "../../components/page.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatPercent } from "../../lib/i18n.ts";
import { useTrajectory } from "../trajectories/trajectories-api.ts";
import { confirmFirst } from "../../components/buttons.tsx";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { QuestionForm } from "./question-form.tsx";
import { AiDraftingSection, AiOriginLabel } from "../ai/ai-drafting-section.tsx";
import { questionKeys, questionsApi, useQuestionBank } from "./questions-api.ts";

/** Where learners stumble, per competence: a bar per miss rate, so trouble is seen at a glance. */
function TroubleChart({
  bank,
  competences,
}: {
  bank: QuestionBank;
  competences: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns = [
    t("fields.competenceId"),
    t("ui.questions.answers"),
    t("ui.questions.missRate"),
    t("ui.questions.inRemediation"),
  ];
  return (
    <SectionCard id="trouble" title={t("ui.questions.trouble")} hint={t("ui.questions.troubleHint")}>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("ui.questions.trouble")}>
        <table>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bank.trouble.map((row) => (
              <tr key={row.competenceId}>
                <th scope="row">{competences.find((c) => c.id === row.competenceId)?.name ?? row.name}</th>
                <td>{row.answers}</td>
                <td>
                  {row.missRate === null ? (
                    "—"
                  ) : (
                    <>
                      <meter
                        min={0}
                        max={1}
                        low={0.3}
                        high={0.5}
                        optimum={0}
                        value={row.missRate}
                        aria-hidden="true"
                      />{" "}
                      {formatPercent(row.missRate, locale)}
                    </>
                  )}
                </td>
                <td>{row.learnersInRemediation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </SectionCard>
  );
}

/** Reads a chosen file and adds its questions: all rows or none, with the row named when one is wrong. */
function ImportQuestions({ trajectoryId, onImported }: { trajectoryId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const importFile = useMutation({
    mutationFn: async (file: File) =>
      questionsApi.import(trajectoryId, {
        format: file.name.toLowerCase().endsWith(".json") ? "json" : "csv",
        content: await file.text(),
      }),
    onSuccess: onImported,
  });
  return (
    <>
      <FileField
        id="question-file"
        label={t("ui.questions.importLabel")}
        hint={t("ui.questions.importHint")}
        accept=".csv,.json,text/csv,application/json"
        onFile={(file) => importFile.mutate(file)}
      />
      <ErrorMessage error={importFile.error} />
      {importFile.data ? (
        <SuccessMessage>{t("ui.questions.imported", { count: importFile.data.imported })}</SuccessMessage>
      ) : null}
    </>
  );
}

function QuestionItem({
  question,
  competence,
  onEdit,
  onDelete,
}: {
  question: QuestionView;
  competence: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="question-item">
      <div>
        <p className="tag">
          {t(`ui.questions.kinds.${question.kind}`)} · {competence} ·{" "}
          {question.uses.map((u) => t(`ui.questions.uses.${u}`)).join(", ")}
        </p>
        <AiOriginLabel question={question} />
        {question.situation ? <p className="situation">{question.situation}</p> : null}
        <strong>{question.prompt}</strong>
      </div>
      <div className="button-row">
        <button type="button" className="button-secondary small" onClick={onEdit}>
          {t("ui.common.edit")}
          <span className="visually-hidden"> {question.prompt}</span>
        </button>
        <button
          type="button"
          className="button-danger small"
          onClick={confirmFirst(t("ui.questions.confirmDelete"), onDelete)}
        >
          {t("ui.trajectory.remove")}
          <span className="visually-hidden"> {question.prompt}</span>
        </button>
      </div>
    </li>
  );
}

/** The designer's question bank of one trajectory. */
export function QuestionBankPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { trajectoryId = "" } = useParams();
  const [editing, setEditing] = useState<QuestionView | "new" | null>(null);
  const trajectory = useTrajectory(trajectoryId);
  const bank = useQuestionBank(trajectoryId);
  const remove = useSaveThenRefresh(
    (id: string) => questionsApi.remove(trajectoryId, id),
    [questionKeys.bank(trajectoryId)],
  );
  const refresh = () => {
    setEditing(null);
    void client.invalidateQueries({ queryKey: questionKeys.bank(trajectoryId) });
  };
  const competences = (trajectory.data?.document.competences ?? []).map((c) => ({
    id: c.id ?? "",
    name: c.name,
  }));
  const exportHref = (format: "csv" | "json") => questionsApi.exportHref(trajectoryId, format);
  return (
    <Page title={t("ui.questions.pageTitle", { title: trajectory.data?.document.title ?? "" })}>
      <p>
        <Link to={`/trajectories/${trajectoryId}`}>← {t("ui.questions.back")}</Link>
      </p>
      <p className="hint">{t("ui.questions.intro")}</p>
      {bank.isLoading || trajectory.isLoading ? <Loading /> : null}
      <ErrorMessage error={bank.error ?? trajectory.error ?? remove.error} />
      {editing !== null && competences.length > 0 ? (
        <QuestionForm
          key={editing === "new" ? "new" : editing.id}
          trajectoryId={trajectoryId}
          competences={competences}
          editing={editing === "new" ? null : editing}
          onDone={refresh}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button-primary" onClick={() => setEditing("new")}>
            {t("ui.questions.add")}
          </button>
          <a className="button-secondary" href={exportHref("csv")} download="questions.csv">
            {t("ui.questions.exportCsv")}
          </a>
          <a className="button-secondary" href={exportHref("json")} download="questions.json">
            {t("ui.questions.exportJson")}
          </a>
        </div>
      )}
      {competences.length > 0 ? (
        <AiDraftingSection trajectoryId={trajectoryId} competences={competences} />
      ) : null}
      {bank.data ? (
        <>
          <SectionCard
            id="question-list"
            title={t("ui.questions.list", { count: bank.data.questions.length })}
          >
            {bank.data.questions.length === 0 ? (
              <EmptyState title={t("ui.questions.emptyTitle")}>
                <p>{t("ui.questions.emptyText")}</p>
              </EmptyState>
            ) : (
              <ul className="plain-list">
                {bank.data.questions.map((q) => (
                  <QuestionItem
                    key={q.id}
                    question={q}
                    competence={competences.find((c) => c.id === q.competenceId)?.name ?? ""}
                    onEdit={() => setEditing(q)}
                    onDelete={() => remove.mutate(q.id)}
                  />
                ))}
              </ul>
            )}
            <ImportQuestions trajectoryId={trajectoryId} onImported={refresh} />
          </SectionCard>
          <TroubleChart bank={bank.data} competences={competences} />
        </>
      ) : null}
    </Page>
  );
}
