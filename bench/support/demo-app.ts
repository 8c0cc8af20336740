import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "../../server/db/seed/demo.ts";
import { start, stop, waitFor } from "./load.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Runs Beklijf as its own process on a fresh demo data folder at `base` (serving the built web app),
 * signs the demo learner in, and gives `work` her session cookie (`name=value`); stops the app and
 * removes the folder afterwards. For the page benches (Lighthouse, long tasks).
 */
export async function withDemoLearner(base: string, work: (cookie: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-bench-pages-"));
  const server = start(path.join(ROOT, "server/main.ts"), {
    PORT: new URL(base).port,
    DATA_DIR: path.join(dir, "data"),
    LOG_LEVEL: "warn",
    PUBLIC_URL: base,
  });
  try {
    await waitFor(`${base}/api/health`);
    const response = await fetch(`${base}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "learner@demo.beklijf.nl", password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`sign-in: ${response.status}`);
    await work(response.headers.get("set-cookie")!.split(";")[0]!);
  } finally {
    await stop(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
