import { useTranslation } from "react-i18next";
import type { DesignCheckResult } from "../../../common/schemas/trajectories.ts";
import { ErrorMessage } from "../../components/feedback.tsx";
import { EvidenceCard } from "../evidence/evidence-card.tsx";

/** The transfer score as a bar (people would rather look than read) and the findings, each explained. */
export function DesignCheckPanel({
  result,
  error,
  busy,
}: {
  result: DesignCheckResult | undefined;
  error: unknown;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const score = result?.score ?? 0;
  const band = score >= 80 ? "good" : score >= 50 ? "fair" : "weak";
  return (
    <aside className="card design-check" aria-labelledby="design-check-title" aria-busy={busy}>
      <h2 id="design-check-title">{t("ui.designCheck.title")}</h2>
      <ErrorMessage error={error} />
      {result ? (
        <>
          <div className="score">
            <p className="score-number" aria-live="polite">
              <span className="visually-hidden">
                {t("ui.designCheck.scoreLabel")}
                {t("ui.common.colon")}
              </span>
              <strong data-testid="transfer-score">{score}</strong>
              <span aria-hidden="true"> / 100</span>
            </p>
            <div className={`score-bar score-${band}`} aria-hidden="true">
              <div className="score-fill" style={{ width: `${score}%` }} />
            </div>
            <p className="hint">{t(`ui.designCheck.band.${band}`)}</p>
          </div>
          {result.findings.length === 0 ? (
            <p className="alert alert-success">{t("ui.designCheck.none")}</p>
          ) : null}
          <ol className="findings">
            {result.findings.map((finding) => (
              <li key={finding.rule} className={`finding finding-${finding.severity}`}>
                <p>
                  <span className={`badge badge-severity-${finding.severity}`}>
                    {t(`ui.designCheck.severity.${finding.severity}`)}
                  </span>{" "}
                  {finding.message}
                </p>
                <p className="advice">
                  <strong>{t("ui.designCheck.advice")}:</strong> {finding.advice}
                </p>
                {finding.evidence.length > 0 ? (
                  <details>
                    <summary>{t("ui.designCheck.evidence", { count: finding.evidence.length })}</summary>
                    {finding.evidence.map((entry) => (
                      <EvidenceCard key={entry.id} entry={entry} headingLevel={4} />
                    ))}
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </aside>
  );
}
