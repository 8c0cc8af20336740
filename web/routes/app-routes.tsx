import { Route, Routes } from "react-router";
import { PublicLayout, SignedInLayout } from "../components/layout.tsx";
import { lazyPage } from "./lazy-page.tsx";

const ForgotPasswordPage = lazyPage(
  () => import("../features/auth/forgot-password-page.tsx"),
  "ForgotPasswordPage",
);
const InvitationPage = lazyPage(() => import("../features/auth/invitation-page.tsx"), "InvitationPage");
const ResetPasswordPage = lazyPage(
  () => import("../features/auth/reset-password-page.tsx"),
  "ResetPasswordPage",
);
const SignInPage = lazyPage(() => import("../features/auth/sign-in-page.tsx"), "SignInPage");
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
const PracticePage = lazyPage(() => import("../features/learning/practice-page.tsx"), "PracticePage");
const TodayPage = lazyPage(() => import("../features/learning/today-page.tsx"), "TodayPage");
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
 * Every screen, by path. Each domain's screens live in web/features/<domain>/; each screen's code loads
 * when it is first opened (`lazyPage`).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-in/link" element={<EmailLinkPage />} />
        <Route path="/sign-in/card" element={<SignInCardPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/scan" element={<QuestionnairePage />} />
        <Route path="/digest-action" element={<DigestActionPage />} />
      </Route>
      <Route element={<SignedInLayout />}>
        <Route index element={<HomePage />} />
        <Route path="/people" element={<PeoplePage />} />
        <Route path="/people/import" element={<ImportPage />} />
        <Route path="/people/:personId" element={<PersonPage />} />
        <Route path="/teams" element={<TeamsPage />} />
        <Route path="/organisation" element={<OrganisationPage />} />
        <Route path="/organisation/xapi-clients" element={<XapiClientsPage />} />
        <Route path="/organisation/ai" element={<AiSettingsPage />} />
        <Route path="/ai" element={<AiAboutPage />} />
        <Route path="/mailbox" element={<MailboxPage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/trajectories" element={<TrajectoriesPage />} />
        <Route path="/trajectories/new" element={<NewTrajectoryPage />} />
        <Route path="/trajectories/:trajectoryId" element={<TrajectoryEditorPage />} />
        <Route path="/trajectories/:trajectoryId/questions" element={<QuestionBankPage />} />
        <Route path="/today" element={<TodayPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/passport" element={<PassportPage />} />
        <Route path="/coaching" element={<CoachingPage />} />
        <Route path="/feedback" element={<FeedbackPage />} />
        <Route path="/notices" element={<NoticesPage />} />
        <Route path="/assess" element={<AssessingPage />} />
        <Route path="/assess/:cohortId" element={<AssessCohortPage />} />
        <Route path="/trajectories/:trajectoryId/badges" element={<BadgesPage />} />
        <Route path="/trajectories/:trajectoryId/impact" element={<ImpactPage />} />
        <Route path="/team" element={<TeamPage />} />
        <Route path="/team/digest-preview" element={<DigestPreviewPage />} />
        <Route path="/practice" element={<PracticePage />} />
        <Route path="/learn/:cohortId/extra/:competenceId" element={<ExtraMaterialPage />} />
        <Route path="/learn/:cohortId/:activityId" element={<ActivityPage />} />
        <Route path="/cohorts" element={<CohortsPage />} />
        <Route path="/cohorts/new" element={<PlanCohortPage />} />
        <Route path="/cohorts/:cohortId" element={<CohortPage />} />
        <Route path="/evidence" element={<EvidencePage />} />
        <Route path="/culture-scans" element={<ScansPage />} />
        <Route path="/culture-scans/:scanId" element={<ResultsPage />} />
        <Route path="/culture-scans/:scanId/poster" element={<PosterPage />} />
        <Route path="*" element={<HomePage />} />
      </Route>
    </Routes>
  );
}
