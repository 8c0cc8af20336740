import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QuestionView } from "../../../common/schemas/questions.ts";
import { ErrorMessage } from "../../components/feedback.tsx";
import { currentLocale, formatDay } from "../../lib/i18n.ts";
import { useQuestionDrafts } from "./ai-api.ts";
import { DraftingProgress, DraftWithAi } from "./draft-with-ai.tsx";
import { ReviewQueue } from "./review-queue.tsx";

/**
 * The question bank's AI part (decision 0028): the "Draft with AI" button and form, the latest job's
 * progress, and the review queue. With AI off, it says so and who can switch it on.
 */
export function AiDraftingSection({
  trajectoryId,
  competences,
}: {
  trajectoryId: string;
  competences: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const drafts = useQuestionDrafts(trajectoryId);
  if (!drafts.data) return <ErrorMessage error={drafts.error} />;
  const { aiEnabled, jobs } = drafts.data;
  const hasPending = drafts.data.drafts.some((d) => d.status === "pending");
  return (
    <>
      {open && aiEnabled ? (
        <DraftWithAi trajectoryId={trajectoryId} competences={competences} onClose={() => setOpen(false)} />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button-secondary"
            aria-describedby={aiEnabled ? undefined : "ai-off-note"}
            onClick={() => setOpen(true)}
            disabled={!aiEnabled}
          >
            {t("ui.ai.draft.open")}
          </button>
          <Link to="/ai">{t("ui.ai.settings.aboutLink")}</Link>
        </div>
      )}
      {aiEnabled ? null : (
        <p className="hint" id="ai-off-note">
          {t("ui.ai.draft.off")}
        </p>
      )}
      <DraftingProgress job={jobs[0]} />
      {hasPending || aiEnabled ? (
        <ReviewQueue trajectoryId={trajectoryId} drafts={drafts.data.drafts} competences={competences} />
      ) : null}
    </>
  );
}

/** The small label on an accepted AI-drafted question in the bank: model, reviewer and day. */
export function AiOriginLabel({ question }: { question: QuestionView }) {
  const { t } = useTranslation();
  if (question.origin !== "ai" || !question.ai) return null;
  return (
    <p className="hint ai-origin">
      {t("ui.ai.origin.detail", {
        model: question.ai.model,
        reviewer: question.ai.reviewedBy ?? t("ui.ai.origin.someone"),
        date: formatDay(question.ai.reviewedAt.slice(0, 10), currentLocale()),
      })}
    </p>
  );
}
