import type { RouteObject } from "react-router";
import { PublicLayout, SignedInLayout } from "../components/layout.tsx";
import { type LazyScreen, lazyPage } from "./lazy-page.tsx";

const ForgotPasswordPage = lazyPage(
  () => import("../features/auth/forgot-password-page.tsx"),
  "ForgotPasswordPage",
);
const InvitationPage = lazyPage(() => import("../features/auth/invitation-page.tsx"), "InvitationPage");
const ResetPasswordPage = lazyPage(
  () => import("../features/auth/reset-password-page.tsx"),
  "ResetPasswordPage",
);
// Sign-in, Today and practice show only the texts that come with the app's start.
const SignInPage = lazyPage(() => import("../features/auth/sign-in-page.tsx"), "SignInPage", "first");
const EmailLinkPage = lazyPage(() => import("../features/auth/token-sign-in-page.tsx"), "EmailLinkPage");
const SignInCardPage = lazyPage(() => import("../features/auth/token-sign-in-page.tsx"), "SignInCardPage");
const HomePage = lazyPage(() => import("../features/organisations/home/home-page.tsx"), "HomePage");
const MailboxPage = lazyPage(() => import("../features/notifications/mailbox-page.tsx"), "MailboxPage");
const OrganisationPage = lazyPage(
  () => import("../features/organisations/organisation/organisation-page.tsx"),
  "OrganisationPage",
);
const ImportPage = lazyPage(() => import("../features/organisations/people/import-page.tsx"), "ImportPage");
const PeoplePage = lazyPage(() => import("../features/organisations/people/people-page.tsx"), "PeoplePage");
const PersonPage = lazyPage(() => import("../features/organisations/people/person-page.tsx"), "PersonPage");
const ProfilePage = lazyPage(
  () => import("../features/organisations/profile/profile-page.tsx"),
  "ProfilePage",
);
const TeamsPage = lazyPage(() => import("../features/organisations/teams/teams-page.tsx"), "TeamsPage");
const CohortPage = lazyPage(() => import("../features/cohorts/cohort-page.tsx"), "CohortPage");
const CohortsPage = lazyPage(() => import("../features/cohorts/cohorts-page.tsx"), "CohortsPage");
const PlanCohortPage = lazyPage(() => import("../features/cohorts/plan-cohort-page.tsx"), "PlanCohortPage");
const PosterPage = lazyPage(() => import("../features/culture-scan/poster-page.tsx"), "PosterPage");
const QuestionnairePage = lazyPage(
  () => import("../features/culture-scan/questionnaire-page.tsx"),
  "QuestionnairePage",
);
const ResultsPage = lazyPage(() => import("../features/culture-scan/results-page.tsx"), "ResultsPage");
const ScansPage = lazyPage(() => import("../features/culture-scan/scans-page.tsx"), "ScansPage");
const EvidencePage = lazyPage(() => import("../features/evidence/evidence-page.tsx"), "EvidencePage");
const ImpactPage = lazyPage(() => import("../features/impact/impact-page.tsx"), "ImpactPage");
const NewTrajectoryPage = lazyPage(
  () => import("../features/trajectories/new-trajectory-page.tsx"),
  "NewTrajectoryPage",
);
const TrajectoriesPage = lazyPage(
  () => import("../features/trajectories/trajectories-page.tsx"),
  "TrajectoriesPage",
);
const TrajectoryEditorPage = lazyPage(
  () => import("../features/trajectories/trajectory-editor-page.tsx"),
  "TrajectoryEditorPage",
);
const ActivityPage = lazyPage(() => import("../features/learning/activity-page.tsx"), "ActivityPage");
const ExtraMaterialPage = lazyPage(
  () => import("../features/learning/extra-material-page.tsx"),
  "ExtraMaterialPage",
);
const PracticePage = lazyPage(
  () => import("../features/learning/practice-page.tsx"),
  "PracticePage",
  "first",
);
const TodayPage = lazyPage(() => import("../features/learning/today-page.tsx"), "TodayPage", "first");
const QuestionBankPage = lazyPage(
  () => import("../features/questions/question-bank-page.tsx"),
  "QuestionBankPage",
);
const PlansPage = lazyPage(() => import("../features/action-plans/plans-page.tsx"), "PlansPage");
const TeamPage = lazyPage(() => import("../features/team/team-page.tsx"), "TeamPage");
const DigestActionPage = lazyPage(
  () => import("../features/team/digest-action-page.tsx"),
  "DigestActionPage",
);
const DigestPreviewPage = lazyPage(
  () => import("../features/team/digest-preview-page.tsx"),
  "DigestPreviewPage",
);
const BadgesPage = lazyPage(() => import("../features/badges/badges-page.tsx"), "BadgesPage");
const PassportPage = lazyPage(() => import("../features/badges/passport-page.tsx"), "PassportPage");
const CoachingPage = lazyPage(() => import("../features/coaching/coaching-page.tsx"), "CoachingPage");
const FeedbackPage = lazyPage(() => import("../features/peer-feedback/feedback-page.tsx"), "FeedbackPage");
const NoticesPage = lazyPage(() => import("../features/notices/notices-page.tsx"), "NoticesPage");
const AssessCohortPage = lazyPage(
  () => import("../features/assessment/assessing-page.tsx"),
  "AssessCohortPage",
);
const AssessingPage = lazyPage(() => import("../features/assessment/assessing-page.tsx"), "AssessingPage");
const AiSettingsPage = lazyPage(() => import("../features/ai/ai-settings-page.tsx"), "AiSettingsPage");
const AiAboutPage = lazyPage(() => import("../features/ai/ai-about-page.tsx"), "AiAboutPage");
const XapiClientsPage = lazyPage(
  () => import("../features/xapi-clients/xapi-clients-page.tsx"),
  "XapiClientsPage",
);

/**
 * A screen's path, the screen, and the answer it shows first; a table, so the first screen's code (and,
 * for the learner's daily screens, its answer) can be asked for at start.
 */
type ScreenRoute = readonly [path: string, screen: LazyScreen, firstAnswer?: string];

const publicScreens: readonly ScreenRoute[] = [
  ["/sign-in", SignInPage],
  ["/sign-in/link", EmailLinkPage],
  ["/sign-in/card", SignInCardPage],
  ["/forgot-password", ForgotPasswordPage],
  ["/reset-password", ResetPasswordPage],
  ["/invitation", InvitationPage],
  ["/scan", QuestionnairePage],
  ["/digest-action", DigestActionPage],
];

const signedInScreens: readonly ScreenRoute[] = [
  ["/", HomePage],
  ["/people", PeoplePage],
  ["/people/import", ImportPage],
  ["/people/:personId", PersonPage],
  ["/teams", TeamsPage],
  ["/organisation", OrganisationPage],
  ["/organisation/xapi-clients", XapiClientsPage],
  ["/organisation/ai", AiSettingsPage],
  ["/ai", AiAboutPage],
  ["/mailbox", MailboxPage],
  ["/profile", ProfilePage],
  ["/trajectories", TrajectoriesPage],
  ["/trajectories/new", NewTrajectoryPage],
  ["/trajectories/:trajectoryId", TrajectoryEditorPage],
  ["/trajectories/:trajectoryId/questions", QuestionBankPage],
  ["/today", TodayPage, "/api/me/today"],
  ["/plans", PlansPage],
  ["/passport", PassportPage],
  ["/coaching", CoachingPage],
  ["/feedback", FeedbackPage],
  ["/notices", NoticesPage],
  ["/assess", AssessingPage],
  ["/assess/:cohortId", AssessCohortPage],
  ["/trajectories/:trajectoryId/badges", BadgesPage],
  ["/trajectories/:trajectoryId/impact", ImpactPage],
  ["/team", TeamPage],
  ["/team/digest-preview", DigestPreviewPage],
  ["/practice", PracticePage, "/api/me/practice"],
  ["/learn/:cohortId/extra/:competenceId", ExtraMaterialPage],
  ["/learn/:cohortId/:activityId", ActivityPage],
  ["/cohorts", CohortsPage],
  ["/cohorts/new", PlanCohortPage],
  ["/cohorts/:cohortId", CohortPage],
  ["/evidence", EvidencePage],
  ["/culture-scans", ScansPage],
  ["/culture-scans/:scanId", ResultsPage],
  ["/culture-scans/:scanId/poster", PosterPage],
];

/** The table entry of the screen the router matched (the deepest match carries it as its `handle`). */
type Matches = readonly { route: { handle?: unknown } }[];
const screenOf = (matches: Matches) => matches.at(-1)?.route.handle as ScreenRoute | undefined;

/**
 * Starts fetching the code of the matched screen while the rest of the app still loads (its language,
 * who is signed in), instead of after them: on a slow phone connection each such wait is a round trip
 * of its own. Takes the router's own match at start, so the routes are not matched a second time.
 */
export function preloadScreen(matches: Matches): void {
  void screenOf(matches)?.[1]
    .preload()
    .catch(() => undefined);
}

/** The API address the matched screen shows first, if it is one worth asking for at start. */
export const firstAnswerOf = (matches: Matches): string | undefined => screenOf(matches)?.[2];

const routesOf = (screens: readonly ScreenRoute[]): RouteObject[] =>
  screens.map((entry) => {
    const [path, Screen] = entry;
    return path === "/"
      ? { index: true, element: <Screen />, handle: entry }
      : { path, element: <Screen />, handle: entry };
  });

/**
 * Every screen, by path, as route objects made once. Each domain's screens live in
 * web/features/<domain>/; each screen's code loads when it is first opened (`lazyPage`). The router
 * matches a path once per navigation; a `<Routes>` element inside a catch-all route matched all fifty
 * paths again on every render of the shell, which showed as blocked time on a slow phone (decision 0031).
 */
export const appRoutes: RouteObject[] = [
  { element: <PublicLayout />, children: routesOf(publicScreens) },
  {
    element: <SignedInLayout />,
    children: [...routesOf(signedInScreens), { path: "*", element: <HomePage /> }],
  },
];
