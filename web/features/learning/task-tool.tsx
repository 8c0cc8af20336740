import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ActivityDetail, MyCheckIn } from "../../../common/schemas/learning.ts";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatDay } from "../../lib/i18n.ts";
import { useMyCheckIns } from "./learning-api.ts";

type Tool = NonNullable<ActivityDetail["tool"]>;

/** One check-in as the learner reads it: who, when, about which training, and what was agreed. */
export function CheckInAgreements({ checkIn }: { checkIn: MyCheckIn }) {
  const { t } = useTranslation();
  return (
    <div className="check-in">
      <p className="hint">
        {t(`ui.tasks.checkInKind.${checkIn.kind}`)} ·{" "}
        {t("ui.tasks.recordedBy", {
          manager: checkIn.managerName,
          date: formatDay(checkIn.at.slice(0, 10), currentLocale()),
        })}
        {checkIn.cohortName ? ` · ${checkIn.cohortName}` : ""}
      </p>
      <p className="agreements">{checkIn.agreements}</p>
    </div>
  );
}

/**
 * A check-in task: what the conversation is for, who holds it, and that it closes when the manager
 * records it. Once recorded, what was agreed.
 */
function CheckInTask({ tool }: { tool: Tool }) {
  const { t } = useTranslation();
  const managers = tool.managers.join(", ");
  return (
    <SectionCard id="task-tool" title={t(`ui.tasks.checkIn.${tool.moment ?? "after"}.title`)}>
      <p>{t(`ui.tasks.checkIn.${tool.moment ?? "after"}.purpose`)}</p>
      {tool.checkIn ? (
        <>
          <h3>{t("ui.tasks.agreed")}</h3>
          <CheckInAgreements checkIn={tool.checkIn} />
        </>
      ) : (
        <p className="hint" data-testid="check-in-closes">
          {managers
            ? t("ui.tasks.checkIn.closesWith", { managers, count: tool.managers.length })
            : t("ui.tasks.checkIn.closesNoManager")}
        </p>
      )}
    </SectionCard>
  );
}

/** A feedback request or a plan: done in its own form, and closed as soon as it exists. */
function FormTask({ tool, done }: { tool: Tool; done: boolean }) {
  const { t } = useTranslation();
  const kind = tool.kind === "peer-feedback" ? "feedback" : "plan";
  return (
    <SectionCard id="task-tool" title={t(`ui.tasks.${kind}.title`)}>
      <p>{t(done ? `ui.tasks.${kind}.done` : `ui.tasks.${kind}.purpose`)}</p>
      {tool.href ? (
        <Link className={done ? "button-secondary" : "button-primary"} to={tool.href}>
          {t(`ui.tasks.${kind}.open`)}
        </Link>
      ) : null}
    </SectionCard>
  );
}

/** The real thing behind a task on the activity page, for the activity types that have one. */
export function TaskTool({ detail }: { detail: ActivityDetail }) {
  if (!detail.tool) return null;
  if (detail.tool.kind === "check-in") return <CheckInTask tool={detail.tool} />;
  return <FormTask tool={detail.tool} done={detail.status === "done"} />;
}

/** Every check-in the learner's managers recorded with her, newest first; nothing when there are none. */
export function MyCheckInsCard() {
  const { t } = useTranslation();
  const checkIns = useMyCheckIns();
  if (checkIns.data && checkIns.data.checkIns.length === 0) return null;
  return (
    <SectionCard id="my-check-ins" title={t("ui.tasks.myCheckIns")} hint={t("ui.tasks.myCheckInsHint")}>
      <QueryState query={checkIns}>
        {(data) => (
          <ul className="check-in-list">
            {data.checkIns.map((checkIn) => (
              <li key={checkIn.id}>
                <CheckInAgreements checkIn={checkIn} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </SectionCard>
  );
}
