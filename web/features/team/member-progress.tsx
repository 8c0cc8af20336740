import { useTranslation } from "react-i18next";
import type { TeamView } from "../../../common/schemas/action-plans.ts";

type Member = TeamView["teams"][number]["members"][number];

/**
 * A member's progress as bars with their words beside them: activities done of those due so far, whether
 * they practised this week, how many plans and applications. Never answers, never a comparison: the bar
 * is hidden from screen readers because the text says the same.
 */
export function MemberProgress({ member }: { member: Member }) {
  const { t } = useTranslation();
  const plans = member.plans.length;
  const applications = member.plans.flatMap((p) => p.applications);
  return (
    <ul className="plain-list member-progress">
      {member.cohorts.map((cohort) => (
        <li key={cohort.cohortId}>
          <meter
            min={0}
            max={Math.max(1, cohort.activitiesDue)}
            value={cohort.activitiesDone}
            aria-hidden="true"
          />{" "}
          {t("ui.team.progress", { done: cohort.activitiesDone, due: cohort.activitiesDue })} ·{" "}
          {cohort.practisedLastWeek ? t("ui.team.practised") : t("ui.team.notPractised")}
        </li>
      ))}
      <li>
        {t("ui.team.planCounts", {
          plans,
          applications: applications.filter((a) => a.outcome !== "did-not-act").length,
          confirmed: applications.filter((a) => a.confirmed).length,
        })}
      </li>
    </ul>
  );
}

/** "2 things wait for you", or nothing: the reason a person stands at the top of the list. */
export function Waiting({ member }: { member: Member }) {
  const { t } = useTranslation();
  return member.waiting > 0 ? (
    <span className="badge badge-attention">{t("ui.team.waiting", { count: member.waiting })}</span>
  ) : null;
}
