import { type ComponentType, lazy, Suspense, useState } from "react";
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
  let loaded: ComponentType | undefined;
  const loadScreen = () => (loading ??= loadOrReload(load).then((module) => (loaded = module[name])));
  const Screen = lazy<ComponentType>(async () => ({ default: await loadScreen() }));
  function LazyPage() {
    // Code that is already here (preloaded, or opened before) renders at once. Through `lazy` it would
    // suspend for a moment anyway, and React holds a screen back 300 ms after showing a fallback.
    // Chosen once per opening, so a later render never swaps the screen (and loses what was typed).
    const [Ready] = useState(() => loaded);
    return <Suspense fallback={<Loading />}>{Ready ? <Ready /> : <Screen />}</Suspense>;
  }
  return Object.assign(LazyPage, { preload: loadScreen });
}
