import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium: `playwright install` cannot download browsers on these machines.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = {
  executablePath: chromium,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const appEnv = (port: number, withSmtp: boolean) => ({
  PORT: String(port),
  PUBLIC_URL: `http://localhost:${port}`,
  DATA_DIR: `test-results/e2e-data-${port}`,
  LOG_LEVEL: "warn",
  ...(withSmtp ? { SMTP_URL: "smtp://127.0.0.1:2599" } : {}),
});

// Starts each app on a fresh embedded database.
const startApp = (port: number) =>
  `node -e "require('node:fs').rmSync('test-results/e2e-data-${port}',{recursive:true,force:true});require('node:fs').rmSync('test-results/e2e-data-${port}.lock',{force:true})" && node server/main.ts`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // One retry in CI, as Playwright recommends: a journey that fails twice fails the run, and one that passes
  // only on the retry is listed as "flaky" in the report, so it is seen and fixed, not hidden.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: [["list"]],
  use: { trace: "retain-on-failure", actionTimeout: 10_000, launchOptions },
  projects: [
    {
      name: "laptop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions },
    },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: [
    {
      command: "node e2e/support/smtp-peer-server.ts 2599 test-results/e2e-mail",
      port: 2599,
      reuseExistingServer: false,
    },
    {
      command: startApp(3100),
      url: "http://localhost:3100/api/health",
      env: appEnv(3100, true),
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: startApp(3101),
      url: "http://localhost:3101/api/health",
      env: appEnv(3101, false),
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
