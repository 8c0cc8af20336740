import { type ComponentType, lazy, Suspense } from "react";
import { Loading } from "../components/feedback.tsx";

const RELOADED_KEY = "beklijf.chunk-reload";

/**
 * A new version replaces the hashed files: a tab opened on the old one asks for a file that is gone.
 * Loading the page again fetches the new shell, once; a second failure is a real error and is shown.
 */
async function loadOrReload<T>(load: () => Promise<T>): Promise<T> {
  try {
    const loaded = await load();
    globalThis.sessionStorage?.removeItem(RELOADED_KEY);
    return loaded;
  } catch (error) {
    if (globalThis.sessionStorage && !sessionStorage.getItem(RELOADED_KEY)) {
      sessionStorage.setItem(RELOADED_KEY, "1");
      window.location.reload();
    }
    throw error;
  }
}

/**
 * A screen whose code is fetched when someone first opens it (route-level splitting, decision 0031): a
 * learner's phone downloads Today and Practice, not the trajectory editor or the impact charts.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  const Screen = lazy<ComponentType>(async () => ({ default: (await loadOrReload(load))[name] }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    );
  };
}
