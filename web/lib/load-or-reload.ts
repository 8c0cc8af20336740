const RELOADED_KEY = "beklijf.chunk-reload";

/**
 * A new version replaces the hashed files: a tab opened on the old one asks for a file that is gone.
 * Loading the page again fetches the new shell, once; a second failure is a real error and is shown.
 * Screens (`routes/lazy-page.tsx`) and language catalogues (`lib/i18n.ts`) load through here.
 */
export async function loadOrReload<T>(load: () => Promise<T>): Promise<T> {
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
