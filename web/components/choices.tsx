import { type ReactNode, useId } from "react";

/**
 * One labelled checkbox: a yes-or-no setting, or (with `name` and `value`) one choice of a group. With
 * `hint`, a line below says what it means, read out with the checkbox.
 */
export function Checkbox({
  label,
  checked,
  onChange,
  name,
  value,
  hint,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string | undefined;
  value?: string;
  hint?: ReactNode;
}) {
  const hintId = useId();
  const box = (
    <label className="checkbox">
      <input
        type="checkbox"
        name={name}
        value={value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? hintId : undefined}
      />
      <span>{label}</span>
    </label>
  );
  if (!hint) return box;
  return (
    <div className="field">
      {box}
      <p className="hint" id={hintId}>
        {hint}
      </p>
    </div>
  );
}

/** A fieldset of radio buttons that picks one option; `name` groups them for the arrow keys. */
export function RadioGroup<T extends string | number>({
  legend,
  name,
  options,
  value,
  onChange,
  disabled,
}: {
  legend: ReactNode;
  name: string;
  options: readonly { value: T; label: ReactNode }[];
  value: T | "" | undefined;
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="field" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="radio">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
