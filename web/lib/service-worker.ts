/**
 * Registers the service worker that keeps the app shell on the device (vite-plugin-pwa, Workbox), so a
 * reload without a connection still opens Beklijf. Only in a built app: the development server has no
 * worker. A browser that refuses (private mode, a test that blocks workers) simply runs without one.
 * A new version takes over on the next load; the page is never reloaded under a learner's hands.
 * Workbox's helper is a chunk of its own, fetched once the page has loaded: the worker then precaches
 * every chunk, which must not compete with the first screen's code and answers (decision 0031).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  afterLoad(() => {
    void import("workbox-window")
      .then(({ Workbox }) => new Workbox("/sw.js", { scope: "/" }).register())
      .catch(() => undefined);
  });
}

function afterLoad(run: () => void): void {
  if (document.readyState === "complete") run();
  else window.addEventListener("load", run, { once: true });
}
