import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import packageJson from "./package.json" with { type: "json" };
import { catalogueParts } from "./scripts/catalogue-parts.ts";
import { inlineStylesheet } from "./scripts/inline-stylesheet.ts";
import { precompress } from "./scripts/precompress.ts";

/**
 * Addresses the service worker never answers with the app shell: the API (with its downloads, the
 * iCalendar feed and the OpenAPI document) and files by name. They need the server, and a calendar app
 * or a download must see its real answer, not index.html.
 */
const SERVER_ONLY = [/^\/api\//, /\/[^/?]+\.[a-z0-9]+(\?.*)?$/i];

/** Busts the persisted query cache when a new build ships: an answer's shape may have changed. */
const BUILD_ID = `${packageJson.version}+${new Date().toISOString()}`;

const OUT_DIR = "../dist/web";

export default defineConfig({
  root: "web",
  define: { __BUILD_ID__: JSON.stringify(BUILD_ID) },
  plugins: [
    react(),
    // Each catalogue as the first screens' texts and the rest, two chunks (decision 0031).
    catalogueParts(path.resolve(import.meta.dirname, "common/i18n")),
    // The start-up stylesheet inside index.html, so the first paint waits for no other file.
    inlineStylesheet(),
    // The app shell is precached; API answers are not cached by the worker (they hold one person's data
    // and must never reach the next person on a shared phone). Decision 0017.
    VitePWA({
      strategies: "generateSW",
      injectRegister: false,
      registerType: "autoUpdate",
      manifest: {
        name: "Beklijf",
        short_name: "Beklijf",
        description: "Workplace training that sticks: today's tasks, practice and plans.",
        lang: "nl",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#f5f7f6",
        theme_color: "#0b5d4b",
        icons: [
          { src: "/favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
          { src: "/icon-maskable.svg", sizes: "any", type: "image/svg+xml", purpose: "maskable" },
        ],
      },
      includeManifestIcons: false,
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,woff2}"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: SERVER_ONLY,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [],
      },
    }),
    // Brotli and gzip copies of every text file, made once here and sent as they are (decision 0031).
    precompress(path.resolve(import.meta.dirname, "dist/web")),
  ],
  json: { stringify: true, namedExports: false },
  build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { "/api": "http://localhost:3000" } },
});
