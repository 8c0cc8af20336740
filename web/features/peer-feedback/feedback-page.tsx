import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { attachmentTypes, MAX_ATTACHMENT_BYTES } from "../../../common/schemas/peer-feedback.ts";
import { SelectField, TextAreaField } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { SelectOptions } from "../../components/select-options.tsx";
import { fieldError, onSubmitDo, useFormValues } from "../../lib/forms.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import {
  answerFeedback,
  askFeedback,
  attachmentUrl,
  feedbackKeys,
  useColleagues,
  useMyFeedback,
} from "./peer-feedback-api.ts";

/** Reads a chosen file as base64 (without the data-URL prefix) for the JSON request. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function AskForm() {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const form = useFormValues({ choice: "", about: "" });
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  /** Checked before anything is sent: a 50 MB video is refused at once, not after a long upload. */
  const chooseFile = (input: HTMLInputElement) => {
    const chosen = input.files?.[0] ?? null;
    if (chosen && chosen.size > MAX_ATTACHMENT_BYTES) {
      const mb = new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1 });
      setFileProblem(
        t("ui.feedback.fileTooLarge", {
          size: mb.format(chosen.size / (1024 * 1024)),
          limit: mb.format(MAX_ATTACHMENT_BYTES / (1024 * 1024)),
        }),
      );
      setFile(null);
      input.value = "";
      return;
    }
    setFileProblem(null);
    setFile(chosen);
  };
  const options = (colleagues.data ?? []).flatMap((group) =>
    group.colleagues.map((c) => ({
      value: `${group.cohortId}|${c.id}`,
      label: `${c.name} (${group.cohortName})`,
    })),
  );
  // A feedback task on Today opens this form for its training group (`?cohort=`): that group comes first.
  const [search] = useSearchParams();
  const preselected = options.find((o) => o.value.startsWith(`${search.get("cohort")}|`))?.value;
  const { setValues } = form;
  useEffect(() => {
    if (preselected) setValues((current) => (current.choice ? current : { ...current, choice: preselected }));
  }, [preselected, setValues]);
  const ask = useSaveThenRefresh(
    async () => {
      const [cohortId, colleagueId] = (form.values.choice || options[0]?.value || "|").split("|");
      return askFeedback({
        cohortId,
        colleagueId,
        about: form.values.about,
        ...(file ? { attachment: { name: file.name, type: file.type, data: await readAsBase64(file) } } : {}),
      });
    },
    [feedbackKeys.mine()],
    {
      onSaved: () => {
        form.set({ about: "" });
        setFile(null);
      },
    },
  );
  const attachmentProblem = fieldError(ask.error, "attachment");
  if (options.length === 0) return null;
  return (
    <form className="card" aria-labelledby="ask-feedback" onSubmit={onSubmitDo(() => ask.mutate())}>
      <h2 id="ask-feedback">{t("ui.feedback.ask")}</h2>
      <ErrorMessage error={ask.error} />
      {ask.isSuccess ? <SuccessMessage>{t("ui.feedback.asked")}</SuccessMessage> : null}
      <SelectField
        label={t("fields.colleagueId")}
        {...form.bind("choice")}
        error={fieldError(ask.error, "colleagueId")}
      >
        <SelectOptions items={options} toValue={(o) => o.value} label={(o) => o.label} />
      </SelectField>
      <TextAreaField
        label={t("fields.about")}
        hint={t("ui.feedback.aboutHint")}
        rows={2}
        {...form.bind("about", ask.error)}
      />
      <div className="field">
        <label htmlFor="feedback-file">{t("ui.feedback.file")}</label>
        <input
          id="feedback-file"
          type="file"
          accept={attachmentTypes.join(",")}
          aria-describedby={fileProblem ? "feedback-file-problem" : undefined}
          aria-invalid={fileProblem ? true : undefined}
          onChange={(e) => chooseFile(e.target)}
        />
        {fileProblem ? (
          <p id="feedback-file-problem" className="field-error" role="alert">
            {fileProblem}
          </p>
        ) : attachmentProblem ? (
          <p className="field-error">{attachmentProblem}</p>
        ) : null}
      </div>
      <button type="submit" className="button-primary" disabled={ask.isPending}>
        {t("ui.feedback.send")}
      </button>
    </form>
  );
}

function AnswerForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const form = useFormValues({ wentWell: "", tryNext: "" });
  const answer = useSaveThenRefresh(() => answerFeedback(requestId, form.values), [feedbackKeys.mine()]);
  return (
    <form onSubmit={onSubmitDo(() => answer.mutate())}>
      <ErrorMessage error={answer.error} />
      <TextAreaField label={t("fields.wentWell")} rows={2} {...form.bind("wentWell")} />
      <TextAreaField label={t("fields.tryNext")} rows={2} {...form.bind("tryNext")} />
      <button type="submit" className="button-primary" disabled={answer.isPending}>
        {t("ui.feedback.answer")}
      </button>
    </form>
  );
}

/** Feedback from colleagues in the same training: ask with one question, answer in two short parts. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const feedback = useMyFeedback();
  const data = feedback.data;
  return (
    <Page title={t("ui.feedback.title")}>
      <p className="hint">{t("ui.feedback.intro")}</p>
      <QueryState query={feedback}>
        {({ toAnswer }) =>
          toAnswer.length > 0 ? (
            <SectionCard id="to-answer" title={t("ui.feedback.toAnswer")}>
              <ul className="plain-list">
                {toAnswer.map((r) => (
                  <li key={r.id} className="feedback-request">
                    <p>
                      <strong>{r.requester}</strong>: {r.about}
                    </p>
                    {r.application ? (
                      <p className="hint">{`${r.application.action} — ${r.application.whatHappened}`}</p>
                    ) : null}
                    {r.hasAttachment ? (
                      <p>
                        <a href={attachmentUrl(r.id)} target="_blank" rel="noreferrer">
                          {t("ui.feedback.openFile")}
                        </a>
                      </p>
                    ) : null}
                    {r.answer ? (
                      <p className="hint">{t("ui.feedback.thanks")}</p>
                    ) : (
                      <AnswerForm requestId={r.id} />
                    )}
                  </li>
                ))}
              </ul>
            </SectionCard>
          ) : null
        }
      </QueryState>
      <AskForm />
      {data ? (
        <SectionCard id="asked" title={t("ui.feedback.mine")}>
          {data.asked.length === 0 ? (
            <EmptyState title={t("ui.feedback.emptyTitle")}>
              <p>{t("ui.feedback.emptyText")}</p>
            </EmptyState>
          ) : (
            <ul className="plain-list">
              {data.asked.map((r) => (
                <li key={r.id} className="feedback-request">
                  <p>
                    {r.about} · <strong>{r.colleague}</strong>
                  </p>
                  {r.answer ? (
                    <dl>
                      <dt>{t("fields.wentWell")}</dt>
                      <dd>{r.answer.wentWell}</dd>
                      <dt>{t("fields.tryNext")}</dt>
                      <dd>{r.answer.tryNext}</dd>
                    </dl>
                  ) : (
                    <p className="hint">{t("ui.feedback.waiting")}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
      ) : null}
    </Page>
  );
}
