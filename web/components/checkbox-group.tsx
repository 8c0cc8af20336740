import type { ReactNode } from "react";
import { Checkbox } from "./choices.tsx";

export interface CheckboxOption<T extends string> {
  value: T;
  label: ReactNode;
}

/** A fieldset of checkboxes that picks several options; `value` holds the ticked ones, in ticking order. */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  name,
  className = "field checkbox-group",
}: {
  legend: string;
  hint?: ReactNode;
  options: readonly CheckboxOption<T>[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  error?: string | undefined;
  name?: string;
  className?: string;
}) {
  const toggle = (option: T, checked: boolean) =>
    onChange(checked ? [...value, option] : value.filter((chosen) => chosen !== option));
  return (
    <fieldset className={className} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {options.map((option) => (
        <Checkbox
          key={option.value}
          label={option.label}
          name={name}
          value={option.value}
          checked={value.includes(option.value)}
          onChange={(checked) => toggle(option.value, checked)}
        />
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
