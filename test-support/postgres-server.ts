import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

function findBinary(name: string): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(base, version, "bin", name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    `PostgreSQL's ${name} was not found. Install Debian's postgresql package, or set TEST_DATABASE_URL.`,
  );
}

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

/** PostgreSQL refuses to run as root, so as root the server runs as Debian's `postgres` user. */
function asServerUser(command: string, args: string[]): string[] {
  return process.getuid?.() === 0
    ? ["runuser", "-u", "postgres", "--", command, ...args]
    : [command, ...args];
}

function run(command: string[]): void {
  const [bin, ...args] = command;
  const result = spawnSync(bin!, args, { encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(`${command.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Starts a throwaway PostgreSQL server for the int-postgres project (or uses TEST_DATABASE_URL).
 * Each test file then creates its own database on it.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide("postgresAdminUrl", given);
    return () => {};
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-pg-"));
  const dataDir = path.join(dir, "data");
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  run(
    asServerUser(findBinary("initdb"), [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--no-sync",
    ]),
  );
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  run(
    asServerUser(findBinary("pg_ctl"), [
      "-D",
      dataDir,
      "-o",
      options,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "start",
    ]),
  );
  project.provide("postgresAdminUrl", `postgres://postgres@127.0.0.1:${port}/postgres`);
  return () => {
    const [bin, ...args] = asServerUser(findBinary("pg_ctl"), ["-D", dataDir, "-m", "immediate", "stop"]);
    spawnSync(bin!, args);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
