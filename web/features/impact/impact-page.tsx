import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { ImpactView } from "../../../common/schemas/impact.ts";
import { SelectField } from "../../components/field.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { SelectOptions } from "../../components/select-options.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { EffectSizePanel } from "./effect-size-panel.tsx";
import { impactApi, impactDownload, impactKeys, type ImpactDownload } from "./impact-api.ts";
import { KpiPanel } from "./kpi-panel.tsx";
import { SuccessCasesPanel } from "./success-cases-panel.tsx";
import { SurveyPanel } from "./survey-panel.tsx";
import { TierChart } from "./tier-chart.tsx";

export function ImpactPage() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const cohortId = search.get("cohort") ?? "";
  const locale = currentLocale();
  const impact = useQuery({
    queryKey: impactKeys.view(trajectoryId, cohortId, locale),
    queryFn: () => impactApi.view(trajectoryId, cohortId),
  });
  const data = impact.data;
  const download = (file: ImpactDownload, summary = false) =>
    impactDownload(trajectoryId, file, { locale, cohortId, summary });
  const downloads = [
    { label: t("ui.impact.summaryPdf"), href: download("report.pdf", true) },
    { label: t("ui.impact.reportPdf"), href: download("report.pdf") },
    { label: t("ui.impact.tiersCsv"), href: download("tiers.csv") },
    { label: t("ui.impact.learnersCsv"), href: download("learners.csv") },
  ];
  return (
    <Page title={data ? t("ui.impact.title", { title: data.title }) : t("ui.impact.heading")}>
      <p>
        <Link to={`/trajectories/${trajectoryId}`}>← {t("ui.impact.back")}</Link>
      </p>
      <QueryState query={impact}>
        {(data) => (
          <>
            <SectionCard id="impact-scope" title={t("ui.impact.scope")}>
              <SelectField
                label={t("ui.impact.cohort")}
                value={cohortId}
                onChange={(event) => setSearch(event.target.value ? { cohort: event.target.value } : {})}
              >
                <option value="">{t("ui.impact.allCohorts")}</option>
                <SelectOptions items={data.cohorts} toValue={(c) => c.id} label={(c) => c.name} />
              </SelectField>
              <p>{t("ui.impact.participants", { count: data.participants })}</p>
              {data.planIsDefault ? <p className="hint">{t("ui.impact.defaultPlan")}</p> : null}
              <div className="button-row">
                {downloads.map(({ label, href }) => (
                  <a key={label} className="button-secondary" href={href} download>
                    {label}
                  </a>
                ))}
              </div>
            </SectionCard>
            <SectionCard id="impact-tiers" title={t("ui.impact.tiers")}>
              <TierChart impact={data} />
              <EvidenceList impact={data} />
            </SectionCard>
            <EffectSizePanel effect={data.effectSize} />
            <SurveyPanel trajectoryId={trajectoryId} cohortId={cohortId} />
            <KpiPanel trajectoryId={trajectoryId} />
            <SuccessCasesPanel trajectoryId={trajectoryId} cohortId={cohortId} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** The evidence behind each bar, in words: what was measured, when, and whether it certifies the tier. */
function EvidenceList({ impact }: { impact: ImpactView }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t("ui.impact.evidence")}</summary>
      <ol className="evidence-list">
        {impact.tiers.map((tier) => (
          <li key={tier.tier}>
            <strong>
              {tier.tier}. {tier.name}: {tier.learners}
            </strong>
            {tier.evidence.length === 0 ? <p className="hint">{t("impact.notMeasured")}</p> : null}
            <ul>
              {tier.evidence.map((e, index) => (
                <li key={index}>
                  {e.label}
                  <span className="tag">{t(`impact.timing.${e.timing}`)}</span>
                  {e.baseline ? <span className="tag">{t("impact.baseline")}</span> : null}
                  {!e.adequate ? <span className="tag">{t("impact.notAdequate")}</span> : null}
                  <br />
                  {e.detail}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
