import { type ComponentType, lazy, Suspense, useState } from "react";
import { Loading } from "../components/feedback.tsx";
import { loadAllTexts } from "../lib/i18n.ts";
import { loadOrReload } from "../lib/load-or-reload.ts";

/** A screen whose code loads on first use; `preload` starts that early (the first screen at start). */
export type LazyScreen = ComponentType & { preload: () => Promise<unknown> };

/**
 * The texts a screen shows: only the first screens' (sign-in, Today, practice and the shell, listed in
 * common/i18n/first-screen-texts.ts), or every text of the reader's language.
 */
export type ScreenTexts = "first" | "all";

/**
 * A screen whose code is fetched when someone first opens it (route-level splitting, decision 0031): a
 * learner's phone downloads Today and Practice, not the trajectory editor or the impact charts. The
 * screen renders once its code and its texts are both in, fetched side by side.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
  texts: ScreenTexts = "all",
): LazyScreen {
  let loading: Promise<ComponentType> | undefined;
  let loaded: ComponentType | undefined;
  const loadTexts = () => (texts === "all" ? loadAllTexts() : Promise.resolve());
  const loadScreen = () =>
    (loading ??= Promise.all([loadOrReload(load), loadTexts()]).then(([module]) => (loaded = module[name])));
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
