import { onlineManager, QueryClient } from "@tanstack/react-query";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { i18nReady } from "./lib/i18n.ts";
import { OfflineStatus } from "./components/offline-status.tsx";
import { ApiError, askEarly } from "./lib/api.ts";
import { isOnline, subscribeToConnection } from "./lib/connection.ts";
import { persistOptions } from "./lib/offline-cache.ts";
import { registerServiceWorker } from "./lib/service-worker.ts";
import type { MeResponse } from "../common/schemas/me.ts";
import { AppRoutes, firstAnswerOf, preloadScreen } from "./routes/app-routes.tsx";
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
const router = createBrowserRouter([{ path: "*", element: <AppRoutes /> }]);

/**
 * What the first screen needs is asked for now, beside its language, not one after the other once it
 * renders: its code, who is signed in, and (Today, practice) its answer once someone is (each a round
 * trip on a slow phone connection). Offline the restored copy is shown and nothing is asked.
 */
function askForFirstScreen(pathname: string): void {
  preloadScreen(pathname);
  if (!navigator.onLine) return;
  const firstAnswer = firstAnswerOf(pathname);
  askEarly<MeResponse>("/api/me").then(
    (me) => {
      if (firstAnswer && !me.secondFactor) void askEarly(firstAnswer).catch(() => undefined);
    },
    () => undefined,
  );
}
askForFirstScreen(window.location.pathname);

// The first screen waits for the reader's catalogue (one small chunk), so it never shows a bare key.
void i18nReady.then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
        <OfflineStatus />
        <RouterProvider router={router} />
      </PersistQueryClientProvider>
    </StrictMode>,
  ),
);

registerServiceWorker();
