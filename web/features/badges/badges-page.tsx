import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { api, ApiError } from "../../lib/api.ts";
import { badgeKeys, badgesApi } from "./badges-api.ts";

/** The designer's competence badges for one trajectory: what earns each, and how often it was awarded. */
export function BadgesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { trajectoryId = "" } = useParams();
  const trajectory = useQuery({
    queryKey: ["trajectory", trajectoryId],
    queryFn: () => api<TrajectoryDetail>("GET", `/api/trajectories/${trajectoryId}`),
  });
  const list = useQuery({
    queryKey: badgeKeys.achievements(trajectoryId),
    queryFn: () => badgesApi.achievements(trajectoryId),
  });
  const competences = trajectory.data?.document.competences ?? [];
  const [draft, setDraft] = useState({
    competenceId: "",
    name: "",
    description: "",
    criteria: "",
    requiresProof: false,
    minConfirmedApplications: 2,
  });
  const save = useMutation({
    mutationFn: () =>
      badgesApi.createAchievement(trajectoryId, {
        ...draft,
        competenceId: draft.competenceId || competences[0]?.id,
      }),
    onSuccess: (data) => {
      client.setQueryData(badgeKeys.achievements(trajectoryId), data);
      setDraft({ ...draft, name: "", description: "", criteria: "" });
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  const nameOf = (id: string) => competences.find((c) => c.id === id)?.name ?? "";
  return (
    <Page title={t("ui.badges.title", { title: trajectory.data?.document.title ?? "" })}>
      <p>
        <Link to={`/trajectories/${trajectoryId}`}>← {t("ui.questions.back")}</Link>
      </p>
      {list.isLoading ? <Loading /> : null}
      <ErrorMessage error={list.error ?? trajectory.error} />
      {list.data?.length === 0 ? (
        <EmptyState title={t("ui.badges.emptyTitle")}>
          <p>{t("ui.badges.emptyText")}</p>
        </EmptyState>
      ) : null}
      <ul className="plain-list">
        {list.data?.map((badge) => (
          <li key={badge.id} className="card">
            <h2>{badge.name}</h2>
            <p>{badge.description}</p>
            <p className="hint">
              {nameOf(badge.competenceId)} · {t("ui.badges.rule", { count: badge.minConfirmedApplications })}
              {badge.requiresProof ? ` · ${t("ui.badges.proofRule")}` : ""} ·{" "}
              {t("ui.badges.awarded", { count: badge.awarded })}
            </p>
          </li>
        ))}
      </ul>
      <form
        className="card"
        aria-labelledby="badge-form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <h2 id="badge-form">{t("ui.badges.new")}</h2>
        <ErrorMessage error={save.error} />
        <SelectField
          label={t("fields.competenceId")}
          value={draft.competenceId}
          onChange={(e) => setDraft({ ...draft, competenceId: e.target.value })}
        >
          {competences.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("fields.name")}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          error={fieldError("name")}
        />
        <TextAreaField
          label={t("ui.badges.description")}
          rows={2}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          error={fieldError("description")}
        />
        <TextAreaField
          label={t("ui.badges.criteria")}
          rows={2}
          value={draft.criteria}
          onChange={(e) => setDraft({ ...draft, criteria: e.target.value })}
          error={fieldError("criteria")}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.requiresProof}
            onChange={(e) => setDraft({ ...draft, requiresProof: e.target.checked })}
          />
          <span>{t("ui.badges.requiresProof")}</span>
        </label>
        <Field
          label={t("fields.minConfirmedApplications")}
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          value={String(draft.minConfirmedApplications)}
          onChange={(e) =>
            setDraft({ ...draft, minConfirmedApplications: Number.parseInt(e.target.value, 10) || 0 })
          }
          error={fieldError("minConfirmedApplications")}
        />
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("ui.badges.save")}
        </button>
      </form>
    </Page>
  );
}
