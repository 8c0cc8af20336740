import { useTranslation } from "react-i18next";
import type { EvidenceView } from "../../../common/schemas/trajectories.ts";
import { Stat } from "../../components/stat.tsx";

/** The facts that describe a study, each shown as it is stored. */
const studyFacts = ["design", "population", "outcome"] as const;

/** One piece of evidence with everything a reader needs to weigh it. */
export function EvidenceCard({ entry, headingLevel = 3 }: { entry: EvidenceView; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <article className="evidence">
      <Heading className="evidence-claim">{entry.claim}</Heading>
      <dl className="evidence-facts">
        <Stat label={t("ui.evidence.figure")}>
          {entry.figure ?? (
            <em>{entry.figureWithheld ? t("ui.evidence.figureWithheld") : t("ui.evidence.noFigure")}</em>
          )}
        </Stat>
        {studyFacts.map((fact) => (
          <Stat key={fact} label={t(`ui.evidence.${fact}`)}>
            {entry[fact]}
          </Stat>
        ))}
        <Stat label={t("ui.evidence.verification")}>
          <span className={`badge badge-verification-${entry.verification}`}>{entry.verificationLabel}</span>
        </Stat>
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
