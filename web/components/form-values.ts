import { useState, type FormEvent } from "react";
import { fieldError } from "../lib/forms.ts";

/** The names of the fields that hold text. */
type TextKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * The values of a form in one object. `bind(name, error)` gives a text field its value, its change
 * handler and the server's message for that field (from the failed request `error`, if given), so a
 * form lists its fields instead of wiring each one by hand.
 */
export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = (patch: Partial<T>) => setValues((current) => ({ ...current, ...patch }));
  const bind = (name: TextKeys<T>, error?: unknown) => ({
    value: values[name] as string,
    onChange: (event: { target: { value: string } }) => set({ [name]: event.target.value } as Partial<T>),
    error: fieldError(error, name),
  });
  return { values, set, setValues, bind };
}

/** What `useFormValues` gives, for a component that renders some of a form's fields. */
export type FormValues<T extends object> = ReturnType<typeof useFormValues<T>>;

/** A form's submit handler that sends `mutation` instead of letting the browser post the page. */
export function submitTo(mutation: { mutate: (variables: void) => void }) {
  return (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
}
