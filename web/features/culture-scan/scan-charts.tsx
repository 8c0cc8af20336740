import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { palette } from "../../../common/charts/palette.ts";
import { stackedShares } from "../../../common/charts/stacked-shares.ts";
import { scanPreconditions } from "../../../common/culture-scan/charts.ts";
import { phasesOfChange as phaseKeys } from "../../../common/culture-scan/model.ts";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { Chart } from "../../components/chart.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale } from "../../lib/i18n.ts";

type Figures = NonNullable<ScanResults["overall"]>;

/** One group's phases as a stacked bar; its label names every phase and share, hidden ones as such. */
function PhaseBar({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const summary = phaseKeys
    .map((phase) => `${t(`ui.scans.phases.${phase}`)}: ${figures.phases[phase] ?? t("ui.scans.phaseHidden")}`)
    .join(", ");
  const segments = phaseKeys.map((phase) => ({
    key: phase,
    value: figures.phases[phase] ?? 0,
    colour: palette.phases[phase],
  }));
  return <Chart spec={() => stackedShares(segments, summary)} className="stacked-bar" />;
}

/** Each group's phase of change as a stacked bar, everyone last; groups below the threshold say so. */
export function PhasesByGroup({ data }: { data: ScanResults }) {
  const { t } = useTranslation();
  const rows = [
    ...data.groups,
    {
      team: t("ui.scans.everyone"),
      teamId: "all",
      responses: data.responses,
      figures: data.overall,
      merged: false,
    },
  ];
  return (
    <SectionCard id="scan-phases" title={t("ui.scans.phasesTitle")}>
      <ul className="legend" aria-hidden="true">
        {phaseKeys.map((phase) => (
          <li key={phase}>
            <span className={`swatch phase-${phase}`} /> {t(`ui.scans.phases.${phase}`)}
          </li>
        ))}
      </ul>
      <ul className="phase-bars">
        {rows.map((group) => (
          <li key={group.teamId ?? "other"}>
            <p className="bar-label">
              <strong>{group.team}</strong> · {t("ui.scans.answers", { count: group.responses })}
            </p>
            {group.figures ? (
              <>
                <PhaseBar figures={group.figures} />
                {phaseKeys.some((phase) => group.figures!.phases[phase] === null) ? (
                  <p className="hint">{t("ui.scans.phasesPartlyHidden")}</p>
                ) : null}
              </>
            ) : (
              <p className="suppressed">
                {group.merged
                  ? t("ui.scans.merged")
                  : t("ui.scans.tooFewGroup", { threshold: data.threshold })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}

/** The preconditions for transfer, each as a score out of 5, with the previous scan's score beside it. */
export function Preconditions({ data }: { data: ScanResults }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const spec = useMemo(() => scanPreconditions(data, t, locale), [data, t, locale]);
  return (
    <SectionCard id="scan-preconditions" title={t("ui.scans.preconditionsTitle")}>
      <Chart spec={spec} className="score-chart" />
    </SectionCard>
  );
}
