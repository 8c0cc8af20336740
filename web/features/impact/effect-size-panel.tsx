import { useTranslation } from "react-i18next";
import type { EffectSizeView } from "../../../common/schemas/impact.ts";

/**
 * The pre/post effect size with its interval, in plain words, and the caveats beside any benchmark.
 * The headline (d_pre, docs/decisions/0009) comes first; each figure says when it is corrected.
 */
export function EffectSizePanel({ effect }: { effect: EffectSizeView | null }) {
  const { t } = useTranslation();
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
                <dd>{effect.meanPre}%</dd>
              </div>
              <div>
                <dt>{t("ui.impact.after")}</dt>
                <dd>{effect.meanPost}%</dd>
              </div>
              {effect.result.estimates.map((e) => (
                <div key={e.metric}>
                  <dt>
                    {e.metric}
                    {e.metric === effect.result.headline ? ` (${t("ui.impact.headline")})` : null}
                  </dt>
                  <dd>
                    {e.metric === effect.result.headline ? <strong>{e.value}</strong> : e.value}{" "}
                    <span className="hint">
                      [{e.ciLow}; {e.ciHigh}]
                    </span>
                    {e.corrected ? <span className="hint"> {t("ui.impact.corrected")}</span> : null}
                  </dd>
                </div>
              ))}
              <div>
                <dt>n</dt>
                <dd>{effect.result.n}</dd>
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
