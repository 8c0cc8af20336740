import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A form's submit button, disabled while its request is on its way so a second click sends nothing. */
export function SubmitButton({
  pending,
  children,
  className = "button-primary",
}: {
  pending: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button type="submit" className={className} disabled={pending}>
      {children}
    </button>
  );
}

/** Submit and, with `onCancel`, a cancel button beside it ("Cancel" unless `cancelLabel` says otherwise). */
export function FormActions({
  submitLabel,
  pending,
  onCancel,
  cancelLabel,
}: {
  submitLabel: ReactNode;
  pending: boolean;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      {onCancel ? (
        <button type="button" className="button-secondary" onClick={onCancel}>
          {cancelLabel ?? t("ui.common.cancel")}
        </button>
      ) : null}
    </div>
  );
}

interface ItemButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> {
  /** The item the button acts on, read out after its label: ten "Edit" buttons in a list are told apart. */
  item: ReactNode;
}

/** A button in a list whose accessible name ends with the item it acts on ("Edit log 3 March"). */
export function ItemButton({ item, children, ...button }: ItemButtonProps) {
  return (
    <button type="button" {...button}>
      {children}
      <span className="visually-hidden"> {item}</span>
    </button>
  );
}

/** What a button needs of a mutation that takes no variables. */
export interface Runnable {
  isPending: boolean;
  mutate: () => void;
}

/**
 * A button that runs one mutation, disabled while it runs (and whenever `disabled` says so). With
 * `confirm`, for an act that cannot be undone, the browser's own dialog asks that question first.
 */
export function MutationButton({
  mutation,
  className,
  disabled = false,
  confirm,
  children,
}: {
  mutation: Runnable;
  className: string;
  disabled?: boolean;
  confirm?: string;
  children: ReactNode;
}) {
  const run = () => mutation.mutate();
  return (
    <button
      type="button"
      className={className}
      disabled={disabled || mutation.isPending}
      onClick={confirm === undefined ? run : confirmFirst(confirm, run)}
    >
      {children}
    </button>
  );
}

/** A click handler that asks `question` first (window.confirm) and acts only on yes. */
export function confirmFirst(question: string, act: () => void): () => void {
  return () => {
    if (window.confirm(question)) act();
  };
}

/** Edit and delete (or archive) for one item of a list; the second asks first and waits while it runs. */
export function EditDeleteButtons({
  item,
  editLabel,
  onEdit,
  deleteLabel,
  confirmDelete,
  onDelete,
  deleting,
}: {
  item: ReactNode;
  editLabel: string;
  onEdit: () => void;
  deleteLabel: string;
  confirmDelete: string;
  onDelete: () => void;
  deleting: boolean;
}) {
  return (
    <div className="button-row">
      <ItemButton item={item} className="button-secondary small" onClick={onEdit}>
        {editLabel}
      </ItemButton>
      <ItemButton
        item={item}
        className="button-secondary small"
        disabled={deleting}
        onClick={confirmFirst(confirmDelete, onDelete)}
      >
        {deleteLabel}
      </ItemButton>
    </div>
  );
}
