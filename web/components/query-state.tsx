import type { ReactNode } from "react";
import { EmptyState, ErrorMessage, Loading } from "./feedback.tsx";

interface QueryLike<T> {
  isLoading: boolean;
  error: unknown;
  data: T | undefined;
}

/**
 * The states of one query on a screen: "Loading…" while it loads, the error when it failed, then the
 * children with its data — or, when `isEmpty` says there is nothing to show, the empty state.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: NonNullable<T>) => boolean;
  empty?: { title: string; text?: string };
  children: (data: NonNullable<T>) => ReactNode;
}) {
  const data = query.data ?? undefined;
  return (
    <>
      {query.isLoading ? <Loading /> : null}
      <ErrorMessage error={query.error} />
      {data === undefined ? null : empty && isEmpty?.(data) ? (
        <EmptyState title={empty.title}>{empty.text ? <p>{empty.text}</p> : null}</EmptyState>
      ) : (
        children(data)
      )}
    </>
  );
}

/** `isEmpty` for a query whose data is a list. */
export const noItems = (items: readonly unknown[]) => items.length === 0;
