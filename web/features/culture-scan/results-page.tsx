import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { Stat } from "../../components/stat.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { currentLocale, formatNumber, formatPercent } from "../../lib/i18n.ts";
import { formatDay } from "../../lib/dates.ts";
import { scanApi, scanDownloads, scanKeys } from "./culture-scan-api.ts";
import { Recommendations } from "./scan-actions.tsx";
import { PhasesByGroup, Preconditions } from "./scan-charts.tsx";
import { Heatmap } from "./scan-heatmap.tsx";

export function ResultsPage() {
  const { t } = useTranslation();
  const { scanId = "" } = useParams();
  const locale = currentLocale();
  const results = useQuery({
    queryKey: scanKeys.results(scanId, locale),
    queryFn: () => scanApi.results(scanId),
  });
  const data = results.data;
  return (
    <Page title={data?.scan.title ?? t("ui.scans.title")}>
      <p className="no-print">
        <Link to="/culture-scans">← {t("ui.scans.back")}</Link>
      </p>
      <QueryState query={results}>
        {(data) => (
          <>
            <p className="notice">{t("ui.scans.notValidated")}</p>
            <SectionCard id="scan-summary" title={t("ui.scans.summary")}>
              <dl className="stats">
                <Stat label={t("ui.scans.responses")}>{formatNumber(data.responses, locale)}</Stat>
                <Stat label={t("ui.scans.responseRate")}>
                  {data.responseRate === null ? "—" : formatPercent(data.responseRate / 100, locale)}
                </Stat>
                {data.sharedLinkResponses > 0 ? (
                  <Stat label={t("ui.scans.sharedLinkResponses")}>
                    {formatNumber(data.sharedLinkResponses, locale)}
                  </Stat>
                ) : null}
                <Stat label={t("ui.scans.threshold")}>{data.threshold}</Stat>
              </dl>
              <p className="hint">{t("ui.scans.thresholdFrozen")}</p>
              {data.sharedLinkResponses > 0 ? (
                <p className="hint">{t("ui.scans.sharedLinkNote", { threshold: data.threshold })}</p>
              ) : null}
              <p className="hint">
                {t("ui.scans.period", {
                  from: formatDay(data.scan.opensOn, locale, { dateStyle: "medium" }),
                  to: formatDay(data.scan.closesOn, locale, { dateStyle: "medium" }),
                })}{" "}
                · {t(`ui.scans.status.${data.scan.status}`)}
              </p>
              <div className="button-row no-print">
                <a className="button-secondary" href={scanDownloads.csv(scanId)} download>
                  {t("ui.scans.csvDownload")}
                </a>
                <a className="button-secondary" href={scanDownloads.pdf(scanId)} download>
                  {t("ui.scans.pdfDownload")}
                </a>
                <button type="button" className="button-secondary" onClick={() => window.print()}>
                  {t("ui.scans.print")}
                </button>
              </div>
            </SectionCard>
            {data.heldUntilClose ? (
              <p className="notice" role="status">
                {t("ui.scans.heldUntilClose")}
              </p>
            ) : data.overall === null ? (
              <EmptyState title={t("ui.scans.tooFewOverall", { threshold: data.threshold })} />
            ) : (
              <>
                <Heatmap data={data} />
                <PhasesByGroup data={data} />
                <Preconditions data={data} />
                <Recommendations data={data} scanId={scanId} />
                {data.comments.length > 0 ? (
                  <SectionCard id="scan-comments" title={t("ui.scans.comments")}>
                    <ul>
                      {data.comments.map((comment, index) => (
                        <li key={index}>{comment}</li>
                      ))}
                    </ul>
                  </SectionCard>
                ) : null}
              </>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
