import { useState, type ChangeEvent } from "react";
import { fieldError } from "./forms.ts";

/** The keys of a draft whose values are text, the ones a text field or select can edit. */
type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * The values of a form being filled in. `bind` ties a text field, text area or select to one of them
 * and to the server's message about its field (the same name unless `field` says otherwise).
 */
export function useDraft<T extends object>(initial: T | (() => T)) {
  const [first] = useState(initial);
  const [values, setValues] = useState(first);
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((now) => ({ ...now, [key]: value }));
  const bind = <K extends TextKey<T>>(key: K, error?: unknown, field: string = key) => ({
    value: values[key] as string,
    onChange: (event: ChangeEvent<{ value: string }>) => set(key, event.target.value as T[K]),
    error: fieldError(error, field),
  });
  /** Back to the first values: all of them, or only `keys`. */
  const reset = (...keys: (keyof T)[]) =>
    setValues((now) => (keys.length === 0 ? first : { ...now, ...pick(first, keys) }));
  return { values, set, bind, reset };
}

function pick<T extends object>(from: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Partial<T>;
}

/** A form's draft, as `useDraft` returns it: for components that show part of a bigger form. */
export type Draft<T extends object> = ReturnType<typeof useDraft<T>>;
