import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { ImpactView } from "../../../common/schemas/impact.ts";
import { SelectField } from "../../components/field.tsx";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
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
  return (
    <Page title={data ? t("ui.impact.title", { title: data.title }) : t("ui.impact.heading")}>
      <p>
        <Link to={`/trajectories/${trajectoryId}`}>← {t("ui.impact.back")}</Link>
      </p>
      {impact.isLoading ? <Loading /> : null}
      <ErrorMessage error={impact.error} />
      {data ? (
        <>
          <section className="card" aria-labelledby="impact-scope">
            <h2 id="impact-scope">{t("ui.impact.scope")}</h2>
            <SelectField
              label={t("ui.impact.cohort")}
              value={cohortId}
              onChange={(event) => setSearch(event.target.value ? { cohort: event.target.value } : {})}
            >
              <option value="">{t("ui.impact.allCohorts")}</option>
              {data.cohorts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <p>{t("ui.impact.participants", { count: data.participants })}</p>
            {data.planIsDefault ? <p className="hint">{t("ui.impact.defaultPlan")}</p> : null}
            <div className="button-row">
              <a className="button-secondary" href={download("report.pdf", true)} download>
                {t("ui.impact.summaryPdf")}
              </a>
              <a className="button-secondary" href={download("report.pdf")} download>
                {t("ui.impact.reportPdf")}
              </a>
              <a className="button-secondary" href={download("tiers.csv")} download>
                {t("ui.impact.tiersCsv")}
              </a>
              <a className="button-secondary" href={download("learners.csv")} download>
                {t("ui.impact.learnersCsv")}
              </a>
            </div>
          </section>
          <section className="card" aria-labelledby="impact-tiers">
            <h2 id="impact-tiers">{t("ui.impact.tiers")}</h2>
            <TierChart impact={data} />
            <EvidenceList impact={data} />
          </section>
          <EffectSizePanel effect={data.effectSize} />
          <SurveyPanel trajectoryId={trajectoryId} cohortId={cohortId} />
          <KpiPanel trajectoryId={trajectoryId} />
          <SuccessCasesPanel trajectoryId={trajectoryId} cohortId={cohortId} />
        </>
      ) : null}
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
