import { defineConfig } from "vitest/config";

const integration = ["server/**/*.int.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "common/**/*.test.ts", "web/**/*.test.ts"],
          exclude: integration,
          environment: "node",
        },
      },
      {
        test: {
          name: "int-pglite",
          include: integration,
          env: { TEST_DB: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "int-postgres",
          include: integration,
          env: { TEST_DB: "postgres" },
          globalSetup: ["test-support/postgres-server.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
