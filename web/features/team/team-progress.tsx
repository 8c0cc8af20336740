import { useTranslation } from "react-i18next";
import { scoreBars } from "../../../common/charts/score-bars.ts";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { Chart } from "../../components/chart.tsx";
import { currentLocale, formatNumber } from "../../lib/i18n.ts";

/** The group's progress toward the cohort's goals, as bars: totals only, nobody ranked. */
export function TeamProgress({ progress }: { progress: TeamView["teams"][number]["progress"] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rows = [
    { key: "tasks", value: progress.tasksDone, max: progress.tasksDue },
    { key: "plans", value: progress.withPlan, max: progress.inTraining },
    { key: "confirmed", value: progress.confirmed, max: progress.applications },
  ].map((bar) => ({
    label: t(`ui.team.totals.${bar.key}`),
    value: bar.value,
    max: bar.max,
    shown: `${formatNumber(bar.value, locale)} / ${formatNumber(bar.max, locale)}`,
  }));
  const label = `${t("ui.team.progressLabel")}${t("ui.common.colon")}${rows.map((r) => `${r.label} ${r.shown}`).join(", ")}`;
  return <Chart spec={(width) => scoreBars(rows, label, width)} className="team-progress" />;
}
