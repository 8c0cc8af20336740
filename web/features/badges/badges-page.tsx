import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { NumberField } from "../../components/number-field.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SelectOptions } from "../../components/select-options.tsx";
import { fieldError, onSubmitDo, useFormValues } from "../../lib/forms.ts";
import { useTrajectory } from "../trajectories/trajectories-api.ts";
import { badgeKeys, badgesApi } from "./badges-api.ts";

/** The designer's competence badges for one trajectory: what earns each, and how often it was awarded. */
export function BadgesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { trajectoryId = "" } = useParams();
  const trajectory = useTrajectory(trajectoryId);
  const list = useQuery({
    queryKey: badgeKeys.achievements(trajectoryId),
    queryFn: () => badgesApi.achievements(trajectoryId),
  });
  const competences = trajectory.data?.document.competences ?? [];
  const form = useFormValues({
    competenceId: "",
    name: "",
    description: "",
    criteria: "",
    requiresProof: false,
    minConfirmedApplications: 2,
  });
  const draft = form.values;
  const save = useMutation({
    mutationFn: () =>
      badgesApi.createAchievement(trajectoryId, {
        ...draft,
        competenceId: draft.competenceId || competences[0]?.id,
      }),
    onSuccess: (data) => {
      client.setQueryData(badgeKeys.achievements(trajectoryId), data);
      form.set({ name: "", description: "", criteria: "" });
    },
  });
  const nameOf = (id: string) => competences.find((c) => c.id === id)?.name ?? "";
  return (
    <Page title={t("ui.badges.title", { title: trajectory.data?.document.title ?? "" })}>
      <p>
        <Link to={`/trajectories/${trajectoryId}`}>← {t("ui.questions.back")}</Link>
      </p>
      <QueryState
        query={list}
        otherError={trajectory.error}
        empty={{ title: t("ui.badges.emptyTitle"), text: t("ui.badges.emptyText") }}
      >
        {(badges) => (
          <ul className="plain-list">
            {badges.map((badge) => (
              <li key={badge.id} className="card">
                <h2>{badge.name}</h2>
                <p>{badge.description}</p>
                <p className="hint">
                  {nameOf(badge.competenceId)} ·{" "}
                  {t("ui.badges.rule", { count: badge.minConfirmedApplications })}
                  {badge.requiresProof ? ` · ${t("ui.badges.proofRule")}` : ""} ·{" "}
                  {t("ui.badges.awarded", { count: badge.awarded })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <form className="card" aria-labelledby="badge-form" onSubmit={onSubmitDo(() => save.mutate())}>
        <h2 id="badge-form">{t("ui.badges.new")}</h2>
        <ErrorMessage error={save.error} />
        <SelectField label={t("fields.competenceId")} {...form.bind("competenceId")}>
          <SelectOptions items={competences} toValue={(c) => c.id ?? ""} label={(c) => c.name} />
        </SelectField>
        <Field label={t("fields.name")} {...form.bind("name", save.error)} />
        <TextAreaField
          label={t("ui.badges.description")}
          rows={2}
          {...form.bind("description", save.error)}
        />
        <TextAreaField label={t("ui.badges.criteria")} rows={2} {...form.bind("criteria", save.error)} />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.requiresProof}
            onChange={(e) => form.set({ requiresProof: e.target.checked })}
          />
          <span>{t("ui.badges.requiresProof")}</span>
        </label>
        <NumberField
          label={t("fields.minConfirmedApplications")}
          min={0}
          max={10}
          value={draft.minConfirmedApplications}
          onValueChange={(minConfirmedApplications) => form.set({ minConfirmedApplications })}
          error={fieldError(save.error, "minConfirmedApplications")}
        />
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("ui.badges.save")}
        </button>
      </form>
    </Page>
  );
}
