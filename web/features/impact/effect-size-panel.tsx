import { useTranslation } from "react-i18next";
import type { EffectSizeView } from "../../../common/schemas/impact.ts";
import { SectionCard } from "../../components/section-card.tsx";
import { Stat } from "../../components/stat.tsx";
import { currentLocale, formatDecimal, formatNumber, formatPercent } from "../../lib/i18n.ts";

/**
 * The pre/post effect size with its interval, in plain words, and the caveats beside any benchmark.
 * The headline (d_pre, docs/decisions/0009) comes first; each figure says when it is corrected.
 */
export function EffectSizePanel({ effect }: { effect: EffectSizeView | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SectionCard id="impact-effect" title={t("ui.impact.effectSize")}>
      {!effect ? (
        <p>{t("impact.noPrePost")}</p>
      ) : (
        <>
          <p className="hint">
            {effect.preLabel} → {effect.postLabel}
          </p>
          {effect.meanPre !== null && effect.meanPost !== null ? (
            <dl className="stats">
              <Stat label={t("ui.impact.before")}>{formatPercent(effect.meanPre / 100, locale)}</Stat>
              <Stat label={t("ui.impact.after")}>{formatPercent(effect.meanPost / 100, locale)}</Stat>
              {effect.result.estimates.map((e) => {
                const isHeadline = e.metric === effect.result.headline;
                return (
                  <Stat
                    key={e.metric}
                    label={isHeadline ? `${e.metric} (${t("ui.impact.headline")})` : e.metric}
                  >
                    {isHeadline ? (
                      <strong>{formatDecimal(e.value, locale)}</strong>
                    ) : (
                      formatDecimal(e.value, locale)
                    )}{" "}
                    <span className="hint">
                      [{formatDecimal(e.ciLow, locale)}; {formatDecimal(e.ciHigh, locale)}]
                    </span>
                    {e.corrected ? <span className="hint"> {t("ui.impact.corrected")}</span> : null}
                  </Stat>
                );
              })}
              <Stat label="n">{formatNumber(effect.result.n, locale)}</Stat>
            </dl>
          ) : null}
          {[...effect.explanation, ...effect.result.notes].map((line, index) => (
            <p key={index}>{line}</p>
          ))}
          {effect.comparisons.length > 0 ? (
            <>
              <h3>{t("ui.impact.comparisons")}</h3>
              <ul>
                {effect.comparisons.map((c) => (
                  <li key={c.figure}>
                    <strong>{c.figure}</strong>: {c.label}
                    <p className="notice">{c.caveat}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </SectionCard>
  );
}
