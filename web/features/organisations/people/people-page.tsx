import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "../../../components/query-state.tsx";
import { Page } from "../../../components/page.tsx";
import { ResponsiveTable } from "../../../components/responsive-table.tsx";
import { AddPersonForm } from "./add-person-form.tsx";
import { usePeople } from "./people-api.ts";

export function PeoplePage() {
  const { t } = useTranslation();
  const people = usePeople();
  return (
    <Page
      title={t("ui.people.title")}
      actions={
        <Link className="button-secondary" to="/people/import">
          {t("ui.people.import")}
        </Link>
      }
    >
      <div className="two-columns">
        <section aria-labelledby="people-list-title">
          <h2 id="people-list-title" className="visually-hidden">
            {t("ui.people.list")}
          </h2>
          <QueryState query={people} empty={{ title: t("ui.people.empty") }}>
            {(list) => (
              <ResponsiveTable
                caption={t("ui.people.list")}
                headings={[t("fields.name"), t("fields.roles"), t("fields.teamIds"), t("fields.status")]}
              >
                {list.map((person) => (
                  <tr key={person.id}>
                    <td data-label={t("fields.name")}>
                      <Link to={`/people/${person.id}`}>{person.name}</Link>
                      <br />
                      <span className="hint">{person.email}</span>
                    </td>
                    <td data-label={t("fields.roles")}>
                      {person.roles.map((r) => t(`ui.roles.${r}`)).join(", ")}
                    </td>
                    <td data-label={t("fields.teamIds")}>
                      {person.teams
                        .map((team) =>
                          team.isManager ? `${team.name} (${t("ui.roles.manager")})` : team.name,
                        )
                        .join(", ")}
                    </td>
                    <td data-label={t("fields.status")}>
                      <span className={`badge badge-${person.status}`}>
                        {t(`ui.status.${person.status}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </ResponsiveTable>
            )}
          </QueryState>
        </section>
        <AddPersonForm />
      </div>
    </Page>
  );
}
