import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";
import { intlLocale, localeOfTag } from "../../../common/locales.ts";

/**
 * Guarded editors: unsaved work survives a reload as a draft in this browser's local storage, and
 * leaving the page with unsaved work asks first (a route change through react-router's blocker, a
 * reload or closing the tab through `beforeunload`). Shared by the trajectory editor and the question
 * form.
 */

interface StoredDraft<T> {
  savedAt: string;
  value: T;
}

function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps `value` under `key` while `dirty`; `draft` is what an earlier visit left (offered back once).
 * The key holds the record's version, so a draft is never offered on top of a newer save.
 */
export function useDraft<T>(key: string, value: T, dirty: boolean) {
  const [draft, setDraft] = useState(() => readDraft<T>(key));
  const offered = useRef(draft !== null);
  useEffect(() => {
    // While an old draft is offered, do not overwrite it with the untouched form.
    if (!dirty || offered.current) return;
    try {
      window.localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), value }));
    } catch {
      // A full or blocked storage only loses the safety net, not the work on screen.
    }
  }, [key, value, dirty]);
  return {
    draft,
    /** The draft was taken back or thrown away: stop offering it. */
    settle: (keep: boolean) => {
      offered.current = false;
      setDraft(null);
      if (!keep) window.localStorage.removeItem(key);
    },
    /** Saved on the server: the draft is no longer needed. */
    clear: () => window.localStorage.removeItem(key),
  };
}

/** Asks before leaving with unsaved changes: within the app, and on reload or closing the tab. */
export function useLeaveGuard(dirty: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  return blocker;
}

/** The question shown when a route change was blocked: stay, or leave and lose the changes. */
export function LeavePrompt({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const { t } = useTranslation();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === "blocked") stay.current?.focus();
  }, [blocker.state]);
  if (blocker.state !== "blocked") return null;
  return (
    <div className="alert" role="alertdialog" aria-labelledby="leave-prompt-text">
      <p id="leave-prompt-text">{t("ui.trajectory.leaveConfirm")}</p>
      <div className="button-row">
        <button ref={stay} type="button" className="button-primary" onClick={() => blocker.reset()}>
          {t("ui.trajectory.stay")}
        </button>
        <button type="button" className="button-secondary" onClick={() => blocker.proceed()}>
          {t("ui.trajectory.leave")}
        </button>
      </div>
    </div>
  );
}

/** What `useDraft` gives: the draft an earlier visit left, if any, and how to settle it. */
type StoredDraftState<T> = ReturnType<typeof useDraft<T>>;

/** The offer of an earlier draft, if there is one: take it back into the form or throw it away. */
export function DraftOffer<T>({
  stored,
  onRestore,
}: {
  stored: StoredDraftState<T>;
  onRestore: (value: T) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!stored.draft) return null;
  const { savedAt, value } = stored.draft;
  const time = new Intl.DateTimeFormat(intlLocale(localeOfTag(i18n.language)), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(savedAt));
  return (
    <div className="alert" role="region" aria-label={t("ui.trajectory.draftTitle")}>
      <p>{t("ui.trajectory.draftFound", { time })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            onRestore(value);
            stored.settle(true);
          }}
        >
          {t("ui.trajectory.restoreDraft")}
        </button>
        <button type="button" className="button-secondary" onClick={() => stored.settle(false)}>
          {t("ui.trajectory.discardDraft")}
        </button>
      </div>
    </div>
  );
}

/** A destructive action that asks first, in place: the button opens the question with both answers. */
export function ConfirmInline({
  label,
  question,
  confirmLabel,
  keepLabel,
  busy,
  onConfirm,
  className = "button-secondary",
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div className="alert" role="alertdialog" aria-label={label}>
      <p>{question}</p>
      <div className="button-row">
        <button ref={confirm} type="button" className="button-danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
          {keepLabel}
        </button>
      </div>
    </div>
  );
}
