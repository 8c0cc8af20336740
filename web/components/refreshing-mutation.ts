import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";

/**
 * A change on the server after which what it touched is read again: once it succeeds, `onSuccess`
 * runs first (closing a form, say) and then the queries under `refresh` are invalidated. The mutation
 * stays pending until they are, so its button is not offered again on stale data.
 */
export function useRefreshingMutation<TData, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  refresh: QueryKey,
  onSuccess?: (data: TData) => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (data) => {
      onSuccess?.(data);
      await client.invalidateQueries({ queryKey: refresh });
    },
  });
}
