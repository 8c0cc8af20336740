import { useTranslation } from "react-i18next";
import type { EffectSizeView } from "../../../common/schemas/impact.ts";
import { currentLocale, formatDecimal, formatNumber, formatPercent } from "../../lib/i18n.ts";

/**
 * The pre/post effect size with its interval, in plain words, and the caveats beside any benchmark.
 * The headline (d_pre, docs/decisions/0009) comes first; each figure says when it is corrected.
 */
export function EffectSizePanel({ effect }: { effect: EffectSizeView | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="card" aria-labelledby="impact-effect">
      <h2 id="impact-effect">{t("ui.impact.effectSize")}</h2>
      {!effect ? (
        <p>{t("impact.noPrePost")}</p>
      ) : (
        <>
          <p className="hint">
            {effect.preLabel} → {effect.postLabel}
          </p>
          {effect.meanPre !== null && effect.meanPost !== null ? (
            <dl className="stats">
              <div>
                <dt>{t("ui.impact.before")}</dt>
                <dd>{formatPercent(effect.meanPre / 100, locale)}</dd>
              </div>
              <div>
                <dt>{t("ui.impact.after")}</dt>
                <dd>{formatPercent(effect.meanPost / 100, locale)}</dd>
              </div>
              {effect.result.estimates.map((e) => (
                <div key={e.metric}>
                  <dt>
                    {e.metric}
                    {e.metric === effect.result.headline ? ` (${t("ui.impact.headline")})` : null}
                  </dt>
                  <dd>
                    {e.metric === effect.result.headline ? (
                      <strong>{formatDecimal(e.value, locale)}</strong>
                    ) : (
                      formatDecimal(e.value, locale)
                    )}{" "}
                    <span className="hint">
                      [{formatDecimal(e.ciLow, locale)}; {formatDecimal(e.ciHigh, locale)}]
                    </span>
                    {e.corrected ? <span className="hint"> {t("ui.impact.corrected")}</span> : null}
                  </dd>
                </div>
              ))}
              <div>
                <dt>n</dt>
                <dd>{formatNumber(effect.result.n, locale)}</dd>
              </div>
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
    </section>
  );
}
