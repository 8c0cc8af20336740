/**
 * The catalogue entries the first screens need: the shell (navigation, language switch, offline
 * notices, loading and error states), sign-in, Today and practice. Each language's catalogue is cut in
 * two at build time (`scripts/catalogue-parts.ts`): these entries come with the app's start, the rest
 * (nine tenths of the bytes, most of it for coordinators and designers) with the first screen that
 * needs it (decision 0031). A path names a section and everything under it.
 *
 * A key used by one of these screens and missing here would show as a bare key: add its section when
 * such a screen starts using a new one (`first-screen-texts.test.ts` reads the screens' code for them).
 */
export const firstScreenTexts: readonly string[] = [
  // The shell and shared components.
  "ui.app",
  "ui.nav",
  "ui.language",
  "ui.common",
  "ui.offline",
  "ui.notices",
  // Sign-in, with an email link or the organisation's provider.
  "ui.signIn",
  "ui.emailLink",
  "ui.sso.button",
  "ui.sso.buttonHint",
  "ui.sso.going",
  "ui.sso.needEmail",
  "ui.sso.failures",
  "fields.code",
  "fields.email",
  "fields.password",
  // Today and practice.
  "ui.today",
  "ui.tasks",
  "ui.pulse",
  "ui.activityTypes",
  "ui.trajectory.minutes",
  "ui.practice",
  "ui.practiceRecap",
  "ui.practiceForecast",
  "ui.ai.learnerLabel",
];
