import { useState, type FormEvent } from "react";
import { ApiError } from "./api.ts";

/** The server's message for one field, if the last request failed on it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** An onSubmit handler that keeps the browser from posting the form and does `act` instead. */
export function onSubmitDo(act: () => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault();
    act();
  };
}

/** The names of the fields that hold text (an unset optional text counts as empty). */
type TextKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends string ? K : never }[keyof T] & string;

/**
 * Value and change handler of each text field of `values`, for a form whose values live elsewhere (a
 * document being edited): `{...text("title")}` instead of wiring the field by hand.
 */
export function textBinder<T extends object>(values: T, onChange: (patch: Partial<T>) => void) {
  return (name: TextKeys<T>) => ({
    value: (values[name] ?? "") as string,
    onChange: (event: { target: { value: string } }) =>
      onChange({ [name]: event.target.value } as Partial<T>),
  });
}

/**
 * The values of a form in one object. `bind(name, error)` gives a text field its value, its change
 * handler and the server's message for that field (from the failed request `error`, if given).
 */
export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = (patch: Partial<T>) => setValues((current) => ({ ...current, ...patch }));
  const text = textBinder(values, set);
  const bind = (name: TextKeys<T>, error?: unknown) => ({ ...text(name), error: fieldError(error, name) });
  return { values, set, setValues, bind };
}

/** What `useFormValues` gives, for a component that renders some of a form's fields. */
export type FormValues<T extends object> = ReturnType<typeof useFormValues<T>>;
