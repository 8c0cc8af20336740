/**
 * The hours on a certificate and a training record, counted from what is on record and nothing else:
 *
 * - Practice-day hours: the minutes of the activities scheduled on a practice day, for each practice day
 *   on which the learner was registered present. A day without a register entry, marked absent, or with
 *   any other status (excused, say) counts as not attended: a certificate only states what someone saw.
 * - Own work: the minutes of every other activity (online modules, assignments, check-ins) that the
 *   learner's task states call done, by the same rules as her Today list.
 *
 * The two are kept apart on every document, because subsidy schemes and auditors ask for contact hours
 * and self-study separately, and a practice day attended is not the same evidence as a module ticked off.
 */
export interface ScheduledWork {
  activityId: string;
  phase: string;
  date: string;
  durationMinutes: number;
}

export interface HoursInput {
  schedule: readonly ScheduledWork[];
  sessionDates: readonly string[];
  /** Register entries for this learner and cohort; only `present === true` counts as attended. */
  attendance: readonly { sessionDate: string; status: string }[];
  /** The ids of the activities her task states call done. */
  doneActivityIds: ReadonlySet<string>;
}

export interface Hours {
  practiceDaysAttended: number;
  practiceDaysTotal: number;
  practiceMinutes: number;
  ownWorkMinutes: number;
  totalMinutes: number;
}

/** An activity that belongs to a practice day: in the session phase and on one of the cohort's days. */
const onPracticeDay = (work: ScheduledWork, sessionDates: ReadonlySet<string>) =>
  work.phase === "session" && sessionDates.has(work.date);

export function hoursOf({ schedule, sessionDates, attendance, doneActivityIds }: HoursInput): Hours {
  const days = new Set(sessionDates);
  const attended = new Set(
    attendance
      .filter((entry) => entry.status === "present" && days.has(entry.sessionDate))
      .map((e) => e.sessionDate),
  );
  let practiceMinutes = 0;
  let ownWorkMinutes = 0;
  for (const work of schedule) {
    if (onPracticeDay(work, days)) {
      if (attended.has(work.date)) practiceMinutes += work.durationMinutes;
    } else if (doneActivityIds.has(work.activityId)) {
      ownWorkMinutes += work.durationMinutes;
    }
  }
  return {
    practiceDaysAttended: attended.size,
    practiceDaysTotal: days.size,
    practiceMinutes,
    ownWorkMinutes,
    totalMinutes: practiceMinutes + ownWorkMinutes,
  };
}

/** Minutes as hours, to the quarter hour below: a record never rounds anyone's time up. */
export const quarterHours = (minutes: number): number => Math.floor(minutes / 15) / 4;
