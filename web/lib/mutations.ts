import { useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";

/** The queries a write makes stale: some by key, or "all" when it may change what any screen shows. */
export type Stale = readonly QueryKey[] | "all";

/** Marks `stale` queries for refetching; the promise settles once the active ones are fetched again. */
export async function refresh(client: QueryClient, stale: Stale): Promise<void> {
  if (stale === "all") await client.invalidateQueries();
  else await Promise.all(stale.map((queryKey) => client.invalidateQueries({ queryKey })));
}

interface SaveOptions<TData, TVariables> {
  /** Runs as soon as the write succeeded, before the refresh: clear a form, close an editor. */
  onSaved?: (data: TData, variables: TVariables) => unknown;
  /** Runs after the refresh: navigate, tell the parent. */
  afterRefresh?: (data: TData, variables: TVariables) => unknown;
}

/**
 * A mutation that refreshes the queries it makes stale once it succeeds; it stays pending until they
 * are fetched again, so its button stays disabled until the screen shows the change.
 */
export function useSaveThenRefresh<TData = unknown, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  stale: Stale,
  { onSaved, afterRefresh }: SaveOptions<TData, TVariables> = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (data, variables) => {
      await onSaved?.(data, variables);
      await refresh(client, stale);
      await afterRefresh?.(data, variables);
    },
  });
}
