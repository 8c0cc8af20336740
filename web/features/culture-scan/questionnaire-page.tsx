import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  firstUnanswered,
  scaleLabels,
  sections,
  type Item,
} from "../../../common/culture-scan/questionnaire.ts";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { SelectOptions } from "../../components/select-options.tsx";
import type { ScanAnswers as Answers, ScanLookup as Lookup } from "../../../common/schemas/culture-scans.ts";
import { contentLocale } from "../../../common/locales.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { scanApi, scanKeys } from "./culture-scan-api.ts";

function linkFromHash(): { token: string; shared: boolean } {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const shared = params.get("shared");
  return shared ? { token: shared, shared: true } : { token: params.get("token") ?? "", shared: false };
}

/** The anonymous questionnaire: one section per step, saved as you go, resumable with the same link. */
export function QuestionnairePage() {
  const { t } = useTranslation();
  const [{ token, shared }] = useState(linkFromHash);
  const lookup = useQuery({
    queryKey: scanKeys.link(token),
    queryFn: () => scanApi.lookup(token),
    enabled: token.length >= 20,
    retry: false,
  });
  return (
    <Page title={lookup.data?.title ?? t("ui.questionnaire.title")}>
      {lookup.isLoading ? <Loading /> : null}
      {token.length < 20 || lookup.error ? <ErrorMessage error={lookup.error ?? new Error("token")} /> : null}
      {lookup.data?.status === "answered" ? (
        <p className="alert alert-success">{t("ui.questionnaire.alreadyAnswered")}</p>
      ) : null}
      {lookup.data && (lookup.data.status === "closed" || lookup.data.status === "planned") ? (
        <p className="notice">{t("ui.questionnaire.notOpen")}</p>
      ) : null}
      {lookup.data?.status === "open" ? (
        <Questionnaire lookup={lookup.data} token={token} shared={shared} />
      ) : null}
    </Page>
  );
}

const storageKey = (token: string) => `beklijf.scan.${token.slice(0, 12)}`;

function Questionnaire({ lookup, token, shared }: { lookup: Lookup; token: string; shared: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [step, setStep] = useState(0);
  const [teamId, setTeamId] = useState("");
  const [answers, setAnswers] = useState<Answers>(() => {
    if (!shared) return lookup.draft ?? {};
    try {
      return JSON.parse(localStorage.getItem(storageKey(token)) ?? "{}") as Answers;
    } catch {
      return {};
    }
  });
  const [done, setDone] = useState(false);
  /** The required question the respondent skipped, shown when she tries to send. */
  const [open, setOpen] = useState<ReturnType<typeof firstUnanswered>>(null);
  const save = useMutation({
    mutationFn: (next: Answers) => scanApi.saveDraft(token, next),
  });
  const submit = useMutation({
    mutationFn: () => scanApi.submit(token, answers, teamId || null),
    onSuccess: () => {
      if (shared) {
        // The shared poster link has no personal key; this keeps one browser from answering twice.
        localStorage.removeItem(storageKey(token));
        localStorage.setItem(`${storageKey(token)}.done`, "1");
      }
      setDone(true);
    },
  });
  useEffect(() => {
    if (shared) localStorage.setItem(storageKey(token), JSON.stringify(answers));
  }, [answers, shared, token]);

  if (done) return <p className="alert alert-success">{t("ui.questionnaire.thanks")}</p>;
  if (shared && localStorage.getItem(`${storageKey(token)}.done`)) {
    return <p className="alert alert-success">{t("ui.questionnaire.alreadyAnswered")}</p>;
  }
  const section = sections[step]!;
  const last = step === sections.length - 1;
  const next = (event: FormEvent) => {
    event.preventDefault();
    if (!shared) save.mutate(answers);
    const unanswered = last ? firstUnanswered(answers) : null;
    if (unanswered) {
      // Take her to the step and the question, and say which one.
      setOpen(unanswered);
      setStep(unanswered.step);
      requestAnimationFrame(() => {
        const target = document.getElementById(`q-${unanswered.item.id}`);
        target?.scrollIntoView({ block: "center" });
        target?.querySelector<HTMLElement>("input, textarea")?.focus();
      });
    } else if (last) submit.mutate();
    else {
      setStep(step + 1);
      window.scrollTo(0, 0);
    }
  };
  return (
    <form className="card form questionnaire" onSubmit={next} noValidate>
      {step === 0 ? (
        <>
          <p className="lead">{t("ui.questionnaire.intro", { organisation: lookup.organisationName })}</p>
          <p className="hint">{t("ui.questionnaire.anonymous")}</p>
          {lookup.lateButStarted ? <p className="notice">{t("ui.questionnaire.late")}</p> : null}
          {shared && lookup.teams.length > 0 ? (
            <div className="field">
              <label htmlFor="scan-team">{t("ui.questionnaire.team")}</label>
              <select id="scan-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
                <option value="">{t("ui.questionnaire.noTeam")}</option>
                <SelectOptions items={lookup.teams} toValue={(team) => team.id} label={(team) => team.name} />
              </select>
            </div>
          ) : null}
        </>
      ) : null}
      <div className="progress">
        <label htmlFor="scan-progress">
          {t("ui.questionnaire.step", { step: step + 1, total: sections.length })}
        </label>
        <progress id="scan-progress" max={sections.length} value={step + 1} />
      </div>
      <h2>{section.title[contentLocale(locale)]}</h2>
      {open ? (
        <p className="alert alert-error" role="alert">
          {t(open.count > 1 ? "ui.questionnaire.unansweredMore" : "ui.questionnaire.unanswered", {
            number: open.number,
            step: open.step + 1,
            question: open.item.text[contentLocale(locale)],
            more: open.count - 1,
          })}
        </p>
      ) : null}
      {section.items.map((item) => (
        <Question
          key={item.id}
          item={item}
          value={answers[item.id]}
          missing={open?.item.id === item.id}
          onChange={(value) => {
            const next = { ...answers, [item.id]: value };
            setAnswers(next);
            if (open) setOpen(firstUnanswered(next));
          }}
        />
      ))}
      <ErrorMessage error={submit.error ?? save.error} />
      <div className="button-row">
        {step > 0 ? (
          <button type="button" className="button-secondary" onClick={() => setStep(step - 1)}>
            {t("ui.questionnaire.back")}
          </button>
        ) : null}
        <button type="submit" className="button-primary" disabled={submit.isPending}>
          {last ? t("ui.questionnaire.send") : t("ui.questionnaire.next")}
        </button>
      </div>
      {!shared ? <p className="hint">{t("ui.questionnaire.resume")}</p> : null}
    </form>
  );
}

function Question({
  item,
  value,
  missing,
  onChange,
}: {
  item: Item;
  value: string | number | undefined;
  missing: boolean;
  onChange: (value: string | number) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (item.kind === "open") {
    return (
      <div className="field">
        <label htmlFor={`q-${item.id}`}>{item.text[contentLocale(locale)]}</label>
        <textarea
          id={`q-${item.id}`}
          rows={4}
          maxLength={1000}
          value={String(value ?? "")}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    );
  }
  const options =
    item.kind === "scale" ? scaleLabels.map((label, i) => ({ value: i + 1, text: label })) : item.options;
  return (
    <fieldset
      id={`q-${item.id}`}
      className="field choice-group"
      aria-describedby={missing ? `q-${item.id}-missing` : undefined}
    >
      <legend>{item.text[contentLocale(locale)]}</legend>
      {missing ? (
        <p id={`q-${item.id}-missing`} className="field-error">
          {t("ui.questionnaire.unansweredHere")}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={String(option.value)} className="checkbox">
          <input
            type="radio"
            name={item.id}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.text[contentLocale(locale)]}</span>
        </label>
      ))}
    </fieldset>
  );
}
