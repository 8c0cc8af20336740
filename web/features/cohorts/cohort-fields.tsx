import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../common/schemas/people.ts";
import { CheckboxGroup } from "../../components/checkbox-group.tsx";
import { Field } from "../../components/field.tsx";
import type { Draft } from "../../lib/draft.ts";
import { fieldError } from "../../lib/forms.ts";

/** What a planner fills in about a cohort, when planning it and when changing it. */
export interface CohortDraft {
  name: string;
  /** Practice days as YYYY-MM-DD; empty ones are left out when sent. */
  dates: string[];
  personIds: string[];
}

/**
 * The cohort's name, practice days and extra participants; `children` stand between the days and the
 * participants (the teams, when planning).
 */
export function CohortFields({
  draft,
  error,
  people,
  nameHint,
  children,
}: {
  draft: Draft<CohortDraft>;
  error: unknown;
  people: PersonSummary[];
  nameHint?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("ui.cohorts.name")} hint={nameHint} {...draft.bind("name", error)} />
      <PracticeDaysField
        dates={draft.values.dates}
        onChange={(dates) => draft.set("dates", dates)}
        error={fieldError(error, "sessionDates")}
      />
      {children}
      <ParticipantsPicker
        people={people}
        value={draft.values.personIds}
        onChange={(personIds) => draft.set("personIds", personIds)}
        error={fieldError(error, "personIds")}
      />
    </>
  );
}

/** The cohort's practice days, one date field each, and a button for one more. */
function PracticeDaysField({
  dates,
  onChange,
  error,
}: {
  dates: string[];
  onChange: (dates: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t("fields.sessionDates")}</legend>
      {dates.map((date, index) => (
        <Field
          key={index}
          label={t("ui.cohorts.practiceDay", { number: index + 1 })}
          type="date"
          value={date}
          onChange={(e) => onChange(dates.map((d, i) => (i === index ? e.target.value : d)))}
          error={index === 0 ? error : undefined}
        />
      ))}
      <button type="button" className="button-secondary small" onClick={() => onChange([...dates, ""])}>
        {t("ui.cohorts.addDay")}
      </button>
    </fieldset>
  );
}

/**
 * People who join the cohort besides its teams, in a folded, scrolling list; the error stands outside
 * the fold so it is seen while the list is closed.
 */
function ParticipantsPicker({
  people,
  value,
  onChange,
  error,
}: {
  people: PersonSummary[];
  value: string[];
  onChange: (personIds: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <details>
        <summary>{t("ui.cohorts.choosePeople", { count: value.length })}</summary>
        <div className="scroll-box">
          <CheckboxGroup
            legend={t("fields.personIds")}
            options={people.map((person) => ({ value: person.id, label: person.name }))}
            value={value}
            onChange={onChange}
          />
        </div>
      </details>
      {error ? <p className="field-error">{error}</p> : null}
    </>
  );
}
