import { onlineManager, QueryClient } from "@tanstack/react-query";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { i18nReady } from "./lib/i18n.ts";
import { OfflineStatus } from "./components/offline-status.tsx";
import { ApiError, askEarly } from "./lib/api.ts";
import { isOnline, subscribeToConnection } from "./lib/connection.ts";
import { persistOptions } from "./lib/offline-cache.ts";
import { registerServiceWorker } from "./lib/service-worker.ts";
import { appRoutes, firstAnswerOf, preloadScreen } from "./routes/app-routes.tsx";
import "./styles.css";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
    // A write runs even when the browser says it is offline: answers and application log entries then
    // go to the device's outbox, and any other write says at once that it was not saved. A paused
    // write (TanStack's default) would look busy and vanish on a reload. Decision 0017.
    mutations: { networkMode: "always" },
  },
});

// Queries wait while Beklijf cannot be reached (showing the last sync) and fetch again when it can.
onlineManager.setEventListener((setOnline) => subscribeToConnection(() => setOnline(isOnline())));

// A data router, so editors can ask before a route change loses unsaved work (useBlocker).
const router = createBrowserRouter(appRoutes);

/**
 * What the first screen needs is asked for now, beside its language, not one after the other once it
 * renders: its code, who is signed in, and (Today, practice) its answer, each a round trip on a slow
 * phone connection. The answer is asked for beside `me`, not after it: someone who is not signed in
 * (or still owes a second factor) costs one refused request, everyone else a round trip less before
 * the screen shows. Offline the restored copy is shown and nothing is asked.
 */
function askForFirstScreen(matches: typeof router.state.matches): void {
  preloadScreen(matches);
  if (!navigator.onLine) return;
  void askEarly("/api/me");
  const firstAnswer = firstAnswerOf(matches);
  if (firstAnswer) void askEarly(firstAnswer);
}
askForFirstScreen(router.state.matches);

/**
 * The first render is a transition: React then works in slices of a few milliseconds and lets the
 * browser paint and handle input between them, where a plain render (React's code compiled on first
 * use, the router, the shell) was one task of 400 ms on a slow phone (Lighthouse, decision 0031). The
 * first screen waits for the reader's catalogue (one small chunk), so it never shows a bare key.
 */
function renderApp(): void {
  const root = createRoot(document.getElementById("root")!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
          <OfflineStatus />
          <RouterProvider router={router} />
        </PersistQueryClientProvider>
      </StrictMode>,
    ),
  );
}
void i18nReady.then(renderApp);

registerServiceWorker();
