import { useId, type FormHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { onSubmitDo } from "../lib/forms.ts";
import { SubmitButton, type Runnable } from "./buttons.tsx";
import { ErrorMessage, SuccessMessage } from "./feedback.tsx";

/** What a form needs of a mutation (a TanStack `useMutation` result without variables fits). */
export interface Submission extends Runnable {
  error: unknown;
  isSuccess: boolean;
}

interface MutationFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit"> {
  mutation: Submission;
  submitLabel: ReactNode;
  /** Shown once the mutation succeeded. */
  savedMessage?: ReactNode;
  /** The form's heading (an h2), which also names the form for screen readers. */
  title?: string;
  /** Before the messages, after the title: an introduction. */
  intro?: ReactNode;
  /** After the submit button: a link or a hint. */
  footer?: ReactNode;
  /** What submitting does when it is more than `mutation.mutate()` (a check first, extra variables). */
  onSubmit?: () => void;
}

/** A settings card: a `MutationForm` whose button says "Save" and which says "Saved" once it has. */
export function SettingsForm(props: Omit<MutationFormProps, "submitLabel" | "savedMessage">) {
  const { t } = useTranslation();
  return (
    <MutationForm
      className="card form"
      noValidate
      submitLabel={t("ui.common.save")}
      savedMessage={t("ui.common.saved")}
      {...props}
    />
  );
}

/**
 * A form that sends one mutation: the error summary and the success message on top, the fields, then
 * the submit button, disabled while the request is on its way.
 */
export function MutationForm({
  mutation,
  submitLabel,
  savedMessage,
  title,
  intro,
  footer,
  onSubmit,
  children,
  ...form
}: MutationFormProps) {
  const titleId = useId();
  return (
    <form
      aria-labelledby={title ? titleId : undefined}
      {...form}
      onSubmit={onSubmitDo(onSubmit ?? mutation.mutate)}
    >
      {title ? <h2 id={titleId}>{title}</h2> : null}
      {intro}
      <ErrorMessage error={mutation.error} />
      {savedMessage && mutation.isSuccess ? <SuccessMessage>{savedMessage}</SuccessMessage> : null}
      {children}
      <SubmitButton pending={mutation.isPending}>{submitLabel}</SubmitButton>
      {footer}
    </form>
  );
}
