import { defineConfig } from "vitest/config";

const integration = ["server/**/*.int.test.ts"];
/** Fails a test on unexpected console errors and warnings, and on the app's error log. */
const setupFiles = ["test-support/error-output-guard.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "common/**/*.test.ts", "web/**/*.test.ts"],
          exclude: integration,
          environment: "node",
          setupFiles,
        },
      },
      {
        test: {
          name: "int-pglite",
          include: integration,
          env: { TEST_DB: "pglite" },
          setupFiles,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "int-postgres",
          include: integration,
          env: { TEST_DB: "postgres" },
          setupFiles,
          globalSetup: ["test-support/postgres-server.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
