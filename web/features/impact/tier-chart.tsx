import { useTranslation } from "react-i18next";
import { tierBars, type TierCount } from "../../../common/charts/tier-bars.ts";
import { Chart } from "../../components/chart.tsx";

/** The tier bars for `tiers` out of `participants`, labelled for a screen reader with every count. */
export function useTierBars(tiers: TierCount[], participants: number) {
  const { t } = useTranslation();
  const summary = tiers.map((tier) => `${tier.tier} ${tier.name}: ${tier.learners}`).join(", ");
  const text = {
    label: t("ui.impact.chartLabel", { n: participants, summary }),
    organisationLevel: t("ui.impact.organisationLevel"),
  };
  return (width: number) => tierBars(tiers, participants, text, width);
}

/**
 * Learners per LTEM tier as horizontal bars, tier 8 on top: grey for taking part (1–3), green for
 * learning, transfer and effects (4–8), so the drop from attendance to transfer is seen at once.
 */
export function TierChart({
  impact,
  caption = true,
}: {
  impact: { tiers: TierCount[]; participants: number };
  /** The reminder that completion is not transfer; left out where the chart is a small glance. */
  caption?: boolean;
}) {
  const { t } = useTranslation();
  const spec = useTierBars(impact.tiers, impact.participants);
  return (
    <Chart spec={spec} className="tier-chart">
      {caption ? <figcaption className="hint">{t("impact.completionIsNotTransfer")}</figcaption> : null}
    </Chart>
  );
}
