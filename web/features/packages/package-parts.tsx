import { useTranslation } from "react-i18next";
import type { AttemptView } from "../../../common/schemas/packages.ts";
import { statusKey } from "./attempt-status.tsx";

type Part = NonNullable<AttemptView["units"]>[number];

/**
 * The SCOs of a package that has several: each with where the learner stands and a button to open it.
 * The main button continues with the first part not yet finished; here a learner picks another.
 */
export function PackageParts({
  units,
  playing,
  disabled,
  onPlay,
}: {
  units: Part[];
  playing: string | undefined;
  disabled: boolean;
  onPlay: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="package-parts" aria-labelledby="package-parts-heading">
      <h3 id="package-parts-heading">{t("ui.packages.partsHeading")}</h3>
      <p className="hint">{t("ui.packages.partsIntro")}</p>
      <ol>
        {units.map((unit) => (
          <li key={unit.id} aria-current={unit.id === playing ? "step" : undefined}>
            <span className="package-part-title">{unit.title}</span>{" "}
            <span className="package-part-status">
              {t(`ui.packages.statuses.${statusKey(unit)}`, {
                defaultValue: t("ui.packages.statuses.unknown"),
              })}
            </span>
            {unit.id === playing ? null : (
              <button
                type="button"
                className="button-secondary"
                disabled={disabled}
                onClick={() => onPlay(unit.id)}
              >
                {t("ui.packages.playPart", { title: unit.title })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
