import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { Field, SelectField } from "../../components/field.tsx";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { usePeople, useTeams } from "../organisations/people/people-api.ts";
import { TeamCheckboxes } from "../organisations/people/role-checkboxes.tsx";
import { useTrajectories } from "../trajectories/trajectories-api.ts";
import { fieldError } from "../../lib/forms.ts";
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
  const [name, setName] = useState("");
  const [dates, setDates] = useState<string[]>([""]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const plan = useMutation({
    mutationFn: () =>
      cohortsApi.plan({
        trajectoryId,
        name,
        sessionDates: dates.filter(Boolean),
        teamIds,
        personIds,
      }),
    onSuccess: (cohort) => navigate(`/cohorts/${cohort.id}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    plan.mutate();
  };
  return (
    <Page title={t("ui.cohorts.plan")}>
      {trajectories.isLoading ? <Loading /> : null}
      <form className="card form" onSubmit={submit} noValidate>
        <ErrorMessage error={plan.error} />
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
        <Field
          label={t("ui.cohorts.name")}
          hint={t("ui.cohorts.nameHint")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(plan.error, "name")}
        />
        <fieldset className="field">
          <legend>{t("fields.sessionDates")}</legend>
          {dates.map((date, index) => (
            <Field
              key={index}
              label={t("ui.cohorts.practiceDay", { number: index + 1 })}
              type="date"
              value={date}
              onChange={(e) => setDates(dates.map((d, i) => (i === index ? e.target.value : d)))}
              error={index === 0 ? fieldError(plan.error, "sessionDates") : undefined}
            />
          ))}
          <button type="button" className="button-secondary small" onClick={() => setDates([...dates, ""])}>
            {t("ui.cohorts.addDay")}
          </button>
        </fieldset>
        <TeamCheckboxes
          teams={teams.data ?? []}
          value={teamIds}
          onChange={setTeamIds}
          error={fieldError(plan.error, "teamIds")}
        />
        <details>
          <summary>{t("ui.cohorts.choosePeople", { count: personIds.length })}</summary>
          <div className="scroll-box">
            <fieldset className="field checkbox-group">
              <legend>{t("fields.personIds")}</legend>
              {(people.data ?? [])
                .filter((p) => p.status !== "deactivated")
                .map((person) => (
                  <label key={person.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={personIds.includes(person.id)}
                      onChange={(e) =>
                        setPersonIds(
                          e.target.checked
                            ? [...personIds, person.id]
                            : personIds.filter((id) => id !== person.id),
                        )
                      }
                    />
                    <span>{person.name}</span>
                  </label>
                ))}
            </fieldset>
          </div>
        </details>
        {fieldError(plan.error, "personIds") ? (
          <p className="field-error">{fieldError(plan.error, "personIds")}</p>
        ) : null}
        <button type="submit" className="button-primary" disabled={plan.isPending}>
          {t("ui.cohorts.planSubmit")}
        </button>
      </form>
    </Page>
  );
}
