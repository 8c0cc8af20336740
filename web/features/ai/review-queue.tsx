import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ItemButton } from "../../components/buttons.tsx";
import { EmptyState, ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { refresh, useSaveThenRefresh } from "../../lib/mutations.ts";
import { questionKeys } from "../questions/questions-api.ts";
import { QuestionForm } from "../questions/question-form.tsx";
import { aiApi, aiKeys, type QuestionDraftView } from "./ai-api.ts";

/** The draft as a question view, for the question form when a designer edits before accepting. */
const asQuestionView = (draft: QuestionDraftView) => ({
  ...draft.question,
  id: draft.id,
  level: draft.question.level,
  situation: draft.question.situation ?? null,
  modelAnswer: draft.question.modelAnswer ?? null,
  options: draft.question.options.map((o, i) => ({ ...o, id: o.id ?? String(i) })),
  updatedAt: draft.createdAt,
  origin: "ai" as const,
  ai: null,
});

function DraftCard({
  draft,
  competence,
  onEdit,
  accept,
  reject,
  busy,
}: {
  draft: QuestionDraftView;
  competence: string;
  onEdit: () => void;
  accept: () => void;
  reject: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const q = draft.question;
  return (
    <li className="question-item ai-draft" aria-labelledby={`draft-${draft.id}`}>
      <div>
        <p className="tag">
          <strong className="ai-label">{t("ui.ai.review.label")}</strong> ·{" "}
          {t(`ui.questions.kinds.${q.kind}`)} · {competence}
        </p>
        <p className="hint">
          {t("ui.ai.review.meta", {
            model: draft.model,
            date: formatDateTime(draft.createdAt, currentLocale()),
            source: draft.source ?? t("ui.ai.review.noSource"),
          })}
        </p>
        {draft.repaired ? <p className="hint">{t("ui.ai.review.repaired")}</p> : null}
        {q.situation ? <p className="situation">{q.situation}</p> : null}
        <strong id={`draft-${draft.id}`}>{q.prompt}</strong>
        {q.kind === "open" ? (
          <p>{q.modelAnswer}</p>
        ) : (
          <ul>
            {q.options.map((option) => (
              <li key={option.id ?? option.text}>
                {option.text}
                {option.correct ? <strong> ({t("ui.ai.review.correct")})</strong> : null}
                <br />
                <span className="hint">{option.feedback}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="button-row">
        <ItemButton item={q.prompt} className="button-primary small" disabled={busy} onClick={accept}>
          {t("ui.ai.review.accept")}
        </ItemButton>
        <ItemButton item={q.prompt} className="button-secondary small" disabled={busy} onClick={onEdit}>
          {t("ui.ai.review.edit")}
        </ItemButton>
        <ItemButton item={q.prompt} className="button-danger small" disabled={busy} onClick={reject}>
          {t("ui.ai.review.reject")}
        </ItemButton>
      </div>
    </li>
  );
}

/**
 * The review queue (decision 0028): every AI draft waits here, labelled with model, date and source,
 * until a designer accepts it (as is or edited) or rejects it. Nothing here reaches a learner.
 */
export function ReviewQueue({
  trajectoryId,
  drafts,
  competences,
}: {
  trajectoryId: string;
  drafts: QuestionDraftView[];
  competences: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState<QuestionDraftView | null>(null);
  const [done, setDone] = useState<"accepted" | "rejected" | null>(null);
  const stale = [aiKeys.drafts(trajectoryId), questionKeys.bank(trajectoryId)];
  const accept = useSaveThenRefresh((id: string) => aiApi.accept(trajectoryId, id, {}), stale, {
    onSaved: () => setDone("accepted"),
  });
  const reject = useSaveThenRefresh((id: string) => aiApi.reject(trajectoryId, id), stale, {
    onSaved: () => setDone("rejected"),
  });
  const pending = drafts.filter((d) => d.status === "pending");
  const nameOf = (id: string) => competences.find((c) => c.id === id)?.name ?? "";
  return (
    <SectionCard
      id="review-queue"
      title={t("ui.ai.review.title", { count: pending.length })}
      hint={t("ui.ai.review.hint")}
    >
      <ErrorMessage error={accept.error ?? reject.error} />
      {done ? <SuccessMessage>{t(`ui.ai.review.${done}`)}</SuccessMessage> : null}
      {editing ? (
        <QuestionForm
          key={editing.id}
          trajectoryId={trajectoryId}
          competences={competences}
          editing={asQuestionView(editing)}
          saveWith={async (question) => {
            await aiApi.accept(trajectoryId, editing.id, { question });
            setDone("accepted");
            await refresh(client, stale);
          }}
          saveLabel={t("ui.ai.review.acceptEdited")}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {pending.length === 0 ? (
        <EmptyState title={t("ui.ai.review.empty")} />
      ) : (
        <ul className="plain-list">
          {pending.map((draft) => (
            <DraftCard
              key={draft.id}
              draft={draft}
              competence={nameOf(draft.question.competenceId)}
              onEdit={() => setEditing(draft)}
              accept={() => accept.mutate(draft.id)}
              reject={() => reject.mutate(draft.id)}
              busy={accept.isPending || reject.isPending}
            />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
