import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { MutationButton } from "../../components/buttons.tsx";
import { SuccessMessage } from "../../components/feedback.tsx";
import { learningApi, learningKeys } from "./learning-api.ts";
import { LearningScreen } from "./learning-screen.tsx";
import { LearningContent } from "./markdown.tsx";

/** Extra explanation on a competence the learner kept missing; practice on it comes back sooner too. */
export function ExtraMaterialPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { cohortId = "", competenceId = "" } = useParams();
  const material = useQuery({
    queryKey: learningKeys.extraMaterial(cohortId, competenceId),
    queryFn: () => learningApi.extraMaterial(cohortId, competenceId),
  });
  const done = useMutation({
    mutationFn: () => learningApi.markExtraMaterialDone(cohortId, competenceId),
    onSuccess: async (data) => {
      client.setQueryData(learningKeys.extraMaterial(cohortId, competenceId), data);
      await client.invalidateQueries({ queryKey: learningKeys.today() });
    },
  });
  return (
    <LearningScreen
      title={
        material.data ? t("ui.today.extraMaterial", { competence: material.data.competence }) : undefined
      }
      query={material}
      writeError={done.error}
    >
      {(data) => (
        <>
          <p className="lead">
            {t("ui.learn.extraIntro")} · {t("ui.learn.readingTime", { count: data.readingMinutes })}
          </p>
          <section className="card">
            <LearningContent markdown={data.content} />
          </section>
          {data.done ? (
            <SuccessMessage>{t("ui.learn.isDone")}</SuccessMessage>
          ) : (
            <MutationButton mutation={done} className="button-primary">
              {t("ui.learn.markDone")}
            </MutationButton>
          )}
        </>
      )}
    </LearningScreen>
  );
}
