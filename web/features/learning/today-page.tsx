import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TodayItem } from "../../../common/schemas/learning.ts";
import { ItemButton } from "../../components/buttons.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { useDeferredAnswer } from "../../lib/deferred-answer.ts";
import { currentLocale, formatDay, prepareFormats } from "../../lib/i18n.ts";
import { useProgress, useToday } from "./learning-api.ts";
import { MyCheckInsCard } from "./task-tool.tsx";

// Today shows a day on every item: its formatters are made while the answer is still on its way.
prepareFormats({ days: true });

function itemTitle(item: TodayItem, t: TFunction): string {
  if (item.kind === "practice") return t("ui.today.practiceTitle");
  if (item.kind === "extra-material") return t("ui.today.extraMaterial", { competence: item.title });
  if (item.kind === "practice-day") return t("ui.today.practiceDay", { title: item.title });
  if (item.kind === "plan") return t("ui.today.planMoment", { action: item.title });
  if (item.kind === "pulse") return t("ui.pulse.todayItem", { count: Number(item.title) });
  return item.title;
}

function ItemMeta({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <span className="hint">
      {t("ui.trajectory.minutes", { count: item.durationMinutes })}
      {item.type && item.kind === "activity" ? ` · ${t(`ui.activityTypes.${item.type}`)}` : ""}
      {item.status === "earlier" ? ` · ${t("ui.today.since", { date: formatDay(item.date, locale) })}` : ""}
      {item.status === "upcoming" ? ` · ${formatDay(item.date, locale)}` : ""}
      {item.tool === "check-in" ? ` · ${t("ui.tasks.closesByManager")}` : ""}
      {` · ${item.cohortName}`}
    </span>
  );
}

function TodoItem({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  return (
    <li className={`today-item today-${item.kind}`}>
      <div>
        {item.kind === "practice-day" ? (
          <strong>{itemTitle(item, t)}</strong>
        ) : (
          <Link to={item.href}>
            <strong>{itemTitle(item, t)}</strong>
          </Link>
        )}
        <ItemMeta item={item} />
      </div>
      {item.kind === "practice" ? (
        <Link className="button-primary" to="/practice">
          {t("ui.today.startPractice")}
        </Link>
      ) : null}
    </li>
  );
}

/** An optional activity: the learner decides. Skipping is a normal choice, not a failure. */
function MenuItem({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  const progress = useProgress(item.cohortId, item.activityId ?? "");
  return (
    <li className="today-item">
      <div>
        <Link to={item.href}>
          <strong>{item.title}</strong>
        </Link>
        <ItemMeta item={item} />
      </div>
      <div className="button-row">
        <ItemButton
          item={item.title}
          className="button-secondary small"
          disabled={progress.isPending}
          onClick={() => progress.mutate("chosen")}
        >
          {t("ui.today.choose")}
        </ItemButton>
        <ItemButton
          item={item.title}
          className="link-button small"
          disabled={progress.isPending}
          onClick={() => progress.mutate("skipped")}
        >
          {t("ui.today.skip")}
        </ItemButton>
      </div>
      <ErrorMessage error={progress.error} />
    </li>
  );
}

/** A skipped optional activity: changing one's mind is fine, so it can be taken back. */
function SkippedItem({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  const progress = useProgress(item.cohortId, item.activityId ?? "");
  return (
    <li className="today-item">
      <div>
        <Link to={item.href}>{item.title}</Link>
        <ItemMeta item={item} />
      </div>
      <ItemButton
        item={item.title}
        className="button-secondary small"
        disabled={progress.isPending}
        onClick={() => progress.mutate("open")}
      >
        {t("ui.tasks.takeBack")}
      </ItemButton>
      <ErrorMessage error={progress.error} />
    </li>
  );
}

/** The learner's start screen: what to do now, in order, with how long each takes. */
export function TodayPage() {
  const { t } = useTranslation();
  const today = useToday();
  const locale = currentLocale();
  const { data, isLoading } = useDeferredAnswer(today);
  const minutes = data?.items.reduce((sum, item) => sum + item.durationMinutes, 0) ?? 0;
  return (
    <Page title={t("ui.today.title")}>
      {isLoading ? <Loading /> : null}
      <ErrorMessage error={today.error} />
      {data ? (
        <>
          <p className="lead">
            {formatDay(data.date, locale)}
            {data.items.length > 0
              ? ` · ${t("ui.today.summary", { count: data.items.length, minutes })}`
              : ""}
          </p>
          {data.pausedUntil ? (
            <p className="notice">
              {t("ui.today.paused", { date: formatDay(data.pausedUntil, locale) })}{" "}
              <Link to="/profile#reminders">{t("ui.today.changePause")}</Link>
            </p>
          ) : null}
          <section className="card" aria-labelledby="today-todo">
            <h2 id="today-todo">{t("ui.today.todo")}</h2>
            {data.items.length === 0 ? (
              <EmptyState title={t("ui.today.emptyTitle")}>
                <p>{t("ui.today.emptyText")}</p>
              </EmptyState>
            ) : (
              <ol className="today-list" data-testid="today-items">
                {data.items.map((item) => (
                  <TodoItem key={item.key} item={item} />
                ))}
              </ol>
            )}
            {data.doneToday > 0 ? (
              <p className="hint">{t("ui.today.doneToday", { count: data.doneToday })}</p>
            ) : null}
          </section>
          {data.menu.length > 0 ? (
            <section className="card" aria-labelledby="today-menu">
              <h2 id="today-menu">{t("ui.today.menu")}</h2>
              <p className="hint">{t("ui.today.menuHint")}</p>
              <ul className="today-list">
                {data.menu.map((item) => (
                  <MenuItem key={item.key} item={item} />
                ))}
              </ul>
            </section>
          ) : null}
          {data.skipped && data.skipped.length > 0 ? (
            <section className="card" aria-labelledby="today-skipped">
              <h2 id="today-skipped">{t("ui.tasks.skipped")}</h2>
              <p className="hint">{t("ui.tasks.skippedHint")}</p>
              <ul className="today-list" data-testid="today-skipped">
                {data.skipped.map((item) => (
                  <SkippedItem key={item.key} item={item} />
                ))}
              </ul>
            </section>
          ) : null}
          {data.upcoming.length > 0 ? (
            <section className="card" aria-labelledby="today-upcoming">
              <h2 id="today-upcoming">{t("ui.today.upcoming")}</h2>
              <ul className="today-list">
                {data.upcoming.map((item) => (
                  <li key={item.key} className="today-item">
                    <div>
                      <strong>{itemTitle(item, t)}</strong>
                      <ItemMeta item={item} />
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <MyCheckInsCard />
        </>
      ) : null}
    </Page>
  );
}
