import { Route, Routes } from "react-router";
import { PublicLayout, SignedInLayout } from "../components/layout.tsx";
import { ForgotPasswordPage } from "../features/auth/forgot-password-page.tsx";
import { InvitationPage } from "../features/auth/invitation-page.tsx";
import { ResetPasswordPage } from "../features/auth/reset-password-page.tsx";
import { SignInPage } from "../features/auth/sign-in-page.tsx";
import { EmailLinkPage, SignInCardPage } from "../features/auth/token-sign-in-page.tsx";
import { HomePage } from "../features/organisations/home/home-page.tsx";
import { MailboxPage } from "../features/notifications/mailbox-page.tsx";
import { OrganisationPage } from "../features/organisations/organisation/organisation-page.tsx";
import { ImportPage } from "../features/organisations/people/import-page.tsx";
import { PeoplePage } from "../features/organisations/people/people-page.tsx";
import { PersonPage } from "../features/organisations/people/person-page.tsx";
import { ProfilePage } from "../features/organisations/profile/profile-page.tsx";
import { TeamsPage } from "../features/organisations/teams/teams-page.tsx";
import { CohortPage } from "../features/cohorts/cohort-page.tsx";
import { CohortsPage } from "../features/cohorts/cohorts-page.tsx";
import { PlanCohortPage } from "../features/cohorts/plan-cohort-page.tsx";
import { PosterPage } from "../features/culture-scan/poster-page.tsx";
import { QuestionnairePage } from "../features/culture-scan/questionnaire-page.tsx";
import { ResultsPage } from "../features/culture-scan/results-page.tsx";
import { ScansPage } from "../features/culture-scan/scans-page.tsx";
import { EvidencePage } from "../features/evidence/evidence-page.tsx";
import { ImpactPage } from "../features/impact/impact-page.tsx";
import { NewTrajectoryPage } from "../features/trajectories/new-trajectory-page.tsx";
import { TrajectoriesPage } from "../features/trajectories/trajectories-page.tsx";
import { TrajectoryEditorPage } from "../features/trajectories/trajectory-editor-page.tsx";
import { ActivityPage } from "../features/learning/activity-page.tsx";
import { ExtraMaterialPage } from "../features/learning/extra-material-page.tsx";
import { PracticePage } from "../features/learning/practice-page.tsx";
import { TodayPage } from "../features/learning/today-page.tsx";
import { QuestionBankPage } from "../features/questions/question-bank-page.tsx";
import { PlansPage } from "../features/action-plans/plans-page.tsx";
import { TeamPage } from "../features/team/team-page.tsx";
import { DigestActionPage } from "../features/team/digest-action-page.tsx";
import { DigestPreviewPage } from "../features/team/digest-preview-page.tsx";
import { BadgesPage } from "../features/badges/badges-page.tsx";
import { PassportPage } from "../features/badges/passport-page.tsx";
import { CoachingPage } from "../features/coaching/coaching-page.tsx";
import { FeedbackPage } from "../features/peer-feedback/feedback-page.tsx";
import { NoticesPage } from "../features/notices/notices-page.tsx";
import { AssessCohortPage, AssessingPage } from "../features/assessment/assessing-page.tsx";
import { XapiClientsPage } from "../features/xapi-clients/xapi-clients-page.tsx";
import { AiAboutPage } from "../features/ai/ai-about-page.tsx";
import { AiSettingsPage } from "../features/ai/ai-settings-page.tsx";

/** Every screen, by path. Each domain's screens live in web/features/<domain>/. */
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
