import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { QuestionInput, QuestionView } from "../../../common/schemas/questions.ts";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { SelectOptions } from "../../components/select-options.tsx";
import { fieldError, onSubmitDo, textBinder } from "../../lib/forms.ts";
import { DraftOffer, LeavePrompt, useDraft, useLeaveGuard } from "../trajectories/guarded-editor.tsx";
import { questionsApi } from "./questions-api.ts";

// The vocabularies, kept here so the web bundle does not load the zod schemas.
const kinds = ["scenario", "multiple-choice", "open"] as const;
const levels = ["decision", "application", "recall"] as const;
const uses = ["practice", "insight-test", "competence-proof"] as const;

type Draft = QuestionInput & { options: { id?: string; text: string; correct: boolean; feedback: string }[] };

const blank = (competenceId: string): Draft => ({
  competenceId,
  kind: "scenario",
  level: "decision",
  uses: ["practice"],
  situation: "",
  prompt: "",
  options: [
    { text: "", correct: true, feedback: "" },
    { text: "", correct: false, feedback: "" },
  ],
  modelAnswer: "",
});

const fromView = (q: QuestionView): Draft => ({
  competenceId: q.competenceId,
  kind: q.kind,
  level: q.level,
  uses: q.uses,
  situation: q.situation ?? "",
  prompt: q.prompt,
  options: q.options,
  modelAnswer: q.modelAnswer ?? "",
});

/** Leaves out what does not belong to the kind, so the server judges exactly what the designer sees. */
function toInput(draft: Draft): QuestionInput {
  return {
    competenceId: draft.competenceId,
    kind: draft.kind,
    level: draft.level,
    uses: draft.kind === "open" ? ["practice"] : draft.uses,
    ...(draft.kind === "scenario" && draft.situation ? { situation: draft.situation } : {}),
    prompt: draft.prompt,
    options: draft.kind === "open" ? [] : draft.options,
    ...(draft.kind === "open" && draft.modelAnswer ? { modelAnswer: draft.modelAnswer } : {}),
  };
}

/** Writes or changes one question; feedback per option explains why, which is where learning happens. */
export function QuestionForm({
  trajectoryId,
  competences,
  editing,
  onDone,
  saveWith,
  saveLabel,
}: {
  trajectoryId: string;
  competences: { id: string; name: string }[];
  editing: QuestionView | null;
  onDone: () => void;
  /** Saves somewhere else than the bank (accepting an AI draft with edits), under its own label. */
  saveWith?: (question: QuestionInput) => Promise<unknown>;
  saveLabel?: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() =>
    editing ? fromView(editing) : blank(competences[0]?.id ?? ""),
  );
  const [dirty, setDirty] = useState(false);
  // Keyed by the question and the moment it was last saved, so a draft never lands on a newer save.
  const stored = useDraft(
    `beklijf.draft.question.${trajectoryId}.${editing ? `${editing.id}.${editing.updatedAt}` : "new"}`,
    draft,
    dirty,
  );
  const blocker = useLeaveGuard(dirty);
  const save = useMutation({
    mutationFn: () =>
      saveWith
        ? saveWith(toInput(draft))
        : editing
          ? questionsApi.update(trajectoryId, editing.id, toInput(draft))
          : questionsApi.create(trajectoryId, toInput(draft)),
    onSuccess: () => {
      stored.clear();
      setDirty(false);
      onDone();
    },
  });
  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setDirty(true);
  };
  // Shown beneath the checkbox and option groups, which have no single field to carry them.
  const usesProblem = fieldError(save.error, "uses");
  const optionsProblem = fieldError(save.error, "options");
  const text = textBinder(draft, change);
  const setOption = (index: number, patch: Partial<Draft["options"][number]>) =>
    change({ options: draft.options.map((o, i) => (i === index ? { ...o, ...patch } : o)) });
  return (
    <form
      className="card question-form"
      aria-label={editing ? t("ui.questions.edit") : t("ui.questions.add")}
      onSubmit={onSubmitDo(() => save.mutate())}
    >
      <h2>{editing ? t("ui.questions.edit") : t("ui.questions.add")}</h2>
      <LeavePrompt blocker={blocker} />
      <DraftOffer
        stored={stored}
        onRestore={(value) => {
          setDraft(value);
          setDirty(true);
        }}
      />
      <ErrorMessage error={save.error} />
      <div className="field-row">
        <SelectField label={t("fields.kind")} {...text("kind")}>
          <SelectOptions items={kinds} label={(kind) => t(`ui.questions.kinds.${kind}`)} />
        </SelectField>
        <SelectField
          label={t("fields.competenceId")}
          {...text("competenceId")}
          error={fieldError(save.error, "competenceId")}
        >
          <SelectOptions items={competences} toValue={(c) => c.id} label={(c) => c.name} />
        </SelectField>
        {draft.kind === "multiple-choice" ? (
          <SelectField label={t("fields.level")} {...text("level")}>
            <SelectOptions items={levels} label={(level) => t(`ui.questions.levels.${level}`)} />
          </SelectField>
        ) : null}
      </div>
      {draft.kind !== "open" ? (
        <fieldset className="field">
          <legend>{t("fields.uses")}</legend>
          {uses.map((use) => (
            <label key={use} className="checkbox">
              <input
                type="checkbox"
                checked={draft.uses.includes(use)}
                onChange={(e) =>
                  change({
                    uses: e.target.checked ? [...draft.uses, use] : draft.uses.filter((u) => u !== use),
                  })
                }
              />
              <span>{t(`ui.questions.uses.${use}`)}</span>
            </label>
          ))}
          {usesProblem ? <p className="field-error">{usesProblem}</p> : null}
        </fieldset>
      ) : null}
      {draft.kind === "scenario" ? (
        <TextAreaField
          label={t("fields.situation")}
          hint={t("ui.questions.situationHint")}
          rows={3}
          {...text("situation")}
          error={fieldError(save.error, "situation")}
        />
      ) : null}
      <Field label={t("fields.prompt")} {...text("prompt")} error={fieldError(save.error, "prompt")} />
      {draft.kind === "open" ? (
        <TextAreaField
          label={t("fields.modelAnswer")}
          rows={3}
          {...text("modelAnswer")}
          error={fieldError(save.error, "modelAnswer")}
        />
      ) : (
        <fieldset className="field options-editor">
          <legend>{t("fields.options")}</legend>
          {draft.options.map((option, index) => (
            <div key={index} className="option-editor">
              <Field
                label={t("ui.questions.option", { number: index + 1 })}
                value={option.text}
                onChange={(e) => setOption(index, { text: e.target.value })}
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={option.correct}
                  onChange={(e) => setOption(index, { correct: e.target.checked })}
                />
                <span>{t("ui.questions.right", { number: index + 1 })}</span>
              </label>
              <Field
                label={t("ui.questions.feedback", { number: index + 1 })}
                value={option.feedback}
                onChange={(e) => setOption(index, { feedback: e.target.value })}
              />
            </div>
          ))}
          {optionsProblem ? <p className="field-error">{optionsProblem}</p> : null}
          {draft.options.length < 6 ? (
            <button
              type="button"
              className="button-secondary small"
              onClick={() =>
                change({ options: [...draft.options, { text: "", correct: false, feedback: "" }] })
              }
            >
              {t("ui.questions.addOption")}
            </button>
          ) : null}
        </fieldset>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {saveLabel ?? t("ui.common.save")}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          {t("ui.common.cancel")}
        </button>
      </div>
    </form>
  );
}
