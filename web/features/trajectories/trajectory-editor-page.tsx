import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TrajectoryDetail, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { Field } from "../../components/field.tsx";
import { ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { ApiError } from "../../lib/api.ts";
import { CompetencesEditor } from "./competences-editor.tsx";
import { DesignCheckPanel } from "./design-check-panel.tsx";
import { Timeline } from "./timeline.tsx";
import { trajectoriesApi, trajectoryKeys, useDesignCheck, useTrajectory } from "./trajectories-api.ts";
import { MeasurementPlanEditor } from "./measurement-plan-editor.tsx";
import { fieldError } from "../../lib/forms.ts";

export function TrajectoryEditorPage() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const [generation, setGeneration] = useState(0);
  const trajectory = useTrajectory(trajectoryId);
  return (
    <Page title={trajectory.data?.document.title ?? t("ui.trajectory.title")}>
      <p>
        <Link to="/trajectories">← {t("ui.trajectory.back")}</Link>
      </p>
      {trajectory.isLoading ? <Loading /> : null}
      <ErrorMessage error={trajectory.error} />
      {trajectory.data ? (
        <Editor
          key={`${trajectoryId}:${generation}`}
          initial={trajectory.data}
          onReload={async () => {
            await trajectory.refetch();
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
    </Page>
  );
}

function Editor({ initial, onReload }: { initial: TrajectoryDetail; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [document, setDocument] = useState<TrajectoryDocument>(initial.document);
  const [version, setVersion] = useState(initial.version);
  const [dirty, setDirty] = useState(false);
  const check = useDesignCheck(document);
  const change = (patch: Partial<TrajectoryDocument>) => {
    setDocument((current) => ({ ...current, ...patch }));
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: () => trajectoriesApi.update(initial.id, { version, document }),
    onSuccess: async (saved) => {
      setVersion(saved.version);
      setDocument(saved.document);
      setDirty(false);
      client.setQueryData(trajectoryKeys.detail(initial.id), saved);
      await client.invalidateQueries({ queryKey: trajectoryKeys.list(), exact: true });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === "EDIT_CONFLICT";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const exportHref = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(document, null, 2))}`;
  return (
    <div className="editor-layout">
      <form className="editor" onSubmit={submit} noValidate aria-labelledby="editor-basics">
        {check.data ? (
          <p className="score-chip">
            <a href="#design-check-title">
              {t("ui.designCheck.chip", { score: check.data.score, count: check.data.findings.length })}
            </a>
          </p>
        ) : null}
        <section className="card form">
          <h2 id="editor-basics">{t("ui.trajectory.basics")}</h2>
          <Field
            label={t("fields.title")}
            value={document.title}
            onChange={(e) => change({ title: e.target.value })}
            error={fieldError(save.error, "title")}
          />
          <Field
            label={t("fields.targetBehaviour")}
            hint={t("ui.trajectory.targetHint")}
            value={document.targetBehaviour}
            onChange={(e) => change({ targetBehaviour: e.target.value })}
            error={fieldError(save.error, "targetBehaviour")}
          />
          <Field
            label={t("fields.audience")}
            value={document.audience}
            onChange={(e) => change({ audience: e.target.value })}
          />
          <Field
            label={t("ui.trajectory.retention")}
            hint={t("ui.trajectory.retentionHint")}
            type="number"
            inputMode="numeric"
            min={7}
            value={String(document.retentionDays)}
            onChange={(e) => change({ retentionDays: Number.parseInt(e.target.value, 10) || 0 })}
            error={fieldError(save.error, "retentionDays")}
          />
          <div className="field-row">
            <Field
              label={t("fields.desiredRetention")}
              hint={t("ui.trajectory.desiredRetentionHint")}
              type="number"
              inputMode="numeric"
              min={70}
              max={97}
              value={String(Math.round(document.desiredRetention * 100))}
              onChange={(e) => change({ desiredRetention: (Number.parseInt(e.target.value, 10) || 0) / 100 })}
              error={fieldError(save.error, "desiredRetention")}
            />
            <Field
              label={t("fields.dailyPracticeMinutes")}
              hint={t("ui.trajectory.dailyPracticeHint")}
              type="number"
              inputMode="numeric"
              min={1}
              max={30}
              value={String(document.dailyPracticeMinutes)}
              onChange={(e) => change({ dailyPracticeMinutes: Number.parseInt(e.target.value, 10) || 0 })}
              error={fieldError(save.error, "dailyPracticeMinutes")}
            />
          </div>
          <CompetencesEditor
            competences={document.competences}
            onChange={(competences) => change({ competences })}
            error={fieldError(save.error, "competences")}
          />
        </section>
        <section className="card" aria-labelledby="editor-timeline">
          <h2 id="editor-timeline">{t("ui.trajectory.timeline")}</h2>
          <p className="hint">{t("ui.trajectory.timelineHint")}</p>
          <Timeline document={document} onChange={(activities) => change({ activities })} />
        </section>
        <section className="card" aria-labelledby="editor-measurement">
          <h2 id="editor-measurement">{t("fields.measurementPlan")}</h2>
          <MeasurementPlanEditor
            document={document}
            onChange={(measurementPlan) => change({ measurementPlan })}
          />
        </section>
        <div className="save-bar card">
          <ErrorMessage error={save.error} />
          {conflict ? (
            <button type="button" className="button-secondary" onClick={() => void onReload()}>
              {t("ui.trajectory.reload")}
            </button>
          ) : null}
          {save.isSuccess && !dirty ? (
            <SuccessMessage>{t("ui.trajectory.saved", { version })}</SuccessMessage>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={save.isPending}>
              {save.isPending ? t("ui.trajectory.saving") : t("ui.common.save")}
            </button>
            <a
              className="button-secondary"
              href={exportHref}
              download={`${document.title || "trajectory"}.json`}
            >
              {t("ui.trajectory.export")}
            </a>
            <Link className="button-secondary" to={`/cohorts/new?trajectory=${initial.id}`}>
              {t("ui.cohorts.plan")}
            </Link>
            <Link className="button-secondary" to={`/trajectories/${initial.id}/questions`}>
              {t("ui.questions.title")}
            </Link>
            <Link className="button-secondary" to={`/trajectories/${initial.id}/badges`}>
              {t("ui.badges.link")}
            </Link>
            <Link className="button-secondary" to={`/trajectories/${initial.id}/impact`}>
              {t("ui.impact.link")}
            </Link>
          </div>
          {dirty ? <p className="hint">{t("ui.trajectory.unsaved")}</p> : null}
        </div>
      </form>
      <DesignCheckPanel result={check.data} error={check.error} busy={check.isFetching} />
    </div>
  );
}
