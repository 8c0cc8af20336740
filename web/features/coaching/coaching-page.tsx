import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CoachView } from "../../../common/schemas/coaching.ts";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { EditDeleteButtons, FormActions, SubmitButton } from "../../components/buttons.tsx";
import { EmptyState, ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { IfThen } from "../action-plans/if-then.tsx";
import { instantFromLocalInput, localDateTimeInput } from "../../lib/dates.ts";
import { useDraft } from "../../lib/draft.ts";
import { onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
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
  const draft = useDraft({
    when: session ? localDateTimeInput(session.scheduledAt) : "",
    notes: session?.notes ?? "",
    planId: session?.planId ?? "",
  });
  const save = useSaveThenRefresh(
    async () => {
      const { when, notes, planId } = draft.values;
      const scheduledAt = instantFromLocalInput(when);
      if (session) await updateSession(session.id, { scheduledAt, notes, planId: planId || null });
      else
        await scheduleSession({
          relationId: coachee.relationId,
          scheduledAt,
          notes,
          ...(planId ? { planId } : {}),
        });
    },
    [coachingKeys.coach()],
    { onSaved: () => draft.set("notes", ""), afterRefresh: () => onDone?.() },
  );
  return (
    <form
      aria-label={session ? t("ui.coaching.editSession") : undefined}
      onSubmit={onSubmitDo(() => save.mutate())}
    >
      <ErrorMessage error={save.error} />
      <Field
        label={t("ui.coaching.when")}
        type="datetime-local"
        {...draft.bind("when", save.error, "scheduledAt")}
      />
      <SelectField label={t("ui.coaching.plan")} {...draft.bind("planId", save.error)}>
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
        {...draft.bind("notes", save.error)}
      />
      <FormActions
        submitLabel={session ? t("ui.coaching.saveChanges") : t("ui.coaching.saveSession")}
        pending={save.isPending}
        onCancel={session ? onDone : undefined}
      />
    </form>
  );
}

/** One session in the coach's list: its notes, and edit or delete (after a confirmation). */
function SessionItem({ coachee, session }: { coachee: Coachee; session: Session }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const remove = useSaveThenRefresh(() => deleteSession(session.id), [coachingKeys.coach()]);
  if (editing)
    return (
      <li>
        <SessionForm coachee={coachee} session={session} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li>
      {formatDateTime(session.scheduledAt, locale)}: {session.notes}
      <EditDeleteButtons
        item={formatDateTime(session.scheduledAt, locale)}
        editLabel={t("ui.coaching.editSession")}
        onEdit={() => setEditing(true)}
        deleteLabel={t("ui.coaching.deleteSession")}
        confirmDelete={t("ui.coaching.confirmDeleteSession")}
        onDelete={() => remove.mutate()}
        deleting={remove.isPending}
      />
      <ErrorMessage error={remove.error} />
      {remove.isSuccess ? <SuccessMessage>{t("ui.coaching.sessionDeleted")}</SuccessMessage> : null}
    </li>
  );
}

/** One coachee: their plans, the sessions so far, and a form for the next. */
function CoacheeCard({ coachee }: { coachee: Coachee }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h2>{coachee.name}</h2>
      {coachee.plans.map((plan) => (
        <p key={plan.id}>
          <IfThen plan={plan} /> ({t("ui.coaching.applied", { count: plan.applications.length })})
        </p>
      ))}
      <ul className="plain-list applications">
        {coachee.sessions.map((s) => (
          <SessionItem key={s.id} coachee={coachee} session={s} />
        ))}
      </ul>
      <SessionForm coachee={coachee} />
    </li>
  );
}

/** Coaching offered so far and to whom it can still be offered. */
function OfferCoaching({ view }: { view: CoachView }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState("");
  const invite = useSaveThenRefresh(
    () => offerCoaching(personId || view.candidates[0]?.personId),
    [coachingKeys.coach()],
  );
  return (
    <section className="card" aria-labelledby="coaching-invite">
      <h2 id="coaching-invite">{t("ui.coaching.offer")}</h2>
      {view.invited.length > 0 ? (
        <ul className="plain-list">
          {view.invited.map((i) => (
            <li key={i.relationId}>
              {i.name}: {t(`ui.coaching.status.${i.status}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {view.candidates.length > 0 ? (
        <form onSubmit={onSubmitDo(() => invite.mutate())}>
          <SelectField
            label={t("ui.coaching.person")}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
          >
            {view.candidates.map((c) => (
              <option key={c.personId} value={c.personId}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <ErrorMessage error={invite.error} />
          <SubmitButton className="button-secondary" pending={invite.isPending}>
            {t("ui.coaching.invite")}
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

/** The coach's screen: offer coaching, and for those who accepted, their plans and the sessions. */
export function CoachingPage() {
  const { t } = useTranslation();
  const view = useCoachView();
  return (
    <Page title={t("ui.coaching.title")}>
      <p className="hint">{t("ui.coaching.intro")}</p>
      <QueryState query={view}>
        {(data) => (
          <>
            {data.coachees.length === 0 ? (
              <EmptyState title={t("ui.coaching.emptyTitle")}>
                <p>{t("ui.coaching.emptyText")}</p>
              </EmptyState>
            ) : null}
            <ul className="plain-list members">
              {data.coachees.map((coachee) => (
                <CoacheeCard key={coachee.relationId} coachee={coachee} />
              ))}
            </ul>
            <OfferCoaching view={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
