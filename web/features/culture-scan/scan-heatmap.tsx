import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { scanHeatmap } from "../../../common/culture-scan/charts.ts";
import {
  heatBand as band,
  layers as layerKeys,
  phasesOfChange as phaseKeys,
} from "../../../common/culture-scan/model.ts";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { Chart } from "../../components/chart.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatDecimal } from "../../lib/i18n.ts";

/**
 * Support per layer and phase as a coloured grid (the chart's label reads every cell), with the same
 * figures as a table behind a disclosure for whoever wants to copy or compare them.
 */
export function Heatmap({ data }: { data: ScanResults }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const spec = useMemo(() => scanHeatmap(data, t, locale), [data, t, locale]);
  return (
    <SectionCard id="scan-heatmap" title={t("ui.scans.heatmap")} hint={t("ui.scans.heatmapHint")}>
      <Chart spec={spec} className="heat-chart" />
      <details>
        <summary>{t("ui.scans.heatmapTable")}</summary>
        {/* Scrolls sideways on a phone: focusable, so keyboard users can scroll it too. */}
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("ui.scans.heatmap")}>
          <HeatmapTable data={data} />
        </div>
      </details>
    </SectionCard>
  );
}

function HeatmapTable({ data }: { data: ScanResults }) {
  const { t } = useTranslation();
  return (
    <table className="heatmap">
      <caption className="visually-hidden">{t("ui.scans.heatmap")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("ui.scans.layer")}</th>
          {phaseKeys.map((phase) => (
            <th key={phase} scope="col">
              {t(`ui.scans.phases.${phase}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {layerKeys.map((layer) => (
          <tr key={layer}>
            <th scope="row">{t(`ui.scans.layers.${layer}`)}</th>
            {phaseKeys.map((phase) => {
              const score = data.heatmap[layer]?.[phase] ?? null;
              return (
                <td key={phase} className={`heat heat-${band(score)}`}>
                  {score === null ? "—" : formatDecimal(score, currentLocale(), 1)}
                  {score === null ? <span className="visually-hidden"> {t("ui.scans.tooFew")}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
