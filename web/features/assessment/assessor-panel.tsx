import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RUBRIC_LEVELS, RUBRIC_MAX, type AssessmentBoard } from "../../../common/schemas/attendance.ts";
import { SubmitButton } from "../../components/buttons.tsx";
import { CheckboxGroup } from "../../components/checkbox-group.tsx";
import { RadioGroup } from "../../components/choices.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { SelectField, TextAreaField } from "../../components/field.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { ApiError } from "../../lib/api.ts";
import { fieldError, onSubmitDo } from "../../lib/forms.ts";
import { currentLocale, formatDay } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { usePeople } from "../organisations/people/people-api.ts";
import { assessmentApi, assessmentKeys, useAssessmentBoard } from "./assessment-api.ts";
import "./assessment.css";

type Participant = AssessmentBoard["participants"][number];

/**
 * The assessor form on the cohort page: score a participant's competence proof on the rubric, with
 * feedback she reads on the proof's page. Shown to whoever may assess (designers, coordinators, the
 * cohort's named assessors); for anyone else the section is left out.
 */
export function AssessorPanel({
  cohortId,
  notAllowed = null,
}: {
  cohortId: string;
  /** What to show instead to someone who may not assess this cohort (the cohort page shows nothing). */
  notAllowed?: ReactNode;
}) {
  const { t } = useTranslation();
  const board = useAssessmentBoard(cohortId);
  if (board.error instanceof ApiError && [403, 404].includes(board.error.status)) return notAllowed;
  return (
    <SectionCard id="assessments" title={t("ui.assessment.title")} hint={t("ui.assessment.hint")}>
      <ErrorMessage error={board.error} />
      {board.data ? (
        board.data.proofs.length === 0 ? (
          <p>{t("ui.assessment.noProof")}</p>
        ) : (
          <>
            <AssessorForm cohortId={cohortId} board={board.data} />
            {board.data.canNameAssessors ? <AssessorsForm cohortId={cohortId} board={board.data} /> : null}
          </>
        )
      ) : null}
    </SectionCard>
  );
}

function AssessorForm({ cohortId, board }: { cohortId: string; board: AssessmentBoard }) {
  const { t } = useTranslation();
  const [activityId, setActivityId] = useState(board.proofs[0]!.activityId);
  const [personId, setPersonId] = useState("");
  const person = board.participants.find((p) => p.personId === personId);
  const scoredLabel = (p: Participant) =>
    p.results.some((r) => r.activityId === activityId)
      ? t("ui.assessment.scoredPerson", { name: p.name })
      : p.name;
  return (
    <div className="form">
      {board.proofs.length > 1 ? (
        <SelectField
          label={t("ui.assessment.proof")}
          value={activityId}
          onChange={(e) => setActivityId(e.target.value)}
        >
          {board.proofs.map((proof) => (
            <option key={proof.activityId} value={proof.activityId}>
              {proof.title}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>
          <strong>{board.proofs[0]!.title}</strong>
        </p>
      )}
      <SelectField
        label={t("ui.assessment.person")}
        value={personId}
        onChange={(e) => setPersonId(e.target.value)}
      >
        <option value="">{t("ui.assessment.choosePerson")}</option>
        {board.participants.map((p) => (
          <option key={p.personId} value={p.personId}>
            {scoredLabel(p)}
          </option>
        ))}
      </SelectField>
      {person ? (
        <ScoreForm
          key={`${activityId}-${person.personId}`}
          cohortId={cohortId}
          board={board}
          activityId={activityId}
          person={person}
        />
      ) : null}
    </div>
  );
}

/** One participant's scores per competence and the feedback; an earlier assessment fills it in. */
function ScoreForm({
  cohortId,
  board,
  activityId,
  person,
}: {
  cohortId: string;
  board: AssessmentBoard;
  activityId: string;
  person: Participant;
}) {
  const { t } = useTranslation();
  const earlier = person.results.find((r) => r.activityId === activityId);
  const [scores, setScores] = useState<Record<string, number>>(() =>
    Object.fromEntries(
      (earlier?.scores ?? []).filter((s) => s.max === RUBRIC_MAX).map((s) => [s.competenceId, s.score]),
    ),
  );
  const [comment, setComment] = useState(earlier?.comment ?? "");
  const [missing, setMissing] = useState(false);
  const [savedFor, setSavedFor] = useState<string | null>(null);
  const save = useSaveThenRefresh(
    () =>
      assessmentApi.record(cohortId, {
        personId: person.personId,
        activityId,
        scores: board.competences.map((c) => ({ competenceId: c.id, score: scores[c.id]!, max: RUBRIC_MAX })),
        comment: comment.trim(),
      }),
    [assessmentKeys.board(cohortId), assessmentKeys.assessing(), ["impact"]],
    { onSaved: () => setSavedFor(person.name) },
  );
  const submit = () => {
    const complete = board.competences.every((c) => scores[c.id] !== undefined);
    setMissing(!complete);
    setSavedFor(null);
    if (complete) save.mutate();
  };
  const levels = RUBRIC_LEVELS.map((level) => ({ value: level, label: t(`ui.assessment.level.${level}`) }));
  return (
    <form className="form" onSubmit={onSubmitDo(submit)} noValidate>
      {earlier ? (
        <p className="hint">
          {t("ui.assessment.lastBy", {
            name: earlier.assessedBy ?? "—",
            date: formatDay(earlier.assessedAt.slice(0, 10), currentLocale()),
          })}
        </p>
      ) : null}
      <ErrorMessage error={save.error} />
      {missing ? (
        <p className="alert alert-error" role="alert">
          {t("ui.assessment.needAll")}
        </p>
      ) : null}
      {board.competences.map((competence) => (
        <RadioGroup
          key={competence.id}
          legend={competence.name}
          name={`score-${competence.id}`}
          options={levels}
          value={scores[competence.id]}
          onChange={(level) => setScores({ ...scores, [competence.id]: level })}
        />
      ))}
      <TextAreaField
        label={t("fields.comment")}
        hint={t("ui.assessment.commentHint")}
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={fieldError(save.error, "comment")}
      />
      {savedFor ? <SuccessMessage>{t("ui.assessment.saved", { name: savedFor })}</SuccessMessage> : null}
      <SubmitButton pending={save.isPending}>{t("ui.assessment.save")}</SubmitButton>
    </form>
  );
}

/** The people named as assessor for this cohort, besides its designers and coordinators. */
function AssessorsForm({ cohortId, board }: { cohortId: string; board: AssessmentBoard }) {
  const { t } = useTranslation();
  const people = usePeople();
  const [chosen, setChosen] = useState(board.assessors.map((a) => a.personId));
  const [saved, setSaved] = useState(false);
  const save = useSaveThenRefresh(
    () => assessmentApi.nameAssessors(cohortId, chosen),
    [assessmentKeys.board(cohortId)],
    { onSaved: () => setSaved(true) },
  );
  const options = (people.data ?? [])
    .filter((p) => p.status !== "deactivated" || chosen.includes(p.id))
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <details className="assessors">
      <summary>
        {t("ui.assessment.assessors")}
        {board.assessors.length > 0 ? `: ${board.assessors.map((a) => a.name).join(", ")}` : ""}
      </summary>
      <form className="form" onSubmit={onSubmitDo(() => save.mutate())} noValidate>
        <ErrorMessage error={save.error ?? people.error} />
        <CheckboxGroup
          legend={t("ui.assessment.assessors")}
          hint={t("ui.assessment.assessorsHint")}
          options={options}
          value={chosen}
          onChange={(next) => {
            setSaved(false);
            setChosen(next);
          }}
          error={fieldError(save.error, "personIds")}
        />
        {saved ? <SuccessMessage>{t("ui.assessment.assessorsSaved")}</SuccessMessage> : null}
        <SubmitButton pending={save.isPending}>{t("ui.assessment.saveAssessors")}</SubmitButton>
      </form>
    </details>
  );
}
