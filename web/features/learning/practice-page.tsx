import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PracticeAnswerBody, PracticeCardView } from "../../../common/schemas/learning.ts";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { ApiError } from "../../lib/api.ts";
import { useDeferredAnswer } from "../../lib/deferred-answer.ts";
import { currentLocale, formatDay, prepareFormats } from "../../lib/i18n.ts";
import { learningApi, learningKeys, usePractice } from "./learning-api.ts";
import {
  feedbackState,
  optionState,
  useCheckedLater,
  useKeepAnswer,
  useWithoutKeptAnswers,
} from "./offline-answer.tsx";
import { OpenAnswer } from "./open-answer.tsx";
import { Forecast } from "./practice-forecast.tsx";
import {
  afterAnswer,
  recapOf,
  type SessionAnswer,
  type SessionItem,
  startSession,
} from "./practice-queue.ts";
import { PracticeRecap } from "./practice-recap.tsx";

// Practice shows counts and days: their formatters are made while the cards are still on their way.
prepareFormats({ days: true });

interface Outcome {
  nextDue: string | null;
  correct: boolean | null;
  feedback: string;
  correctOptionIds: string[];
  chosen: string | null;
  offline: boolean;
  clientId: string;
}

type AnswerPayload = PracticeAnswerBody["answer"];

/**
 * One answer as sent (or kept offline): a fresh client id each time, so a question asked again in the
 * session is a second answer, while a resend of this one still counts once.
 */
function answerBody(cardId: string, answer: AnswerPayload, shownAt: number): PracticeAnswerBody {
  return {
    cardId,
    answer,
    answeredAt: new Date().toISOString(),
    clientId: crypto.randomUUID(),
    responseMs: Date.now() - shownAt,
  };
}

function CardView({
  card,
  repeat,
  outcome,
  onAnswer,
  busy,
}: {
  card: PracticeCardView;
  /** Asked again because it was missed earlier in this session. */
  repeat: boolean;
  outcome: Outcome | null;
  onAnswer: (answer: AnswerPayload) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const q = card.question;
  return (
    <article className="card practice-card" aria-labelledby={`q-${card.cardId}`}>
      <p className="tag">
        {q.competence}
        {q.aiDrafted ? <span className="ai-label"> · {t("ui.ai.learnerLabel")}</span> : null}
      </p>
      {repeat ? <p className="again-tag">{t("ui.practiceRecap.againTag")}</p> : null}
      {q.situation ? <p className="situation">{q.situation}</p> : null}
      <h2 id={`q-${card.cardId}`}>{q.prompt}</h2>
      {q.kind === "open" ? (
        <OpenAnswer modelAnswer={q.modelAnswer ?? ""} disabled={busy || outcome !== null} onRate={onAnswer} />
      ) : (
        <ul className="options">
          {q.options.map((option) => {
            const state = optionState(outcome, option.id);
            return (
              <li key={option.id}>
                <button
                  type="button"
                  className={`option ${state}`}
                  disabled={busy || outcome !== null}
                  aria-pressed={outcome?.chosen === option.id}
                  onClick={() => onAnswer(option.id)}
                >
                  {option.text}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div role="status" aria-live="polite">
        {outcome ? (
          <div className={`feedback ${feedbackState(outcome)}`}>
            <p className="feedback-title">
              {outcome.offline
                ? t("ui.practice.savedOffline")
                : outcome.correct
                  ? t("ui.practice.right")
                  : t("ui.practice.notQuite")}
            </p>
            {outcome.feedback ? <p>{outcome.feedback}</p> : null}
            {outcome.correct === false && !repeat ? (
              <p className="hint" data-testid="card-next-due">
                {t("ui.practiceRecap.askAgainSoon")}
              </p>
            ) : outcome.nextDue ? (
              <p className="hint" data-testid="card-next-due">
                {t("ui.practice.seeAgain", {
                  date: formatDay(outcome.nextDue.slice(0, 10), currentLocale()),
                })}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </article>
  );
}

/**
 * Today's practice: one card at a time, feedback right after each answer, the next due date and the
 * forecast at the end. Answers made without a connection wait on the device and go later.
 */
export function PracticePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const practice = usePractice();
  const keepForLater = useKeepAnswer();
  const [session, setSession] = useState<SessionItem[] | null>(null);
  // Every answer of this visit, for the recap at the end.
  const [given, setGiven] = useState<SessionAnswer[]>([]);
  const [index, setIndex] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [shownAt, setShownAt] = useState(() => Date.now());
  const nextButton = useRef<HTMLButtonElement>(null);

  // Answers kept offline are sent from any screen (OfflineStatus); the one on screen then shows its feedback.
  // The recap then counts it as right or missed too (the last answer given is the one on screen).
  useCheckedLater(outcome?.offline ? outcome.clientId : null, (result) => {
    setOutcome(
      (shown) => shown && { ...result, chosen: shown.chosen, offline: false, clientId: shown.clientId },
    );
    setGiven((earlier) =>
      earlier.map((answer, at) =>
        at === earlier.length - 1 && answer.correct === null
          ? { ...answer, correct: result.correct, nextDue: result.nextDue }
          : answer,
      ),
    );
  });

  // Cards answered offline and not yet sent are not asked again (useWithoutKeptAnswers).
  const drawn = useDeferredAnswer(practice);
  const plan = useWithoutKeptAnswers(drawn.data);
  const queue = session ?? startSession(plan?.cards ?? []);
  const item = queue[index];
  const card = item?.card;
  const finished = session !== null && index >= session.length;

  async function answer(payload: AnswerPayload) {
    if (!item || !card) return;
    // The session is fixed at the first answer: a refetch of the plan must not reshuffle it.
    if (session === null) setSession(queue);
    const body = answerBody(card.cardId, payload, shownAt);
    const chosen = typeof payload === "string" ? payload : null;
    setBusy(true);
    setError(null);
    try {
      const result = await learningApi.answerCard(body);
      setOutcome({ ...result, chosen, offline: false, clientId: body.clientId });
      noteAnswer(item, result.correct, result.nextDue);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "NETWORK") {
        await keepForLater(body);
        noteAnswer(item, null, null);
        setOutcome({
          clientId: body.clientId,
          correct: null,
          feedback: "",
          correctOptionIds: [],
          chosen,
          offline: true,
          nextDue: null,
        });
      } else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  /** Keeps the answer for the recap and, for a miss, asks the question again a few questions later. */
  function noteAnswer(answered: SessionItem, correct: boolean | null, nextDue: string | null) {
    setSession(afterAnswer(queue, index, correct));
    setGiven((earlier) => [
      ...earlier,
      {
        cardId: answered.card.cardId,
        prompt: answered.card.question.prompt,
        repeat: answered.repeat,
        correct,
        nextDue,
      },
    ]);
  }

  useEffect(() => {
    if (outcome) nextButton.current?.focus();
  }, [outcome]);

  function restart() {
    setSession(null);
    setIndex(0);
    setOutcome(null);
    setShownAt(Date.now());
  }

  async function next() {
    const following = index + 1;
    // Fetch the new state before leaving the last card, so the end screen never shows stale cards.
    if (session && following >= session.length) {
      await client.invalidateQueries({ queryKey: learningKeys.practice() });
      await client.invalidateQueries({ queryKey: learningKeys.today() });
    }
    setOutcome(null);
    setShownAt(Date.now());
    setIndex(following);
  }

  return (
    <Page title={t("ui.practice.title")}>
      {drawn.isLoading ? <Loading /> : null}
      <ErrorMessage error={practice.error ?? error} />
      {plan ? (
        <>
          {plan.pausedUntil ? (
            <p className="notice">
              {t("ui.practice.paused")} <Link to="/profile#reminders">{t("ui.today.changePause")}</Link>
            </p>
          ) : null}
          {card && !finished ? (
            <>
              <div className="session-progress">
                <label htmlFor="practice-progress">
                  {t("ui.practice.progress", { current: index + 1, total: queue.length })}
                </label>
                <progress id="practice-progress" max={queue.length} value={index} />
              </div>
              <CardView
                key={`${card.cardId}-${index}`}
                card={card}
                repeat={item.repeat}
                outcome={outcome}
                onAnswer={(a) => void answer(a)}
                busy={busy}
              />
              {outcome ? (
                <button ref={nextButton} type="button" className="button-primary" onClick={() => void next()}>
                  {index + 1 < queue.length ? t("ui.practice.next") : t("ui.practice.finish")}
                </button>
              ) : null}
            </>
          ) : (
            <>
              {finished ? <PracticeRecap lines={recapOf(given)} /> : null}
              <section className="card" aria-labelledby="practice-done">
                {plan.cards.length > 0 ? (
                  // Misses on one competence brought related questions forward, within today's budget.
                  <>
                    <h2 id="practice-done">{t("ui.practice.moreTitle")}</h2>
                    <p>{t("ui.practice.moreText", { count: plan.cards.length })}</p>
                    <button type="button" className="button-primary" onClick={restart}>
                      {t("ui.practice.continue")}
                    </button>
                  </>
                ) : (
                  <>
                    <h2 id="practice-done">
                      {finished ? t("ui.practice.doneTitle") : t("ui.practice.noneTitle")}
                    </h2>
                    <p>
                      {plan.backlog > 0
                        ? t("ui.practice.backlog", { count: plan.backlog })
                        : t("ui.practice.doneText")}
                    </p>
                  </>
                )}
                <p>
                  <Link to="/today">{t("ui.practice.backToToday")}</Link>
                </p>
              </section>
            </>
          )}
          <Forecast plan={plan} />
        </>
      ) : null}
    </Page>
  );
}
