import { useTranslation } from "react-i18next";
import type { ImpactView } from "../../../common/schemas/impact.ts";

const ROW = 30;
const LABEL = 190;
const WIDTH = 560;

/**
 * Learners per LTEM tier as horizontal bars, tier 8 on top: grey for taking part (1–3), green for
 * learning, transfer and effects (4–8), so the drop from attendance to transfer is seen at once.
 */
export function TierChart({ impact }: { impact: ImpactView }) {
  const { t } = useTranslation();
  const scale = Math.max(1, impact.participants);
  const bars = [...impact.tiers].reverse();
  const barWidth = WIDTH - LABEL - 50;
  const summary = impact.tiers.map((tier) => `${tier.tier} ${tier.name}: ${tier.learners}`).join(", ");
  return (
    <figure className="tier-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}
        role="img"
        aria-label={t("ui.impact.chartLabel", { n: impact.participants, summary })}
      >
        {bars.map((tier, row) => {
          const y = row * ROW;
          const width = (tier.learners / scale) * barWidth;
          const organisation = tier.tier === 8;
          return (
            <g key={tier.tier}>
              <text x={0} y={y + 19} className="tier-label">
                {tier.tier}. {tier.name}
              </text>
              <rect x={LABEL} y={y + 5} width={barWidth} height={20} className="tier-track" />
              {!organisation && width > 0 ? (
                <rect
                  x={LABEL}
                  y={y + 5}
                  width={width}
                  height={20}
                  className={tier.tier <= 3 ? "tier-bar-grey" : "tier-bar"}
                />
              ) : null}
              <text x={organisation ? LABEL + 6 : LABEL + barWidth + 8} y={y + 19} className="tier-value">
                {organisation ? t("ui.impact.organisationLevel") : tier.learners}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{t("impact.completionIsNotTransfer")}</figcaption>
    </figure>
  );
}
