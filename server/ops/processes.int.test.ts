import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind } from "../../test-support/database.ts";
import { buildLearner, buildOrganisation, TEST_PASSWORD } from "../../test-support/factories.ts";
import { withPostgresQuery } from "../../test-support/table-digests.ts";

/**
 * Several processes on one PostgreSQL server (decision 0030): two web processes (`JOBS_MODE=off`) and
 * `npm run worker`, all through PgBouncer in transaction pooling mode, as hosting providers run it.
 * Killing one web process under load loses no write it acknowledged, and the other keeps answering.
 */

const root = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function startProcess(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, script)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  return child;
}

/** PgBouncer refuses to run as root; as root it runs as Debian's `postgres` user, like the test server. */
async function startPgBouncer(server: URL): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-bouncer-"));
  folders.push(dir);
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port} user=${server.username}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = any",
      "pool_mode = transaction",
      "max_client_conn = 200",
      "default_pool_size = 8",
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const command = asRoot
    ? ["runuser", "-u", "postgres", "--", "/usr/sbin/pgbouncer", path.join(dir, "pgbouncer.ini")]
    : ["/usr/sbin/pgbouncer", path.join(dir, "pgbouncer.ini")];
  const child = spawn(command[0]!, command.slice(1), { stdio: "ignore" });
  children.push(child);
  await waitFor(async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = net.createConnection(port, "127.0.0.1", () => {
        socket.end();
        resolve();
      });
      socket.on("error", reject);
    });
  });
  return port;
}

async function waitFor(probe: () => Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await probe();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function healthy(base: string): Promise<void> {
  const response = await fetch(`${base}/api/health`);
  if (!response.ok) throw new Error(`${base}: ${response.status}`);
}

interface Web {
  base: string;
  process: ChildProcess;
}

async function startWeb(databaseUrl: string, webDist: string): Promise<Web> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const child = startProcess("server/main.ts", {
    DATABASE_URL: databaseUrl,
    JOBS_MODE: "off",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: base,
    DEMO_SEED: "false",
    WEB_DIST: webDist,
  });
  await waitFor(() => healthy(base));
  return { base, process: child };
}

/** Logs applications of one if-then plan as fast as it can; keeps those the server acknowledged (201). */
async function writeUntil(
  web: Web,
  cookie: string,
  planId: string,
  label: string,
  stop: () => boolean,
): Promise<{ acknowledged: string[]; failed: number }> {
  const acknowledged: string[] = [];
  let failed = 0;
  for (let n = 0; !stop(); n++) {
    const whatHappened = `${label}-${n}: the morning meeting started and I asked first`;
    try {
      const response = await post(web, `/api/action-plans/${planId}/applications`, cookie, `${label}-${n}`, {
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        whatHappened,
        outcome: "went-well",
      });
      if (response.status === 201) acknowledged.push(whatHappened);
      else failed++;
    } catch {
      failed++;
    }
  }
  return { acknowledged, failed };
}

function post(web: Web, url: string, cookie: string, key: string, body: object): Promise<Response> {
  return fetch(`${web.base}${url}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: web.base,
      cookie,
      "idempotency-key": `processes-test-${key}`,
    },
    body: JSON.stringify(body),
  });
}

if (testDatabaseKind === "postgres") {
  describe("two web processes and a worker through PgBouncer (transaction pooling)", () => {
    it("serve together; killing one web process loses no acknowledged write and the other keeps answering", async () => {
      const database = await createTestDatabase();
      try {
        const organisation = await buildOrganisation(database.db);
        const learner = await buildLearner(database.db, organisation.id);
        const direct = new URL(database.url!);
        const bouncer = new URL(direct);
        bouncer.port = String(await startPgBouncer(direct));
        const webDist = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-web-"));
        folders.push(webDist);
        fs.writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>Beklijf</title>");

        const worker = startProcess("server/worker.ts", { DATABASE_URL: bouncer.toString() });
        const [a, b] = await Promise.all([
          startWeb(bouncer.toString(), webDist),
          startWeb(bouncer.toString(), webDist),
        ]);

        // A session made through one process is good on the other: both read it from the database.
        const signIn = await fetch(`${a.base}/api/auth/sign-in`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: a.base },
          body: JSON.stringify({ email: learner.email, password: TEST_PASSWORD }),
        });
        expect(signIn.status).toBe(200);
        const cookie = /beklijf_session=[^;]+/.exec(signIn.headers.get("set-cookie") ?? "")![0];

        const plan = await post(b, "/api/action-plans", cookie, "plan-1", {
          situation: "When the morning meeting starts",
          action: "I ask one question before I give my view",
          firstMoment: new Date(Date.now() + 86_400_000).toISOString(),
        });
        expect(plan.status).toBe(201);
        const planId = ((await plan.json()) as { id: string }).id;

        // Each web process keeps Today between writes (decision 0038): a write through the other process
        // shows on its next Today at once.
        const pausedOnB = async () => {
          const today = await fetch(`${b.base}/api/me/today`, { headers: { cookie } });
          expect(today.status).toBe(200);
          return ((await today.json()) as { pausedUntil: string | null }).pausedUntil;
        };
        expect(await pausedOnB()).toBeNull();
        expect(await pausedOnB()).toBeNull();
        const pausedUntil = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
        const pause = await fetch(`${a.base}/api/me/learning-preferences`, {
          method: "PATCH",
          headers: { "content-type": "application/json", origin: a.base, cookie },
          body: JSON.stringify({ pausedUntil }),
        });
        expect(pause.status).toBe(200);
        expect(await pausedOnB()).toBe(pausedUntil);

        let stopped = false;
        const writers = [
          ...[1, 2, 3].map((i) => writeUntil(a, cookie, planId, `a${i}`, () => stopped)),
          ...[1, 2, 3].map((i) => writeUntil(b, cookie, planId, `b${i}`, () => stopped)),
        ];
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        a.process.kill("SIGKILL");
        const killedAt = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        stopped = true;
        const results = await Promise.all(writers);

        const fromA = results.slice(0, 3).flatMap((result) => result.acknowledged);
        const fromB = results.slice(3);
        expect(fromA.length).toBeGreaterThan(0);
        // The surviving process failed nothing, before or after the kill.
        expect(fromB.map((result) => result.failed)).toEqual([0, 0, 0]);
        const acknowledged = [...fromA, ...fromB.flatMap((result) => result.acknowledged)];
        expect(Date.now() - killedAt).toBeGreaterThan(2_000);

        await withPostgresQuery(database.url!, async (query) => {
          const stored = new Set(
            (await query("select what_happened from plan_applications")).map((row) =>
              String(row.what_happened),
            ),
          );
          expect(acknowledged.filter((situation) => !stored.has(situation))).toEqual([]);
          // The worker (the only process that runs jobs) took the queue's work: the outbox delivery each
          // web process asked for at its start.
          await waitFor(async () => {
            const done = await query(
              "select count(*)::int as n from pgboss.job where name = 'notifications.deliver-outbox' and state = 'completed'",
            );
            if (Number(done[0]!.n) < 1) throw new Error("the worker has not run the job yet");
          }, 30_000);
        });
        const health = await fetch(`${b.base}/api/health`);
        expect(health.status).toBe(200);
        expect(worker.exitCode).toBeNull();
      } finally {
        for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
        await new Promise((resolve) => setTimeout(resolve, 500));
        await database.close();
      }
    }, 120_000);
  });
} else {
  describe("a separate worker on the embedded database", () => {
    it("refuses with a message that says why and what to do", async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-worker-"));
      folders.push(dataDir);
      const worker = startProcess("server/worker.ts", { DATA_DIR: path.join(dataDir, "data") });
      let stderr = "";
      worker.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const code = await new Promise<number | null>((resolve) => worker.on("close", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain("A separate worker needs DATABASE_URL");
      expect(fs.existsSync(path.join(dataDir, "data"))).toBe(false);
    }, 60_000);
  });
}
