import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CoachView } from "../../../common/schemas/coaching.ts";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { fieldError } from "../../lib/forms.ts";
import {
  coachingKeys,
  deleteSession,
  offerCoaching,
  scheduleSession,
  updateSession,
  useCoachView,
} from "./coaching-api.ts";

type Coachee = CoachView["coachees"][number];
type Session = Coachee["sessions"][number];

/** An ISO instant as the value of <input type="datetime-local">, in the browser's time zone. */
function localInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A new session, or (with `session`) a correction of one the coach holds. */
function SessionForm({
  coachee,
  session,
  onDone,
}: {
  coachee: Coachee;
  session?: Session;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [when, setWhen] = useState(session ? localInput(session.scheduledAt) : "");
  const [notes, setNotes] = useState(session?.notes ?? "");
  const [planId, setPlanId] = useState(session?.planId ?? "");
  const save = useMutation({
    mutationFn: async () => {
      const scheduledAt = when ? new Date(when).toISOString() : undefined;
      if (session) await updateSession(session.id, { scheduledAt, notes, planId: planId || null });
      else
        await scheduleSession({
          relationId: coachee.relationId,
          scheduledAt,
          notes,
          ...(planId ? { planId } : {}),
        });
    },
    onSuccess: async () => {
      setNotes("");
      await client.invalidateQueries({ queryKey: coachingKeys.coach() });
      onDone?.();
    },
  });
  return (
    <form
      aria-label={session ? t("ui.coaching.editSession") : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <ErrorMessage error={save.error} />
      <Field
        label={t("ui.coaching.when")}
        type="datetime-local"
        value={when}
        onChange={(e) => setWhen(e.target.value)}
        error={fieldError(save.error, "scheduledAt")}
      />
      <SelectField
        label={t("ui.coaching.plan")}
        value={planId}
        onChange={(e) => setPlanId(e.target.value)}
        error={fieldError(save.error, "planId")}
      >
        <option value="">{t("ui.coaching.noPlan")}</option>
        {coachee.plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {plan.action}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("ui.coaching.notes")}
        hint={t("ui.coaching.notesHint")}
        rows={3}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={fieldError(save.error, "notes")}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {session ? t("ui.coaching.saveChanges") : t("ui.coaching.saveSession")}
        </button>
        {session ? (
          <button type="button" className="button-secondary" onClick={onDone}>
            {t("ui.common.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** One session in the coach's list: its notes, and edit or delete (after a confirmation). */
function SessionItem({ coachee, session }: { coachee: Coachee; session: Session }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteSession(session.id),
    onSuccess: () => client.invalidateQueries({ queryKey: coachingKeys.coach() }),
  });
  if (editing)
    return (
      <li>
        <SessionForm coachee={coachee} session={session} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li>
      {formatDateTime(session.scheduledAt, locale)}: {session.notes}
      <div className="button-row">
        <button type="button" className="button-secondary small" onClick={() => setEditing(true)}>
          {t("ui.coaching.editSession")}
          <span className="visually-hidden"> {formatDateTime(session.scheduledAt, locale)}</span>
        </button>
        <button
          type="button"
          className="button-secondary small"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(t("ui.coaching.confirmDeleteSession"))) remove.mutate();
          }}
        >
          {t("ui.coaching.deleteSession")}
          <span className="visually-hidden"> {formatDateTime(session.scheduledAt, locale)}</span>
        </button>
      </div>
      <ErrorMessage error={remove.error} />
      {remove.isSuccess ? <SuccessMessage>{t("ui.coaching.sessionDeleted")}</SuccessMessage> : null}
    </li>
  );
}

/** The coach's screen: offer coaching, and for those who accepted, their plans and the sessions. */
export function CoachingPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const view = useCoachView();
  const [personId, setPersonId] = useState("");
  const invite = useMutation({
    mutationFn: () => offerCoaching(personId || view.data?.candidates[0]?.personId),
    onSuccess: () => client.invalidateQueries({ queryKey: coachingKeys.coach() }),
  });
  const data = view.data;
  return (
    <Page title={t("ui.coaching.title")}>
      <p className="hint">{t("ui.coaching.intro")}</p>
      {view.isLoading ? <Loading /> : null}
      <ErrorMessage error={view.error} />
      {data ? (
        <>
          {data.coachees.length === 0 ? (
            <EmptyState title={t("ui.coaching.emptyTitle")}>
              <p>{t("ui.coaching.emptyText")}</p>
            </EmptyState>
          ) : null}
          <ul className="plain-list members">
            {data.coachees.map((coachee) => (
              <li key={coachee.relationId} className="card">
                <h2>{coachee.name}</h2>
                {coachee.plans.map((plan) => (
                  <p key={plan.id}>
                    <strong>{t("ui.plans.whenShort")}</strong> {plan.situation}{" "}
                    <strong>{t("ui.plans.thenShort")}</strong> {plan.action} (
                    {t("ui.coaching.applied", { count: plan.applications.length })})
                  </p>
                ))}
                <ul className="plain-list applications">
                  {coachee.sessions.map((s) => (
                    <SessionItem key={s.id} coachee={coachee} session={s} />
                  ))}
                </ul>
                <SessionForm coachee={coachee} />
              </li>
            ))}
          </ul>
          <section className="card" aria-labelledby="coaching-invite">
            <h2 id="coaching-invite">{t("ui.coaching.offer")}</h2>
            {data.invited.length > 0 ? (
              <ul className="plain-list">
                {data.invited.map((i) => (
                  <li key={i.relationId}>
                    {i.name}: {t(`ui.coaching.status.${i.status}`)}
                  </li>
                ))}
              </ul>
            ) : null}
            {data.candidates.length > 0 ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  invite.mutate();
                }}
              >
                <SelectField
                  label={t("ui.coaching.person")}
                  value={personId}
                  onChange={(e) => setPersonId(e.target.value)}
                >
                  {data.candidates.map((c) => (
                    <option key={c.personId} value={c.personId}>
                      {c.name}
                    </option>
                  ))}
                </SelectField>
                <ErrorMessage error={invite.error} />
                <button type="submit" className="button-secondary" disabled={invite.isPending}>
                  {t("ui.coaching.invite")}
                </button>
              </form>
            ) : null}
          </section>
        </>
      ) : null}
    </Page>
  );
}
