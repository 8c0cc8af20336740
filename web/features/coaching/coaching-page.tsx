import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CoachView } from "../../../common/schemas/coaching.ts";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { coachingKeys, offerCoaching, scheduleSession, useCoachView } from "./coaching-api.ts";

type Coachee = CoachView["coachees"][number];

function SessionForm({ coachee }: { coachee: Coachee }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [when, setWhen] = useState("");
  const [notes, setNotes] = useState("");
  const [planId, setPlanId] = useState("");
  const save = useMutation({
    mutationFn: () =>
      scheduleSession({
        relationId: coachee.relationId,
        scheduledAt: when ? new Date(when).toISOString() : undefined,
        notes,
        ...(planId ? { planId } : {}),
      }),
    onSuccess: async () => {
      setNotes("");
      await client.invalidateQueries({ queryKey: coachingKeys.coach() });
    },
  });
  return (
    <form
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
      />
      <SelectField label={t("ui.coaching.plan")} value={planId} onChange={(e) => setPlanId(e.target.value)}>
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
      />
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t("ui.coaching.saveSession")}
      </button>
    </form>
  );
}

/** The coach's screen: offer coaching, and for those who accepted, their plans and the sessions. */
export function CoachingPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
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
                    <li key={s.id}>
                      {formatDateTime(s.scheduledAt, locale)}: {s.notes}
                    </li>
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
