import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

/** What every field takes besides its control's own attributes. */
interface FrameProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

/** The attributes that tie a control to its label, hint and error. */
interface ControlAria {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * The frame every field shares: label, hint and error, with the ids the control needs so a screen
 * reader announces the hint and the error with it (aria-describedby).
 */
function FieldFrame({
  id,
  label,
  hint,
  error,
  control,
}: FrameProps & { id: string | undefined; control: (aria: ControlAria) => ReactNode }) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {control({ id: inputId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Splits a field's props into the frame's and the control's own. */
function split<P extends FrameProps & { id?: string | undefined }>({
  label,
  error,
  hint,
  id,
  ...control
}: P) {
  return { frame: { label, error, hint, id }, control };
}

/** A labelled input whose hint and error are announced with it. */
export function Field(props: FrameProps & InputHTMLAttributes<HTMLInputElement>) {
  const { frame, control } = split(props);
  return <FieldFrame {...frame} control={(aria) => <input {...aria} {...control} />} />;
}

/** A labelled select, with its hint and error tied to it like `Field`. */
export function SelectField(props: FrameProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const { frame, control } = split(props);
  return <FieldFrame {...frame} control={(aria) => <select {...aria} {...control} />} />;
}

/** A labelled multi-line field, with its hint and error tied to it like `Field`. */
export function TextAreaField(props: FrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { frame, control } = split(props);
  return <FieldFrame {...frame} control={(aria) => <textarea {...aria} {...control} />} />;
}
