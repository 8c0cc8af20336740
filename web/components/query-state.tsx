import type { ReactNode } from "react";
import { EmptyState, ErrorMessage, Loading } from "./feedback.tsx";

/** What `QueryState` needs of a query; a TanStack `useQuery` result fits. */
export interface QueryLike<T> {
  isLoading: boolean;
  error: unknown;
  data: T | undefined;
}

/**
 * The states of one query on a screen: "Loading…" while it loads, the error when it failed (or else
 * `otherError`: a failed change on the same screen, or another query it needs), then the children with
 * its data — or, when there is nothing to show, the `empty` state. Nothing to show is an empty list
 * unless `isEmpty` says otherwise.
 */
export function QueryState<T>({
  query,
  otherError,
  isEmpty = isEmptyList,
  empty,
  children,
}: {
  query: QueryLike<T>;
  otherError?: unknown;
  isEmpty?: (data: NonNullable<T>) => boolean;
  empty?: { title: string; text?: string };
  children: (data: NonNullable<T>) => ReactNode;
}) {
  const data = query.data ?? undefined;
  return (
    <>
      {query.isLoading ? <Loading /> : null}
      <ErrorMessage error={query.error ?? otherError} />
      {data === undefined ? null : empty && isEmpty(data) ? (
        <EmptyState title={empty.title}>{empty.text ? <p>{empty.text}</p> : null}</EmptyState>
      ) : (
        children(data)
      )}
    </>
  );
}

const isEmptyList = (data: unknown) => Array.isArray(data) && data.length === 0;
