import { useTranslation } from "react-i18next";
import type { PracticeResponse } from "../../../common/schemas/learning.ts";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";

/**
 * The summary a learner sees before and after a session: when next, and how much will stick, said as
 * "about 8 in 10" with what the number means (decision 0013).
 */
export function Forecast({ plan }: { plan: PracticeResponse }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <dl className="stats forecast">
      <div>
        <dt>{t("ui.practice.nextDue")}</dt>
        <dd data-testid="next-due">
          {!plan.nextDue
            ? t("ui.practice.nothingPlanned")
            : plan.cards.length > 0
              ? t("ui.practice.now")
              : formatDateTime(plan.nextDue, locale)}
        </dd>
      </div>
      {plan.forecastNextWeek !== null ? (
        <div className="forecast-words">
          <dt>{t("ui.practiceForecast.label")}</dt>
          <dd data-testid="forecast">
            <meter min={0} max={1} value={plan.forecastNextWeek} aria-hidden="true" />{" "}
            {t("ui.practiceForecast.words", {
              count: plan.forecastCards,
              share: Math.round(plan.forecastNextWeek * 10),
            })}
            <span className="hint forecast-meaning">{t("ui.practiceForecast.meaning")}</span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
