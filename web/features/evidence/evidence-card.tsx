import { useTranslation } from "react-i18next";
import type { EvidenceView } from "../../../common/schemas/trajectories.ts";

/** One piece of evidence with everything a reader needs to weigh it. */
export function EvidenceCard({ entry, headingLevel = 3 }: { entry: EvidenceView; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <article className="evidence">
      <Heading className="evidence-claim">{entry.claim}</Heading>
      <dl className="evidence-facts">
        <div>
          <dt>{t("ui.evidence.figure")}</dt>
          <dd>
            {entry.figure ?? (
              <em>{entry.figureWithheld ? t("ui.evidence.figureWithheld") : t("ui.evidence.noFigure")}</em>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("ui.evidence.design")}</dt>
          <dd>{entry.design}</dd>
        </div>
        <div>
          <dt>{t("ui.evidence.population")}</dt>
          <dd>{entry.population}</dd>
        </div>
        <div>
          <dt>{t("ui.evidence.outcome")}</dt>
          <dd>{entry.outcome}</dd>
        </div>
        <div>
          <dt>{t("ui.evidence.verification")}</dt>
          <dd>
            <span className={`badge badge-verification-${entry.verification}`}>
              {entry.verificationLabel}
            </span>
          </dd>
        </div>
      </dl>
      <p className="evidence-source" lang="en">
        {entry.source}
      </p>
      {entry.caveats.length > 0 ? (
        <div className="evidence-caveats">
          <p className="caveats-title">{t("ui.evidence.caveats")}</p>
          <ul>
            {entry.caveats.map((caveat) => (
              <li key={caveat}>{caveat}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
