import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { Field } from "../../components/field.tsx";
import { FileField } from "../../components/file-field.tsx";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { fieldError, useFormValues } from "../../lib/forms.ts";
import { SkillKindField, type Competence } from "./competences-editor.tsx";
import { trajectoriesApi, useTemplates } from "./trajectories-api.ts";

/** The least a trajectory needs to begin: the rest is filled in the editor. */
interface Scratch {
  title: string;
  targetBehaviour: string;
  competence: string;
  kind: Competence["kind"];
}

/** Start a trajectory from scratch, from one of the templates, or from an exported JSON file. */
export function NewTrajectoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const templates = useTemplates();
  const form = useFormValues<Scratch>({ title: "", targetBehaviour: "", competence: "", kind: "open" });
  const { title, targetBehaviour, competence, kind } = form.values;
  const [importError, setImportError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (document: TrajectoryDocument) => trajectoriesApi.create(document),
    onSuccess: (created) => navigate(`/trajectories/${created.id}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      title,
      targetBehaviour,
      audience: "",
      retentionDays: 90,
      desiredRetention: 0.9,
      dailyPracticeMinutes: 5,
      competences: [{ name: competence, kind }],
      activities: [],
    });
  };
  const importFile = async (file: File) => {
    setImportError(null);
    try {
      create.mutate(JSON.parse(await file.text()) as TrajectoryDocument);
    } catch {
      setImportError(t("ui.trajectories.importUnreadable"));
    }
  };
  return (
    <Page title={t("ui.trajectories.new")}>
      <div className="two-columns">
        <form className="card form" onSubmit={submit} noValidate aria-labelledby="scratch-title">
          <h2 id="scratch-title">{t("ui.trajectories.fromScratch")}</h2>
          <ErrorMessage error={create.error} />
          <Field label={t("fields.title")} {...form.bind("title", create.error)} />
          <Field
            label={t("fields.targetBehaviour")}
            hint={t("ui.trajectory.targetHint")}
            {...form.bind("targetBehaviour", create.error)}
          />
          <Field
            label={t("ui.trajectory.competenceName", { number: 1 })}
            {...form.bind("competence")}
            error={fieldError(create.error, "competences")}
          />
          <SkillKindField value={kind} onChange={(next) => form.set({ kind: next })} />
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {t("ui.trajectories.create")}
          </button>
        </form>
        <SectionCard id="templates-title" title={t("ui.trajectories.fromTemplate")}>
          {templates.isLoading ? <Loading /> : null}
          <ul className="plain-list templates">
            {templates.data?.map((template) => (
              <li key={template.key}>
                <h3>{template.title}</h3>
                <p>{template.summary}</p>
                <p className="hint">{t(`ui.trajectory.kinds.${template.skillKind}`)}</p>
                <button
                  type="button"
                  className="button-secondary small"
                  onClick={() => create.mutate(template.document)}
                  disabled={create.isPending}
                >
                  {t("ui.trajectories.useTemplate")}
                  <span className="visually-hidden"> {template.title}</span>
                </button>
              </li>
            ))}
          </ul>
          <FileField
            id="import-json"
            label={t("ui.trajectories.import")}
            accept="application/json,.json"
            onFile={(file) => void importFile(file)}
            error={importError ?? undefined}
          />
        </SectionCard>
      </div>
    </Page>
  );
}
