import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
// Kept here rather than imported from the schemas, so the web bundle does not load zod.
const selfRatings = ["again", "hard", "good", "easy"] as const;
type SelfRating = (typeof selfRatings)[number];

/**
 * An open question: write your own answer first, then compare it with the model answer and say how
 * well you knew it. This is the only place a learner grades themselves.
 */
export function OpenAnswer({
  modelAnswer,
  disabled,
  onRate,
}: {
  modelAnswer: string;
  disabled: boolean;
  onRate: (answer: { text: string; selfRating: SelfRating }) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [revealed, setRevealed] = useState(false);
  const id = useId();
  return (
    <div className="open-answer">
      <label htmlFor={id}>{t("ui.practice.yourAnswer")}</label>
      <textarea id={id} rows={4} value={text} onChange={(e) => setText(e.target.value)} disabled={revealed} />
      {revealed ? (
        <>
          <div className="model-answer">
            <p className="feedback-title">{t("ui.practice.modelAnswer")}</p>
            <p>{modelAnswer}</p>
          </div>
          <fieldset className="self-rating">
            <legend>{t("ui.practice.howWell")}</legend>
            <div className="button-row">
              {selfRatings.map((rating) => (
                <button
                  key={rating}
                  type="button"
                  className="button-secondary"
                  disabled={disabled}
                  onClick={() => onRate({ text, selfRating: rating })}
                >
                  {t(`ui.practice.ratings.${rating}`)}
                </button>
              ))}
            </div>
          </fieldset>
        </>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setRevealed(true)}>
          {t("ui.practice.showModel")}
        </button>
      )}
    </div>
  );
}
