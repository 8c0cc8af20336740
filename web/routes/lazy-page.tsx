import { type ComponentType, lazy, Suspense } from "react";
import { Loading } from "../components/feedback.tsx";
import { loadOrReload } from "../lib/load-or-reload.ts";

/** A screen whose code loads on first use; `preload` starts that early (the first screen at start). */
export type LazyScreen = ComponentType & { preload: () => Promise<unknown> };

/**
 * A screen whose code is fetched when someone first opens it (route-level splitting, decision 0031): a
 * learner's phone downloads Today and Practice, not the trajectory editor or the impact charts.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyScreen {
  let loading: Promise<ComponentType> | undefined;
  const loadScreen = () => (loading ??= loadOrReload(load).then((module) => module[name]));
  const Screen = lazy<ComponentType>(async () => ({ default: await loadScreen() }));
  function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    );
  }
  return Object.assign(LazyPage, { preload: loadScreen });
}
