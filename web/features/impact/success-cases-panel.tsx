import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { interviewPrompts, type InterviewPrompt } from "../../../common/impact-vocabulary.ts";
import type { SuccessCase } from "../../../common/schemas/impact.ts";
import { TextAreaField } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { ApiError } from "../../lib/api.ts";
import { fieldError, onSubmitDo } from "../../lib/forms.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { impactApi, impactKeys } from "./impact-api.ts";

/** Success Case Method: the clearest successes and non-successes, each with a short structured interview. */
export function SuccessCasesPanel({ trajectoryId, cohortId }: { trajectoryId: string; cohortId: string }) {
  const { t } = useTranslation();
  const cases = useQuery({
    queryKey: impactKeys.successCasesOf(trajectoryId, cohortId),
    queryFn: () => impactApi.successCases(trajectoryId, cohortId),
    retry: false,
  });
  if (cases.error instanceof ApiError && cases.error.status === 403) return null;
  const data = cases.data;
  return (
    <SectionCard id="impact-cases" title={t("ui.impact.successCases")} hint={t("ui.impact.successCasesHint")}>
      <ErrorMessage error={cases.error} />
      {data ? (
        <>
          <p>{t("ui.impact.withoutConsent", { count: data.withoutConsent })}</p>
          <h3>{t("ui.impact.most")}</h3>
          <CaseList cases={data.most} kind="success" trajectoryId={trajectoryId} />
          <h3>{t("ui.impact.least")}</h3>
          <CaseList cases={data.least} kind="non-success" trajectoryId={trajectoryId} />
        </>
      ) : null}
    </SectionCard>
  );
}

function CaseList({
  cases,
  kind,
  trajectoryId,
}: {
  cases: SuccessCase[];
  kind: "success" | "non-success";
  trajectoryId: string;
}) {
  const { t } = useTranslation();
  if (cases.length === 0) return <p className="hint">{t("ui.impact.noCases")}</p>;
  return (
    <ul>
      {cases.map((c) => (
        <li key={c.personId}>
          <strong>{c.name}</strong> ({c.cohort}):{" "}
          {t("ui.impact.caseFacts", { applications: c.applications, confirmed: c.confirmedApplications })}
          {c.interview ? (
            <RecordedInterview trajectoryId={trajectoryId} kind={kind} person={c} />
          ) : (
            <InterviewForm trajectoryId={trajectoryId} personId={c.personId} name={c.name} kind={kind} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** A recorded interview: its answers, corrected until someone marks it final (asked first). */
function RecordedInterview({
  trajectoryId,
  kind,
  person,
}: {
  trajectoryId: string;
  kind: "success" | "non-success";
  person: SuccessCase;
}) {
  const { t } = useTranslation();
  const interview = person.interview!;
  const [editing, setEditing] = useState(false);
  const finalise = useSaveThenRefresh(
    () => impactApi.finaliseInterview(trajectoryId, interview.id),
    [impactKeys.successCases(trajectoryId)],
  );
  if (editing) {
    return (
      <InterviewForm
        trajectoryId={trajectoryId}
        personId={person.personId}
        name={person.name}
        kind={kind}
        existing={interview}
        onDone={() => setEditing(false)}
      />
    );
  }
  return (
    <>
      <dl>
        {interviewPrompts.map((prompt) =>
          interview.notes[prompt] ? (
            <div key={prompt}>
              <dt>{t(`ui.impact.prompts.${prompt}`)}</dt>
              <dd>{interview.notes[prompt]}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {interview.finalAt ? (
        <p className="hint">
          <span className="tag">{t("ui.impact.interviewFinal")}</span>
        </p>
      ) : (
        <div className="button-row">
          <button type="button" className="button-secondary small" onClick={() => setEditing(true)}>
            {t("ui.impact.editInterview", { name: person.name })}
          </button>
          <MutationButton
            mutation={finalise}
            className="button-secondary small"
            confirm={t("ui.impact.confirmFinal", { name: person.name })}
          >
            {t("ui.impact.markFinal", { name: person.name })}
          </MutationButton>
        </div>
      )}
      <ErrorMessage error={finalise.error} />
    </>
  );
}

const blank = Object.fromEntries(interviewPrompts.map((p) => [p, ""])) as Record<InterviewPrompt, string>;

function InterviewForm({
  trajectoryId,
  personId,
  name,
  kind,
  existing,
  onDone,
}: {
  trajectoryId: string;
  personId: string;
  name: string;
  kind: "success" | "non-success";
  /** Set when correcting a recorded interview. */
  existing?: NonNullable<SuccessCase["interview"]>;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [notes, setNotes] = useState(existing?.notes ?? blank);
  const [evidenceChecked, setEvidenceChecked] = useState(existing?.evidenceChecked ?? false);
  const save = useMutation({
    mutationFn: () =>
      existing
        ? impactApi.updateInterview(trajectoryId, existing.id, { notes, evidenceChecked })
        : impactApi.recordInterview(trajectoryId, { personId, kind, notes, evidenceChecked }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: impactKeys.successCases(trajectoryId) });
      onDone?.();
    },
  });
  const form = (
    <form onSubmit={onSubmitDo(() => save.mutate())} noValidate>
      {interviewPrompts.map((prompt) => (
        <TextAreaField
          key={prompt}
          label={t(`ui.impact.prompts.${prompt}`)}
          value={notes[prompt]}
          rows={2}
          onChange={(event) => setNotes((n) => ({ ...n, [prompt]: event.target.value }))}
          error={fieldError(save.error, prompt)}
        />
      ))}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={evidenceChecked}
          onChange={(event) => setEvidenceChecked(event.target.checked)}
        />{" "}
        {t("ui.impact.evidenceChecked")}
      </label>
      <ErrorMessage error={save.error} />
      <div className="button-row">
        <button type="submit" disabled={save.isPending}>
          {t("ui.impact.saveInterview")}
        </button>
        {onDone ? (
          <button type="button" className="button-secondary" onClick={onDone}>
            {t("ui.impact.cancelEdit")}
          </button>
        ) : null}
      </div>
    </form>
  );
  if (existing) return form;
  return (
    <details>
      <summary>{t("ui.impact.interview", { name })}</summary>
      {form}
    </details>
  );
}
