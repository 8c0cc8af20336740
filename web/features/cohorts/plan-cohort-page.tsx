import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { SelectField } from "../../components/field.tsx";
import { Loading } from "../../components/feedback.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { Page } from "../../components/page.tsx";
import { usePeople, useTeams } from "../organisations/people/people-api.ts";
import { TeamCheckboxes } from "../organisations/people/role-checkboxes.tsx";
import { useTrajectories } from "../trajectories/trajectories-api.ts";
import { useDraft } from "../../lib/draft.ts";
import { fieldError } from "../../lib/forms.ts";
import { CohortFields, type CohortDraft } from "./cohort-fields.tsx";
import { cohortsApi } from "./cohorts-api.ts";

export function PlanCohortPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const trajectories = useTrajectories();
  const teams = useTeams();
  const people = usePeople();
  const [chosenTrajectory, setTrajectoryId] = useState(params.get("trajectory") ?? "");
  const trajectoryId = chosenTrajectory || trajectories.data?.[0]?.id || "";
  const draft = useDraft<CohortDraft>({ name: "", dates: [""], personIds: [] });
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const plan = useMutation({
    mutationFn: () =>
      cohortsApi.plan({
        trajectoryId,
        name: draft.values.name,
        sessionDates: draft.values.dates.filter(Boolean),
        teamIds,
        personIds: draft.values.personIds,
      }),
    onSuccess: (cohort) => navigate(`/cohorts/${cohort.id}`),
  });
  return (
    <Page title={t("ui.cohorts.plan")}>
      {trajectories.isLoading ? <Loading /> : null}
      <MutationForm className="card form" noValidate mutation={plan} submitLabel={t("ui.cohorts.planSubmit")}>
        <SelectField
          label={t("fields.trajectoryId")}
          value={trajectoryId}
          onChange={(e) => setTrajectoryId(e.target.value)}
          error={fieldError(plan.error, "trajectoryId")}
        >
          {trajectories.data?.map((trajectory) => (
            <option key={trajectory.id} value={trajectory.id}>
              {trajectory.title}
            </option>
          ))}
        </SelectField>
        <CohortFields
          draft={draft}
          error={plan.error}
          people={(people.data ?? []).filter((p) => p.status !== "deactivated")}
          nameHint={t("ui.cohorts.nameHint")}
        >
          <TeamCheckboxes
            teams={teams.data ?? []}
            value={teamIds}
            onChange={setTeamIds}
            error={fieldError(plan.error, "teamIds")}
          />
        </CohortFields>
      </MutationForm>
    </Page>
  );
}
