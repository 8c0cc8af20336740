import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CohortDetail } from "../../../common/schemas/cohorts.ts";
import { ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { ApiError } from "../../lib/api.ts";
import { useDraft } from "../../lib/draft.ts";
import { onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { FormActions } from "../../components/buttons.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { hasRole, useMe } from "../../lib/session.ts";
import { CohortCertificates } from "../certificates/cohort-certificates.tsx";
import { usePeople } from "../organisations/people/people-api.ts";
import { ConfirmInline } from "../trajectories/guarded-editor.tsx";
import { AssessorPanel } from "../assessment/assessor-panel.tsx";
import { AttendanceRegister } from "./attendance-register.tsx";
import { CohortCalendar, CohortCalendarDownload, formatDay, MovedActivities } from "./calendar.tsx";
import { CohortFields, type CohortDraft } from "./cohort-fields.tsx";
import { cohortKeys, cohortsApi, useCohort } from "./cohorts-api.ts";

export function CohortPage() {
  const { t } = useTranslation();
  const { cohortId = "" } = useParams();
  const cohort = useCohort(cohortId);
  const me = useMe();
  const canPlan = hasRole(me.data, "designer") || hasRole(me.data, "coordinator");
  const locale = currentLocale();
  const [saved, setSaved] = useState(false);
  // A manager sees only their own teams' cohorts; another team's is "not found" on the server, which
  // here says what it means for them instead of a bare error.
  const notTheirs = !canPlan && cohort.error instanceof ApiError && [403, 404].includes(cohort.error.status);
  return (
    <Page title={notTheirs ? t("ui.cohorts.notYoursTitle") : (cohort.data?.name ?? t("ui.cohorts.title"))}>
      <p>
        <Link to="/cohorts">← {t("ui.cohorts.back")}</Link>
      </p>
      {cohort.isLoading ? <Loading /> : null}
      {notTheirs ? (
        <p className="alert">{t("ui.cohorts.notYours")}</p>
      ) : (
        <ErrorMessage error={cohort.error} />
      )}
      {cohort.data ? (
        <>
          {cohort.data.cancelledAt ? (
            <p className="alert alert-error" role="note">
              {t("ui.cohorts.cancelledNotice", {
                date: formatDay(cohort.data.cancelledAt.slice(0, 10), locale),
              })}
            </p>
          ) : null}
          {saved ? <SuccessMessage>{t("ui.cohorts.savedChanges")}</SuccessMessage> : null}
          <section className="card" aria-labelledby="cohort-facts">
            <h2 id="cohort-facts">
              <Link to={`/trajectories/${cohort.data.trajectory.id}`}>{cohort.data.trajectory.title}</Link>
            </h2>
            <p>
              {t("ui.cohorts.practiceDays")}
              {t("ui.common.colon")}
              {cohort.data.sessionDates.map((d) => formatDay(d, locale)).join(", ")}
            </p>
            <details>
              <summary>{t("ui.cohorts.participants", { count: cohort.data.participants.length })}</summary>
              <ul className="columns">
                {cohort.data.participants.map((p) => (
                  <li key={p.id}>{p.name}</li>
                ))}
              </ul>
            </details>
            <p className="hint">{t("ui.cohorts.assignments", { count: cohort.data.assignments.length })}</p>
          </section>
          {canPlan && !cohort.data.cancelledAt ? (
            <CohortChanges key={cohort.dataUpdatedAt} cohort={cohort.data} onSaved={() => setSaved(true)} />
          ) : null}
          {canPlan ? <AttendanceRegister cohortId={cohort.data.id} /> : null}
          <AssessorPanel cohortId={cohort.data.id} />
          <section className="card" aria-labelledby="cohort-schedule">
            <h2 id="cohort-schedule">{t("ui.cohorts.schedule")}</h2>
            <CohortCalendar
              schedule={cohort.data.schedule}
              sessionDates={cohort.data.sessionDates}
              locale={locale}
            />
            <MovedActivities schedule={cohort.data.schedule} locale={locale} />
            {canPlan ? <CohortCalendarDownload cohortId={cohort.data.id} /> : null}
          </section>
          {hasRole(me.data, "coordinator") ? (
            <CohortCertificates cohortId={cohort.data.id} participants={cohort.data.participants} />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

/** Change the name, practice days and participants, or cancel the cohort (after a confirmation). */
function CohortChanges({ cohort, onSaved }: { cohort: CohortDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const people = usePeople();
  const [open, setOpen] = useState(false);
  const draft = useDraft<CohortDraft>({
    name: cohort.name,
    dates: cohort.sessionDates,
    personIds: cohort.participants.map((p) => p.id),
  });
  const { name, dates, personIds } = draft.values;
  // The answer is the changed cohort: it replaces the cached one, and the list is fetched again.
  const replaceCached = (updated: CohortDetail) => client.setQueryData(cohortKeys.detail(cohort.id), updated);
  const update = useSaveThenRefresh(
    () =>
      cohortsApi.update(cohort.id, {
        name,
        sessionDates: dates.filter(Boolean),
        ...(personIds.join() === cohort.participants.map((p) => p.id).join() ? {} : { personIds }),
      }),
    [cohortKeys.list()],
    { onSaved: replaceCached, afterRefresh: onSaved },
  );
  const cancel = useSaveThenRefresh(() => cohortsApi.cancel(cohort.id), [cohortKeys.list()], {
    onSaved: replaceCached,
  });
  const choosable = (people.data ?? []).filter((p) => p.status !== "deactivated" || personIds.includes(p.id));
  return (
    <section className="card" aria-labelledby="cohort-changes">
      <h2 id="cohort-changes">{t("ui.cohorts.changeTitle")}</h2>
      {open ? (
        <form className="form" onSubmit={onSubmitDo(() => update.mutate())} noValidate>
          <ErrorMessage error={update.error} />
          <p className="hint">{t("ui.cohorts.changeHint")}</p>
          <CohortFields draft={draft} error={update.error} people={choosable} />
          <FormActions
            submitLabel={t("ui.cohorts.saveChanges")}
            pending={update.isPending}
            onCancel={() => setOpen(false)}
            cancelLabel={t("ui.common.close")}
          />
        </form>
      ) : (
        <div className="button-row">
          <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
            {t("ui.cohorts.change")}
          </button>
        </div>
      )}
      <ErrorMessage error={cancel.error} />
      <ConfirmInline
        label={t("ui.cohorts.cancel")}
        question={t("ui.cohorts.cancelConfirm", { name: cohort.name })}
        confirmLabel={t("ui.cohorts.cancelYes")}
        keepLabel={t("ui.cohorts.cancelNo")}
        busy={cancel.isPending}
        onConfirm={() => cancel.mutate()}
      />
    </section>
  );
}
