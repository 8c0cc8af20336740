import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TeamView } from "../../../../common/schemas/action-plans.ts";
import { EmptyState } from "../../../components/feedback.tsx";
import { QueryState } from "../../../components/query-state.tsx";
import { SectionCard } from "../../../components/section-card.tsx";
import { MemberProgress, Waiting } from "../../team/member-progress.tsx";
import { NeedsYouList } from "../../team/needs-you-list.tsx";
import { useNeedsYou, useTeam } from "../../team/team-api.ts";

/** "Needs you this week": what waits, each a link to where it is done, and the digest's preview. */
function NeedsYou({ anyoneStarted }: { anyoneStarted: boolean }) {
  const { t } = useTranslation();
  const needsYou = useNeedsYou();
  return (
    <SectionCard id="home-needs-you" title={t("ui.needsYou.title")}>
      <QueryState
        query={needsYou}
        isEmpty={(data) => data.items.length === 0}
        empty={{
          title: t("ui.needsYou.emptyTitle"),
          text: anyoneStarted ? t("ui.needsYou.emptyText") : t("ui.home.manager.next"),
        }}
      >
        {(data) => <NeedsYouList items={data.items} />}
      </QueryState>
      <p>
        <Link to="/team/digest-preview">{t("ui.digestPreview.link")}</Link>
      </p>
    </SectionCard>
  );
}

/** The team, who needs attention first (the server's order), with progress bars; never a ranking. */
function TeamByAttention({ teams }: { teams: TeamView["teams"] }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="home-manager" title={t("ui.home.manager.title")} hint={t("ui.home.manager.order")}>
      {teams.map((team) => (
        <div key={team.id}>
          <h3>{t("ui.home.manager.teamHeading", { count: team.members.length, team: team.name })}</h3>
          <ul className="plain-list team-attention">
            {team.members.map((member) => (
              <li key={member.personId}>
                <Link to={`/team#member-${member.personId}`}>{member.name}</Link> <Waiting member={member} />
                <MemberProgress member={member} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p>
        <Link to="/team">{t("ui.home.manager.openTeam")}</Link>
      </p>
    </SectionCard>
  );
}

/** The manager's part of the home screen: what needs them first, then their people. */
export function ManagerHome() {
  const { t } = useTranslation();
  const team = useTeam();
  const teams = team.data?.teams ?? [];
  const anyoneStarted = teams.some((x) => x.members.some((m) => m.cohorts.length > 0));
  if (team.data && teams.length === 0)
    return (
      <SectionCard id="home-manager" title={t("ui.home.manager.title")}>
        <EmptyState title={t("ui.home.manager.emptyTitle")}>
          <p>{t("ui.home.manager.emptyText")}</p>
        </EmptyState>
      </SectionCard>
    );
  return (
    <>
      <NeedsYou anyoneStarted={anyoneStarted} />
      <QueryState query={team}>{(data) => <TeamByAttention teams={data.teams} />}</QueryState>
    </>
  );
}
