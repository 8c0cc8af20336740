import { useDeferredValue } from "react";

/**
 * A query's answer as a screen draws it, deferred: React then draws the screen for a new answer in
 * slices between which the phone stays responsive. A query's update is otherwise drawn at once, in one
 * task (on a slow phone, Today's first answer was 400 ms of blocked time; decision 0031). Until the
 * deferred answer catches up with the first one, the screen still says it is loading.
 */
export function useDeferredAnswer<T>(query: { data: T | undefined; isLoading: boolean }): {
  data: T | undefined;
  isLoading: boolean;
} {
  const data = useDeferredValue(query.data);
  return { data, isLoading: query.isLoading || (data === undefined && query.data !== undefined) };
}
