import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useMyAssessment } from "./assessment-api.ts";
import { RubricScores } from "./rubric-scores.tsx";

/** On a competence proof's page: the learner's own result and the assessor's feedback, once scored. */
export function MyAssessment({ cohortId, activityId }: { cohortId: string; activityId: string }) {
  const { t } = useTranslation();
  const mine = useMyAssessment(cohortId, activityId);
  return (
    <SectionCard id="my-assessment" title={t("ui.assessment.mineTitle")}>
      <QueryState query={mine}>
        {({ result }) => (result ? <RubricScores result={result} /> : <p>{t("ui.assessment.mineNotYet")}</p>)}
      </QueryState>
    </SectionCard>
  );
}
