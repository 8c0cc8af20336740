import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api.ts";

/**
 * The message at the top of a form after a failed request; screen readers hear it at once. With field
 * problems it is an error summary (the GOV.UK pattern): every problem listed, each also shown at its
 * field, so a problem with a field the form does not show is never lost.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.fields.length > 0) {
    return (
      <div className="alert alert-error" role="alert">
        <p className="alert-title">{t("ui.common.errorSummary")}</p>
        <ul>
          {error.fields.map((field) => (
            <li key={`${field.field}-${field.code}`}>{field.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  const message =
    error instanceof ApiError
      ? error.code === "NETWORK"
        ? t("ui.common.networkError")
        : error.message
      : t("ui.common.unexpectedError");
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

/** What an empty list says: what it is for and the next step. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t("ui.common.loading")}
    </p>
  );
}
