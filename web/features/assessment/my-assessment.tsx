import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../components/feedback.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useMyAssessment } from "./assessment-api.ts";
import { RubricScores } from "./rubric-scores.tsx";

/**
 * On a competence proof's page: the assessor's scores and feedback once she was assessed. Before
 * that, the result of the proof taken as a test (`testResult`), or a line saying an assessor will
 * score it; nothing while the test is still to be taken (its form is on the page).
 */
export function MyAssessment({
  cohortId,
  activityId,
  hasTest,
  testResult,
}: {
  cohortId: string;
  activityId: string;
  hasTest: boolean;
  testResult: ReactNode;
}) {
  const { t } = useTranslation();
  const mine = useMyAssessment(cohortId, activityId);
  if (mine.error) return <ErrorMessage error={mine.error} />;
  if (!mine.data) return null;
  if (mine.data.result)
    return (
      <SectionCard id="my-assessment" title={t("ui.assessment.mineTitle")}>
        <RubricScores result={mine.data.result} />
      </SectionCard>
    );
  if (testResult) return testResult;
  if (hasTest) return null;
  return (
    <SectionCard id="my-assessment" title={t("ui.assessment.mineTitle")}>
      <p>{t("ui.assessment.mineNotYet")}</p>
    </SectionCard>
  );
}
