/**
 * Backup and restore of the demo data scaled up 100× (BENCH_SCALE), through the real commands:
 * `npm run backup -- --out FILE` and `npm run restore -- FILE` on the embedded database, and on a
 * PostgreSQL server when BENCH_DATABASE_URL (an empty database to fill) and BENCH_RESTORE_URL (another
 * empty one) are given. Goal (issue 20): each at most 60 s. Figures are from a shared machine.
 * Run: node bench/backup.ts
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../server/db/client.ts";
import { createDemoOrganisation, DEMO_PASSWORD } from "../server/db/seed/demo.ts";
import { hashPassword } from "../server/modules/auth/passwords.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-bench-backup-"));

async function seed(target: Parameters<typeof openDatabase>[0]): Promise<void> {
  const started = performance.now();
  const database = await openDatabase(target, { migrateWithoutBackup: true });
  const hash = await hashPassword(DEMO_PASSWORD);
  for (let copy = 0; copy < SCALE; copy++) {
    await database.db.transaction((tx) =>
      createDemoOrganisation(tx as never, hash, copy === 0 ? null : copy),
    );
    if (copy % 10 === 9) process.stdout.write(`\rseeding demo copies: ${copy + 1}/${SCALE}`);
  }
  await database.close();
  console.log(
    `\nseeded ${SCALE} demo organisations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Runs one of the npm scripts' files as an operator would, and times it. */
function timed(script: string, args: string[], env: Record<string, string>): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

function report(kind: string, file: string, backup: number, restore: number): void {
  const size = fs.statSync(file).size / 1024 / 1024;
  const verdict = (seconds: number) => (seconds <= 60 ? "ok" : "OVER the 60 s goal");
  console.log(`${kind}: backup ${backup.toFixed(1)} s (${verdict(backup)}), ${size.toFixed(1)} MB`);
  console.log(`${kind}: restore ${restore.toFixed(1)} s (${verdict(restore)})`);
}

try {
  const dataDir = path.join(dir, "data");
  await seed({ kind: "pglite", dataDir });
  const file = path.join(dir, "demo-x100.pglite.tar.gz");
  const backup = timed("scripts/backup.ts", ["--out", file], { DATA_DIR: dataDir });
  const restore = timed("scripts/restore.ts", [file], { DATA_DIR: path.join(dir, "restored") });
  report("PGlite", file, backup, restore);

  const source = process.env.BENCH_DATABASE_URL;
  const target = process.env.BENCH_RESTORE_URL;
  if (source && target) {
    await seed({ kind: "postgres", url: source });
    const dump = path.join(dir, "demo-x100.pgdump");
    const pgBackup = timed("scripts/backup.ts", ["--out", dump], { DATABASE_URL: source });
    const pgRestore = timed("scripts/restore.ts", [dump], { DATABASE_URL: target });
    report("PostgreSQL", dump, pgBackup, pgRestore);
  } else {
    console.log(
      "PostgreSQL: set BENCH_DATABASE_URL and BENCH_RESTORE_URL (two empty databases) to measure it.",
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
