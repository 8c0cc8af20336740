import type { InputHTMLAttributes, ReactNode } from "react";
import { Field } from "./field.tsx";

interface NumberFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "value" | "onChange" | "type" | "inputMode"
> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  value: number;
  /** The whole number typed; `fallback` while the field is empty or holds no number. */
  onValueChange: (value: number) => void;
  fallback?: number;
}

/** A labelled field for a whole number, with the numeric keyboard on a phone. */
export function NumberField({ value, onValueChange, fallback = 0, ...field }: NumberFieldProps) {
  return (
    <Field
      {...field}
      type="number"
      inputMode="numeric"
      value={String(value)}
      onChange={(e) => onValueChange(Number.parseInt(e.target.value, 10) || fallback)}
    />
  );
}
