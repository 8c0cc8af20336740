import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { BadgeInProgress, BadgeRuleProgress } from "../../../common/schemas/action-plans.ts";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatPercent } from "../../lib/i18n.ts";

/** A rule's bar: how much of it is there, out of what it needs (0–1 for a proof score). */
function barOf(rule: BadgeRuleProgress): { value: number; max: number } {
  return rule.rule === "competence-proof"
    ? { value: rule.bestShare ?? 0, max: rule.neededShare }
    : { value: rule.have, max: rule.needed };
}

/** What the bar means, in words: what is there and what remains. */
function ruleText(rule: BadgeRuleProgress, t: TFunction, locale: ReturnType<typeof currentLocale>) {
  if (rule.rule === "confirmed-applications")
    return {
      label: t("ui.passport.progress.applications", { have: rule.have, needed: rule.needed }),
      remains: rule.met
        ? t("ui.passport.progress.done")
        : t("ui.passport.progress.applicationsToGo", { count: rule.needed - rule.have }),
    };
  const needed = formatPercent(rule.neededShare, locale);
  return {
    label: t("ui.passport.progress.proof"),
    remains: rule.met
      ? t("ui.passport.progress.proofPassed")
      : rule.bestShare === null
        ? t("ui.passport.progress.proofNotTaken", { needed })
        : t("ui.passport.progress.proofBest", { best: formatPercent(rule.bestShare, locale), needed }),
  };
}

function RuleBar({ rule }: { rule: BadgeRuleProgress }) {
  const { t } = useTranslation();
  const { label, remains } = ruleText(rule, t, currentLocale());
  const bar = barOf(rule);
  return (
    <li className={rule.met ? "rule-met" : undefined}>
      <span className="bar-label">{label}</span>
      <meter min={0} max={bar.max} value={Math.min(bar.value, bar.max)} aria-hidden="true" />{" "}
      <span>{remains}</span>
    </li>
  );
}

/**
 * The badges within reach: each with what its evidence rule still needs, as bars with words (the
 * same rule that awards the badge, so "nothing remains" and "awarded" never disagree).
 */
export function BadgesInProgress({ badges }: { badges: BadgeInProgress[] }) {
  const { t } = useTranslation();
  if (badges.length === 0) return null;
  return (
    <SectionCard
      id="in-progress-title"
      title={t("ui.passport.inProgressTitle")}
      hint={t("ui.passport.inProgressHint")}
    >
      <ul className="plain-list badges-in-progress">
        {badges.map((badge) => (
          <li key={badge.achievementId} className="badge-progress">
            <h3>{badge.name}</h3>
            <p className="hint">{t("ui.passport.competence", { competence: badge.competenceName })}</p>
            <p>{badge.description}</p>
            <ul
              className="plain-list rule-bars"
              aria-label={t("ui.passport.stillNeeded", { badge: badge.name })}
            >
              {badge.rules.map((rule) => (
                <RuleBar key={rule.rule} rule={rule} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}
