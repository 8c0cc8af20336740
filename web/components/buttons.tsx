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

/** A button that sends one change; it is not offered again while that is on its way, so it is sent once. */
export function MutationButton({
  mutation,
  className,
  children,
}: {
  mutation: { mutate: (variables: void) => void; isPending: boolean };
  className: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={mutation.isPending}
      onClick={() => mutation.mutate()}
    >
      {children}
    </button>
  );
}
