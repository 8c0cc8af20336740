import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { scoreBars } from "../../../common/charts/score-bars.ts";
import { Chart } from "../../components/chart.tsx";
import { EmptyState } from "../../components/feedback.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatDateTime, formatNumber } from "../../lib/i18n.ts";
import { aiApi, aiKeys, type AiUsageView } from "./ai-api.ts";

/** A month ("2026-11") as the reader writes it ("november 2026"; "nov 2026" where space is short). */
const monthName = (month: string, locale: string, length: "long" | "short" = "long") =>
  new Intl.DateTimeFormat(locale, { month: length, year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** Requests per month as bars: a coordinator sees at a glance how much the feature is used. */
function UsageChart({ months }: { months: AiUsageView["months"] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const max = Math.max(1, ...months.map((m) => m.requests));
  const rows = months.map((m) => ({
    // The chart's label column is narrow: the short month keeps the label whole.
    label: monthName(m.month, locale, "short"),
    value: m.requests,
    max,
    shown: formatNumber(m.requests, locale),
  }));
  const label = `${t("ui.ai.settings.usageChart")}: ${rows.map((r) => `${r.label} ${r.shown}`).join(", ")}`;
  return <Chart spec={(width) => scoreBars(rows, label, width)} className="ai-usage-chart" />;
}

function MonthTable({ months }: { months: AiUsageView["months"] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headings = ["month", "requests", "failed", "tokens"].map((key) => t(`ui.ai.settings.${key}`));
  return (
    <ResponsiveTable caption={t("ui.ai.settings.usageTitle")} headings={headings}>
      {months.map((m) => (
        <tr key={m.month}>
          <th scope="row" data-label={headings[0]}>
            {monthName(m.month, locale)}
          </th>
          <td data-label={headings[1]}>{formatNumber(m.requests, locale)}</td>
          <td data-label={headings[2]}>{formatNumber(m.failed, locale)}</td>
          <td data-label={headings[3]}>
            {formatNumber(m.promptTokens, locale)} / {formatNumber(m.completionTokens, locale)}
          </td>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

function RecentTable({ recent }: { recent: AiUsageView["recent"] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headings = ["when", "who", "provider", "promptVersion", "tokens", "outcome"].map((key) =>
    t(`ui.ai.settings.${key}`),
  );
  const outcome = (code: string) =>
    code === "ok" ? t("ui.ai.settings.outcomeOk") : t(`ui.ai.draft.failures.${code}`, { defaultValue: code });
  return (
    <ResponsiveTable caption={t("ui.ai.settings.recentTitle")} headings={headings}>
      {recent.map((r) => (
        <tr key={`${r.at}-${r.outcome}`}>
          <td data-label={headings[0]}>{formatDateTime(r.at, locale)}</td>
          <td data-label={headings[1]}>{r.person ?? "—"}</td>
          <td data-label={headings[2]}>
            {r.provider} · {r.model}
          </td>
          <td data-label={headings[3]}>{r.promptVersion}</td>
          <td data-label={headings[4]}>
            {r.promptTokens ?? "—"} / {r.completionTokens ?? "—"}
          </td>
          <td data-label={headings[5]}>{outcome(r.outcome)}</td>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

/** The coordinator's view of the usage log (decision 0028). */
export function AiUsage() {
  const { t } = useTranslation();
  const usage = useQuery({ queryKey: aiKeys.usage, queryFn: aiApi.usage });
  return (
    <SectionCard id="ai-usage" title={t("ui.ai.settings.usageTitle")} hint={t("ui.ai.settings.usageHint")}>
      <QueryState query={usage}>
        {(view) =>
          view.months.length === 0 ? (
            <EmptyState title={t("ui.ai.settings.usageEmpty")} />
          ) : (
            <>
              <UsageChart months={view.months} />
              <MonthTable months={view.months} />
              <h3 className="ai-usage-recent">{t("ui.ai.settings.recentTitle")}</h3>
              <RecentTable recent={view.recent} />
            </>
          )
        }
      </QueryState>
    </SectionCard>
  );
}
