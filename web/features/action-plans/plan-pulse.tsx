import { useTranslation } from "react-i18next";
import {
  type PlanView,
  type PulseRating,
  pulseRatings,
  type PulseView,
} from "../../../common/schemas/action-plans.ts";
import { ErrorMessage } from "../../components/feedback.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatDay } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { givePulse, planKeys, usePlanPulse } from "./action-plans-api.ts";
import { LogApplication } from "./log-application.tsx";

type PulsePlan = PulseView["plans"][number];

/** "Did it" and "tried" say something happened: the log form opens with the matching outcome. */
const suggestedOutcome = { "did-it": "went-well", tried: "partly" } as const;

/**
 * One plan's row: the plan, and three buttons of which the chosen one stays pressed. Tapping another
 * changes this week's answer; the server keeps one per plan and week, however often it is tapped.
 */
function PulseRow({ plan }: { plan: PulsePlan }) {
  const { t } = useTranslation();
  const rate = useSaveThenRefresh((rating: PulseRating) => givePulse(plan.planId, rating), [planKeys.all]);
  const suggested = plan.rating && plan.rating !== "not-yet" ? suggestedOutcome[plan.rating] : undefined;
  return (
    <li className="pulse-row">
      <p className="pulse-plan">{plan.action}</p>
      <div
        className="button-row pulse-choices"
        role="group"
        aria-label={t("ui.pulse.choicesFor", { action: plan.action })}
      >
        {pulseRatings.map((rating) => (
          <button
            key={rating}
            type="button"
            className={`pulse-choice pulse-${rating}`}
            aria-pressed={plan.rating === rating}
            disabled={rate.isPending}
            onClick={() => rate.mutate(rating)}
          >
            {t(`ui.pulse.ratings.${rating}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={rate.error} />
      {suggested ? (
        <div className="pulse-log">
          <p className="hint">{t("ui.pulse.logOffer")}</p>
          <LogApplication
            key={suggested}
            plan={{ id: plan.planId, action: plan.action }}
            suggested={suggested}
            label={t("ui.pulse.logIt")}
          />
        </div>
      ) : null}
    </li>
  );
}

/**
 * The weekly pulse at the top of the plans page: how each open plan went this week, in one tap each
 * ("did it", "tried", "not yet"). It feeds the plan's history and the manager's view of the plan.
 */
export function WeeklyPulse() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const pulse = usePlanPulse();
  const data = pulse.data;
  if (!data || data.plans.length === 0) return <ErrorMessage error={pulse.error} />;
  return (
    <SectionCard
      id="pulse"
      className="card pulse"
      title={t("ui.pulse.title")}
      hint={t("ui.pulse.hint", { date: formatDay(data.week, locale) })}
    >
      {data.given ? <p className="notice-inline">{t("ui.pulse.allGiven")}</p> : null}
      <ul className="plain-list pulse-list">
        {data.plans.map((plan) => (
          <PulseRow key={plan.planId} plan={plan} />
        ))}
      </ul>
    </SectionCard>
  );
}

/** The plan's last weeks in the learner's own words, newest first. */
export function PulseHistory({ pulses, title }: { pulses: PlanView["pulses"]; title?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (pulses.length === 0) return null;
  return (
    <div className="pulse-history">
      <p className="hint">{title ?? t("ui.pulse.historyTitle")}</p>
      <ul className="plain-list">
        {pulses.map((pulse) => (
          <li key={pulse.week} className={`pulse-${pulse.rating}`}>
            {t("ui.pulse.historyItem", {
              week: formatDay(pulse.week, locale),
              rating: t(`ui.pulse.ratings.${pulse.rating}`),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
