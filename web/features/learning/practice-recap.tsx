import { useState } from "react";
import { useTranslation } from "react-i18next";
import { daysUntil, type RecapKind, type RecapLine } from "./practice-queue.ts";

const kinds: RecapKind[] = ["right", "rightSecondTime", "missed", "saved"];

/** "comes back later today", "tomorrow", "in 5 days": when the learner sees a question again. */
function ComesBack({ nextDue, now }: { nextDue: string; now: Date }) {
  const { t } = useTranslation();
  const days = daysUntil(nextDue, now);
  const text =
    days === 0
      ? t("ui.practiceRecap.back.today")
      : days === 1
        ? t("ui.practiceRecap.back.tomorrow")
        : t("ui.practiceRecap.back.days", { count: days });
  return <span className="recap-when">{text}</span>;
}

/** The session at a glance: one bar split by outcome, with the counts spelled out beside it. */
function RecapBar({ lines }: { lines: RecapLine[] }) {
  const { t } = useTranslation();
  const counts = kinds
    .map((kind) => ({ kind, count: lines.filter((line) => line.kind === kind).length }))
    .filter(({ count }) => count > 0);
  return (
    <>
      <div className="stacked-bar recap-bar" aria-hidden="true">
        {counts.map(({ kind, count }) => (
          <span key={kind} className={`segment recap-${kind}`} style={{ flexGrow: count }} />
        ))}
      </div>
      <ul className="recap-legend">
        {counts.map(({ kind, count }) => (
          <li key={kind}>
            <span className={`swatch recap-${kind}`} aria-hidden="true" />
            {t(`ui.practiceRecap.legend.${kind}`, { count })}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The end of a session (as Anki and Duolingo do): what was right, what was missed and asked again, and
 * when each question comes back, in words rather than dates.
 */
export function PracticeRecap({ lines }: { lines: RecapLine[] }) {
  const { t } = useTranslation();
  // Read once when the recap appears: "later today" must not flip while the learner reads it.
  const [now] = useState(() => new Date());
  if (lines.length === 0) return null;
  return (
    <section className="card practice-recap" aria-labelledby="practice-recap">
      <h2 id="practice-recap">{t("ui.practiceRecap.title")}</h2>
      <RecapBar lines={lines} />
      <ul className="recap-lines" data-testid="practice-recap">
        {lines.map((line) => (
          <li key={line.cardId} className={`recap-line recap-line-${line.kind}`}>
            <span className="recap-prompt">{line.prompt}</span>
            <span className="recap-outcome">
              {t(`ui.practiceRecap.kind.${line.kind}`)}
              {line.nextDue ? (
                <>
                  {" · "}
                  <ComesBack nextDue={line.nextDue} now={now} />
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {lines.some((line) => line.kind !== "right" && line.kind !== "saved") ? (
        <p className="hint">{t("ui.practiceRecap.missedNote")}</p>
      ) : null}
    </section>
  );
}
