import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamSummary } from "../../../../common/schemas/teams.ts";
import { Field } from "../../../components/field.tsx";
import { MutationButton, SubmitButton } from "../../../components/buttons.tsx";
import { ErrorMessage, SuccessMessage } from "../../../components/feedback.tsx";
import { MutationForm } from "../../../components/mutation-form.tsx";
import { QueryState } from "../../../components/query-state.tsx";
import { Page } from "../../../components/page.tsx";
import { organisationsApi, usePeople, useTeams } from "../organisations-api.ts";
import { TeamCheckboxes } from "../people/role-checkboxes.tsx";
import { useDraft } from "../../../lib/draft.ts";
import { fieldError, onSubmitDo } from "../../../lib/forms.ts";
import { useSaveThenRefresh } from "../../../lib/mutations.ts";

export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  return (
    <Page title={t("ui.teams.title")}>
      <div className="two-columns">
        <section aria-labelledby="teams-list-title">
          <h2 id="teams-list-title" className="visually-hidden">
            {t("ui.teams.title")}
          </h2>
          <QueryState query={teams} empty={{ title: t("ui.teams.empty"), text: t("ui.teams.emptyText") }}>
            {(list) => list.map((team) => <TeamCard key={team.id} team={team} />)}
          </QueryState>
        </section>
        <CreateTeamForm />
      </div>
    </Page>
  );
}

function TeamCard({ team }: { team: TeamSummary }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <article className="card" aria-labelledby={`team-${team.id}`}>
      <h3 id={`team-${team.id}`}>{team.name}</h3>
      <p>
        <strong>{t("fields.managerIds")}:</strong>{" "}
        {team.managers.length ? (
          team.managers.map((m) => m.name).join(", ")
        ) : (
          <span className="notice-inline">{t("ui.teams.noManager")}</span>
        )}
      </p>
      <p>{t("ui.home.manager.members", { count: team.members.length })}</p>
      <button
        type="button"
        className="button-secondary"
        aria-expanded={editing}
        onClick={() => setEditing(!editing)}
      >
        {editing ? t("ui.common.close") : t("ui.common.edit")}
      </button>
      {editing ? <EditTeamForm team={team} /> : null}
    </article>
  );
}

function EditTeamForm({ team }: { team: TeamSummary }) {
  const { t } = useTranslation();
  const people = usePeople();
  const draft = useDraft({
    name: team.name,
    managerIds: team.managers.map((m) => m.id),
    memberIds: team.members.map((m) => m.id),
  });
  const save = useSaveThenRefresh(() => organisationsApi.updateTeam(team.id, draft.values), "all");
  const remove = useSaveThenRefresh(() => organisationsApi.deleteTeam(team.id), "all");
  const active = (people.data ?? []).filter((p) => p.status !== "deactivated");
  return (
    <form className="form" onSubmit={onSubmitDo(() => save.mutate())} noValidate>
      <ErrorMessage error={save.error ?? remove.error} />
      {save.isSuccess ? <SuccessMessage>{t("ui.common.saved")}</SuccessMessage> : null}
      <Field label={t("ui.teams.name")} {...draft.bind("name", save.error)} />
      <div className="scroll-box">
        <TeamCheckboxes
          teams={active}
          value={draft.values.managerIds}
          onChange={(ids) => draft.set("managerIds", ids)}
          error={fieldError(save.error, "managerIds")}
        />
      </div>
      <p className="hint">{t("ui.teams.managersHint")}</p>
      <details>
        <summary>{t("ui.teams.editMembers", { count: draft.values.memberIds.length })}</summary>
        <div className="scroll-box">
          <TeamCheckboxes
            teams={active}
            value={draft.values.memberIds}
            onChange={(ids) => draft.set("memberIds", ids)}
            error={fieldError(save.error, "memberIds")}
          />
        </div>
      </details>
      <div className="button-row">
        <SubmitButton pending={save.isPending}>{t("ui.common.save")}</SubmitButton>
        <MutationButton mutation={remove} className="button-danger">
          {t("ui.teams.delete")}
        </MutationButton>
      </div>
    </form>
  );
}

function CreateTeamForm() {
  const { t } = useTranslation();
  const draft = useDraft({ name: "" });
  const create = useSaveThenRefresh(() => organisationsApi.createTeam(draft.values), "all", {
    onSaved: () => draft.reset(),
  });
  return (
    <MutationForm
      className="card form"
      noValidate
      title={t("ui.teams.create")}
      mutation={create}
      savedMessage={t("ui.teams.created")}
      submitLabel={t("ui.teams.createSubmit")}
    >
      <Field label={t("ui.teams.name")} required {...draft.bind("name", create.error)} />
    </MutationForm>
  );
}
