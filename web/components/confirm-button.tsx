import type { ReactNode } from "react";

/** A button for an act that cannot be undone (deleting, marking final): the browser's own dialog asks first. */
export function ConfirmButton({
  question,
  onConfirm,
  disabled,
  className = "button-danger small",
  children,
}: {
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      onClick={() => {
        if (window.confirm(question)) onConfirm();
      }}
    >
      {children}
    </button>
  );
}
