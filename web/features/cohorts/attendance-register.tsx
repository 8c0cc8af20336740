import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  attendanceStatuses,
  type AttendanceBody,
  type AttendanceStatus,
  type AttendanceView,
} from "../../../common/schemas/attendance.ts";
import { ErrorMessage } from "../../components/feedback.tsx";
import { Field, SelectField } from "../../components/field.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { onSubmitDo } from "../../lib/forms.ts";
import { currentLocale, formatDay } from "../../lib/i18n.ts";
import { attendanceApi, attendanceKeys, useAttendance } from "./attendance-api.ts";
import "./attendance.css";

type Entry = AttendanceBody["entries"][number];
type Participant = AttendanceView["participants"][number];

/**
 * Writes entries of one day's register; the answer is the whole register, which replaces the cached
 * one, so every row shows what the server holds.
 */
function useRecord(cohortId: string, sessionDate: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entries: Entry[]) => attendanceApi.record(cohortId, { sessionDate, entries }),
    onSuccess: (view) => client.setQueryData(attendanceKeys.cohort(cohortId), view),
  });
}

/**
 * The attendance register of a cohort, per practice day, for a phone in the room: one row per person,
 * a tap on a status saves it at once (LTEM tier 1, and the hours on the certificates).
 */
export function AttendanceRegister({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const register = useAttendance(cohortId);
  return (
    <SectionCard id="attendance" title={t("ui.attendance.title")} hint={t("ui.attendance.hint")}>
      <QueryState query={register}>{(view) => <DayRegister view={view} cohortId={cohortId} />}</QueryState>
    </SectionCard>
  );
}

/** The latest day that has come is the one a trainer most likely takes the register for. */
const defaultDay = (view: AttendanceView) => view.openDates.at(-1) ?? view.sessionDates[0] ?? "";

function DayRegister({ view, cohortId }: { view: AttendanceView; cohortId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [day, setDay] = useState(() => defaultDay(view));
  const isOpen = view.openDates.includes(day);
  return (
    <>
      <SelectField label={t("ui.attendance.day")} value={day} onChange={(e) => setDay(e.target.value)}>
        {view.sessionDates.map((date) => (
          <option key={date} value={date}>
            {view.openDates.includes(date)
              ? formatDay(date, locale)
              : t("ui.attendance.dayToCome", { date: formatDay(date, locale) })}
          </option>
        ))}
      </SelectField>
      {isOpen ? (
        <DayList key={day} view={view} cohortId={cohortId} day={day} />
      ) : (
        <p className="alert" role="note">
          {t("ui.attendance.notYet")}
        </p>
      )}
    </>
  );
}

function DayList({ view, cohortId, day }: { view: AttendanceView; cohortId: string; day: string }) {
  const { t } = useTranslation();
  const rest = useRecord(cohortId, day);
  const marks = view.participants.map((p) => p.days[day]?.status);
  const count = (status: AttendanceStatus) => marks.filter((m) => m === status).length;
  const open = view.participants.filter((p) => !p.days[day]);
  return (
    <>
      <p className="attendance-summary" aria-live="polite">
        {t("ui.attendance.summary", {
          present: count("present"),
          excused: count("excused"),
          absent: count("absent"),
          open: open.length,
        })}
      </p>
      <ul className="attendance-list">
        {view.participants.map((person) => (
          <AttendanceRow key={person.personId} person={person} cohortId={cohortId} day={day} />
        ))}
      </ul>
      <ErrorMessage error={rest.error} />
      {open.length > 0 ? (
        <div className="button-row">
          <button
            type="button"
            className="button-secondary"
            disabled={rest.isPending}
            onClick={() => rest.mutate(open.map((p) => ({ personId: p.personId, status: "present" })))}
          >
            {t("ui.attendance.restPresent")}
          </button>
        </div>
      ) : null}
    </>
  );
}

/** One person: three big choices that save on a tap, a note behind a disclosure, and what happened. */
function AttendanceRow({ person, cohortId, day }: { person: Participant; cohortId: string; day: string }) {
  const { t } = useTranslation();
  const save = useRecord(cohortId, day);
  const recorded = person.days[day] ?? null;
  // The tapped status shows at once and until the server answered; the ref, set in the same event,
  // makes a second tap on it (a double tap, a slow phone) send nothing.
  const [sending, setSending] = useState<AttendanceStatus | null>(null);
  const inFlight = useRef<AttendanceStatus | null>(null);
  const shown = sending ?? recorded?.status;
  const [note, setNote] = useState(recorded?.note ?? "");
  const choose = (status: AttendanceStatus) => {
    if (inFlight.current === status) return;
    inFlight.current = status;
    setSending(status);
    const entry = { personId: person.personId, status, ...(recorded?.note ? { note: recorded.note } : {}) };
    save.mutate([entry], {
      onSettled: () => {
        inFlight.current = null;
        setSending(null);
      },
    });
  };
  const name = `attendance-${day}-${person.personId}`;
  return (
    <li className="attendance-row">
      <fieldset className="attendance-choices" disabled={save.isPending}>
        <legend>
          <span className="attendance-name">{person.name}</span>
          <span className="attendance-state" aria-live="polite">
            {save.isPending
              ? t("ui.attendance.saving")
              : save.isSuccess
                ? `✓ ${t("ui.attendance.saved")}`
                : recorded
                  ? ""
                  : t("ui.attendance.notRecorded")}
          </span>
        </legend>
        {attendanceStatuses.map((status) => (
          <label key={status} className={`attendance-choice attendance-${status}`}>
            <input
              type="radio"
              name={name}
              value={status}
              checked={shown === status}
              onChange={() => choose(status)}
            />
            <span>{t(`ui.attendance.status.${status}`)}</span>
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={save.error} />
      {recorded ? (
        <details className="attendance-note" open={Boolean(recorded.note)}>
          <summary>
            {recorded.note
              ? `${t("ui.attendance.addNote")}${t("ui.common.colon")}${recorded.note}`
              : t("ui.attendance.addNote")}
          </summary>
          <form
            className="attendance-note-form"
            onSubmit={onSubmitDo(() =>
              save.mutate([{ personId: person.personId, status: recorded.status, note: note.trim() }]),
            )}
            noValidate
          >
            <Field
              label={t("ui.attendance.note", { name: person.name })}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="submit" className="button-secondary" disabled={save.isPending}>
              {t("ui.attendance.saveNote")}
            </button>
          </form>
        </details>
      ) : null}
    </li>
  );
}
