import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TrajectoryDetail, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { ApiError } from "../../lib/api.ts";
import { DesignCheckPanel } from "./design-check-panel.tsx";
import { Timeline } from "./timeline.tsx";
import { trajectoriesApi, trajectoryKeys, useDesignCheck, useTrajectory } from "./trajectories-api.ts";
import { MeasurementPlanEditor } from "./measurement-plan-editor.tsx";
import { TrajectoryBasics } from "./trajectory-basics.tsx";
import { hasRole, useMe } from "../../lib/session.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { ConfirmInline, DraftOffer, LeavePrompt, useDraft, useLeaveGuard } from "./guarded-editor.tsx";

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
      <QueryState query={trajectory}>
        {(data) => (
          <Editor
            key={`${trajectoryId}:${generation}`}
            initial={data}
            onReload={async () => {
              await trajectory.refetch();
              setGeneration((g) => g + 1);
            }}
          />
        )}
      </QueryState>
    </Page>
  );
}

function Editor({ initial, onReload }: { initial: TrajectoryDetail; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  // Managers and coaches read a trajectory to guide learners; the form is theirs to read, not to save.
  const canWrite = hasRole(me.data, "designer") || hasRole(me.data, "coordinator");
  const [document, setDocument] = useState<TrajectoryDocument>(initial.document);
  const [version, setVersion] = useState(initial.version);
  // The version the next save builds on, set the moment a save returns: a second quick save never
  // conflicts with the first ("with yourself").
  const baseVersion = useRef(initial.version);
  const saving = useRef(false);
  const [dirty, setDirty] = useState(false);
  const draftKey = `beklijf.draft.trajectory.${initial.id}.v${version}`;
  const draft = useDraft(draftKey, document, dirty && canWrite);
  const blocker = useLeaveGuard(dirty && canWrite);
  const check = useDesignCheck(document, initial.id);
  const change = (patch: Partial<TrajectoryDocument>) => {
    setDocument((current) => ({ ...current, ...patch }));
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: (body: TrajectoryDocument) =>
      trajectoriesApi.update(initial.id, { version: baseVersion.current, document: body }),
    onSuccess: async (saved) => {
      baseVersion.current = saved.version;
      draft.clear();
      setVersion(saved.version);
      setDocument(saved.document);
      setDirty(false);
      client.setQueryData(trajectoryKeys.detail(initial.id), saved);
      await client.invalidateQueries({ queryKey: trajectoryKeys.list(), exact: true });
    },
    onSettled: () => {
      saving.current = false;
    },
  });
  const archive = useMutation({
    mutationFn: () =>
      initial.archivedAt ? trajectoriesApi.restore(initial.id) : trajectoriesApi.archive(initial.id),
    onSuccess: async (saved) => {
      client.setQueryData(trajectoryKeys.detail(initial.id), saved);
      await client.invalidateQueries({ queryKey: trajectoryKeys.all });
      await onReload();
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === "EDIT_CONFLICT";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canWrite || saving.current) return;
    saving.current = true;
    save.mutate(document);
  };
  /** The trajectory's other screens: its question bank, its badges and its impact. */
  const related = [
    { path: "questions", label: t("ui.questions.title") },
    { path: "badges", label: t("ui.badges.link") },
    { path: "impact", label: t("ui.impact.link") },
  ];
  const exportHref = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(document, null, 2))}`;
  return (
    <div className="editor-layout">
      <LeavePrompt blocker={blocker} />
      {canWrite ? (
        <DraftOffer
          stored={draft}
          onRestore={(value) => {
            setDocument(value);
            setDirty(true);
          }}
        />
      ) : null}
      {!canWrite ? (
        <p className="alert" role="note">
          {t("ui.trajectory.readOnly")}
        </p>
      ) : null}
      {initial.archivedAt ? (
        <p className="alert" role="note">
          {t("ui.trajectory.archivedNotice")}
        </p>
      ) : null}
      <form className="editor" onSubmit={submit} noValidate aria-labelledby="editor-basics">
        <fieldset className="plain-fieldset" disabled={!canWrite}>
          {check.data ? (
            <p className="score-chip">
              <a href="#design-check-title">
                {t("ui.designCheck.chip", { score: check.data.score, count: check.data.findings.length })}
              </a>
            </p>
          ) : null}
          <TrajectoryBasics document={document} onChange={change} error={save.error} />
          <SectionCard
            id="editor-timeline"
            title={t("ui.trajectory.timeline")}
            hint={t("ui.trajectory.timelineHint")}
          >
            <Timeline document={document} onChange={(activities) => change({ activities })} />
          </SectionCard>
          <SectionCard id="editor-measurement" title={t("fields.measurementPlan")}>
            <MeasurementPlanEditor
              document={document}
              onChange={(measurementPlan) => change({ measurementPlan })}
            />
          </SectionCard>
        </fieldset>
        <div className="save-bar card">
          <ErrorMessage error={save.error} />
          <ErrorMessage error={archive.error} />
          {conflict ? (
            <button type="button" className="button-secondary" onClick={() => void onReload()}>
              {t("ui.trajectory.reload")}
            </button>
          ) : null}
          {save.isSuccess && !dirty ? (
            <SuccessMessage>{t("ui.trajectory.saved", { version })}</SuccessMessage>
          ) : null}
          <div className="button-row">
            {canWrite ? (
              <button type="submit" className="button-primary" disabled={save.isPending}>
                {save.isPending ? t("ui.trajectory.saving") : t("ui.common.save")}
              </button>
            ) : null}
            <a
              className="button-secondary"
              href={exportHref}
              download={`${document.title || "trajectory"}.json`}
            >
              {t("ui.trajectory.export")}
            </a>
            {canWrite ? (
              <Link className="button-secondary" to={`/cohorts/new?trajectory=${initial.id}`}>
                {t("ui.cohorts.plan")}
              </Link>
            ) : null}
            {related.map(({ path, label }) => (
              <Link key={path} className="button-secondary" to={`/trajectories/${initial.id}/${path}`}>
                {label}
              </Link>
            ))}
          </div>
          {dirty ? <p className="hint">{t("ui.trajectory.unsaved")}</p> : null}
          {canWrite && initial.archivedAt ? (
            <MutationButton mutation={archive} className="button-secondary">
              {t("ui.trajectory.restore")}
            </MutationButton>
          ) : null}
          {canWrite && !initial.archivedAt ? (
            <ConfirmInline
              label={t("ui.trajectory.archive")}
              question={t("ui.trajectory.archiveConfirm", { title: initial.document.title })}
              confirmLabel={t("ui.trajectory.archiveYes")}
              keepLabel={t("ui.trajectory.archiveNo")}
              busy={archive.isPending}
              onConfirm={() => archive.mutate()}
            />
          ) : null}
        </div>
      </form>
      <DesignCheckPanel result={check.data} error={check.error} busy={check.isFetching} />
    </div>
  );
}
