import { EmptyState, ErrorMessage, Loading } from "./feedback.tsx";

interface QueryLike {
  isLoading: boolean;
  error: unknown;
  data?: unknown;
}

/**
 * What a screen shows around its data: "loading" while it loads, the error when it failed, and, for a
 * list, the empty state (what the list is for) when it came back empty.
 */
export function QueryStatus({
  query,
  error = query.error,
  empty,
}: {
  query: QueryLike;
  /** The error to show instead of the query's own, e.g. the first of several queries' errors. */
  error?: unknown;
  empty?: { title: string; text?: string };
}) {
  const isEmpty = Array.isArray(query.data) && query.data.length === 0;
  return (
    <>
      {query.isLoading ? <Loading /> : null}
      <ErrorMessage error={error} />
      {empty && isEmpty ? (
        <EmptyState title={empty.title}>{empty.text ? <p>{empty.text}</p> : null}</EmptyState>
      ) : null}
    </>
  );
}
