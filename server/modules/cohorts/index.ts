/** What other modules may use of this one; everything else in the folder is its own business. */
export {
  competenceName,
  enrolmentChoices,
  enrolmentOf,
  enrolmentsOf,
  enrolmentsOfPeople,
  learnerSettings,
  learnerSettingsOfPeople,
  participantsOf,
  practiceStarted,
  readingMinutes,
  saveProgress,
  scheduleOf,
  timeZoneOf,
} from "./enrolments.ts";
export type { Enrolment, LearnerSettings } from "./enrolments.ts";
export { computeSchedule } from "./schedule.ts";
export { calendarOf } from "./calendar-of.ts";
