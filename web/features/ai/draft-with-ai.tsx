import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DraftSource } from "../../../common/schemas/ai.ts";
import { FormActions } from "../../components/buttons.tsx";
import { RadioGroup } from "../../components/choices.tsx";
import { SelectField, TextAreaField } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { FileField } from "../../components/file-field.tsx";
import { NumberField } from "../../components/number-field.tsx";
import { SelectOptions } from "../../components/select-options.tsx";
import { useDraft } from "../../lib/draft.ts";
import { fieldError, onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { aiApi, aiKeys, type DraftingJobView } from "./ai-api.ts";

// The vocabularies, kept here so the web bundle does not load the zod schemas.
const kinds = ["scenario", "multiple-choice", "open"] as const;
type SourceType = "none" | "text" | "file";

/** A chosen file as the API takes it: its bytes in base64, its format from its name. */
async function fileSource(file: File): Promise<DraftSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return {
    type: "file",
    name: file.name,
    format: file.name.toLowerCase().endsWith(".docx") ? "docx" : "pdf",
    content: btoa(binary),
  };
}

/**
 * "Draft with AI" in the question bank: competence, kind, number and optional material. The request
 * answers at once with a job; its progress shows in `DraftingProgress` while the queue polls.
 */
export function DraftWithAi({
  trajectoryId,
  competences,
  onClose,
}: {
  trajectoryId: string;
  competences: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const draft = useDraft({ competenceId: competences[0]?.id ?? "", kind: "scenario", text: "" });
  const [count, setCount] = useState(3);
  const [sourceType, setSourceType] = useState<SourceType>("none");
  const [file, setFile] = useState<File | null>(null);
  const request = useSaveThenRefresh(
    async () =>
      aiApi.requestDrafts(trajectoryId, {
        competenceId: draft.values.competenceId,
        kind: draft.values.kind as (typeof kinds)[number],
        count,
        ...(sourceType === "text" && draft.values.text
          ? { source: { type: "text", text: draft.values.text } }
          : {}),
        ...(sourceType === "file" && file ? { source: await fileSource(file) } : {}),
      }),
    [aiKeys.drafts(trajectoryId)],
    // The form closes; the job's progress shows in its place.
    { onSaved: onClose },
  );
  return (
    <form
      className="card"
      aria-labelledby="draft-ai-title"
      onSubmit={onSubmitDo(() => request.mutate())}
      noValidate
    >
      <h2 id="draft-ai-title">{t("ui.ai.draft.title")}</h2>
      <p className="hint">{t("ui.ai.draft.hint")}</p>
      <ErrorMessage error={request.error} />
      <div className="field-row">
        <SelectField label={t("fields.competenceId")} {...draft.bind("competenceId", request.error)}>
          <SelectOptions items={competences} toValue={(c) => c.id} label={(c) => c.name} />
        </SelectField>
        <SelectField label={t("ui.ai.draft.kind")} {...draft.bind("kind", request.error)}>
          <SelectOptions items={kinds} label={(kind) => t(`ui.questions.kinds.${kind}`)} />
        </SelectField>
        <NumberField
          label={t("fields.count")}
          min={1}
          max={10}
          value={count}
          onValueChange={setCount}
          fallback={3}
          error={fieldError(request.error, "count")}
        />
      </div>
      <RadioGroup
        legend={t("ui.ai.draft.sourceType")}
        name="draft-source"
        value={sourceType}
        onChange={setSourceType}
        options={[
          { value: "none", label: t("ui.ai.draft.sourceNone") },
          { value: "text", label: t("ui.ai.draft.sourceText") },
          { value: "file", label: t("ui.ai.draft.sourceFile") },
        ]}
      />
      {sourceType === "text" ? (
        <TextAreaField
          label={t("ui.ai.draft.sourceTextLabel")}
          hint={t("ui.ai.draft.sourceTextHint")}
          rows={6}
          {...draft.bind("text", request.error, "source")}
        />
      ) : null}
      {sourceType === "file" ? (
        <FileField
          id="draft-source-file"
          label={t("ui.ai.draft.fileLabel")}
          hint={t("ui.ai.draft.fileHint")}
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onFile={setFile}
          error={fieldError(request.error, "source")}
        />
      ) : null}
      <FormActions
        submitLabel={t("ui.ai.draft.submit")}
        pending={request.isPending}
        onCancel={onClose}
        cancelLabel={t("ui.ai.draft.cancel")}
      />
    </form>
  );
}

/** The latest drafting job in words: waiting, working (a progress bar), done, or why it failed. */
export function DraftingProgress({ job }: { job: DraftingJobView | undefined }) {
  const { t } = useTranslation();
  if (!job) return null;
  if (job.status === "queued" || job.status === "running")
    return (
      <div className="alert" role="status">
        <p>{t(`ui.ai.draft.${job.status}`)}</p>
        <progress aria-label={t(`ui.ai.draft.${job.status}`)} />
      </div>
    );
  if (job.status === "failed")
    return (
      <p className="alert alert-error" role="alert">
        {t(`ui.ai.draft.failures.${job.errorCode ?? "ai_unavailable"}`, {
          defaultValue: t("ui.ai.draft.failures.ai_unavailable"),
        })}
      </p>
    );
  return (
    <div className="alert alert-success" role="status">
      <p>{t("ui.ai.draft.done", { count: job.kept })}</p>
      {job.dropped > 0 ? <p>{t("ui.ai.draft.dropped", { count: job.dropped })}</p> : null}
    </div>
  );
}
