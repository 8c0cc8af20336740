import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../components/page.tsx";
import { QueryState, type QueryLike } from "../../components/query-state.tsx";

/**
 * A learner's screen opened from Today (an activity, extra material): its title once loaded, the way
 * back, and the states of the query behind it; `writeError` is a failed change made on it.
 */
export function LearningScreen<T>({
  title,
  query,
  writeError,
  children,
}: {
  title: string | undefined;
  query: QueryLike<T>;
  writeError: unknown;
  children: (data: NonNullable<T>) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Page title={title ?? t("ui.common.loading")}>
      <p>
        <Link to="/today">← {t("ui.learn.back")}</Link>
      </p>
      <QueryState query={query} otherError={writeError}>
        {children}
      </QueryState>
    </Page>
  );
}
