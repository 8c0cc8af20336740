import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * Backups (decision 0029). An embedded database is backed up by the process that holds it: PGlite's
 * own copy of its data folder (a gzipped tar), taken between transactions after a checkpoint, so it
 * is consistent while the app keeps writing. A server is backed up with pg_dump's custom format, which
 * reads one snapshot. Either file restores with `npm run restore`; the first bytes tell them apart.
 */

export type BackupKind = "pglite" | "postgres";

/** A pg_dump custom-format file starts with "PGDMP"; PGlite's tarball is gzip (1f 8b). */
export function backupKindOf(file: string): BackupKind | null {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  return null;
}

/** What a PGlite transaction lets us run inside it. */
export interface PgliteExec {
  exec(query: string): Promise<unknown>;
}

/**
 * A consistent copy of a live embedded database. Inside a transaction, PGlite runs no other one
 * (its transaction mutex), so none is half way; the checkpoint writes every committed page, so the copy
 * needs no recovery. PGlite's query/exec take that mutex themselves: inside, use the transaction's own
 * `exec`, and `dumpDataDir`, which takes only the per-query mutex. Pass `inside` when already in one.
 */
export async function dumpPglite(client: PGlite, inside?: PgliteExec): Promise<Buffer> {
  const dump = async (tx: PgliteExec) => {
    await tx.exec("checkpoint");
    const tarball = await client.dumpDataDir("gzip");
    return Buffer.from(await tarball.arrayBuffer());
  };
  return inside ? dump(inside) : client.transaction(dump);
}

/** Writes beside the target and renames, so a crash never leaves a half file under the real name. */
export function writeFileAtomically(file: string, data: Buffer): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, data, { mode: 0o600 });
  fs.renameSync(partial, file);
}

/** Whether an embedded data folder holds anything (a missing folder is empty). */
export function folderIsEmpty(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Unpacks a PGlite backup into a new (empty) data folder and checks that it opens. */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  try {
    await client.query("select 1");
  } finally {
    await client.close();
  }
}

/** PostgreSQL's client tools: the newest installed version (pg_dump must be at least the server's). */
export function postgresTool(name: "pg_dump" | "pg_restore"): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(base, version, "bin", name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return name;
}

export class ToolFailedError extends Error {}

/** Runs a PostgreSQL tool; the connection string goes in the environment, never on the command line. */
function runTool(tool: "pg_dump" | "pg_restore", args: string[], url: string): Promise<void> {
  const { connection, env } = connectionEnvironment(url);
  return new Promise((resolve, reject) => {
    const child = spawn(postgresTool(tool), [...args, ...connection], {
      // Not configuration: the child gets this process's environment (PATH, locale) plus PGPASSWORD.
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", (error) => reject(new ToolFailedError(`${tool} could not start: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new ToolFailedError(`${tool} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

/** The password travels as PGPASSWORD, so it never shows in `ps`. */
function connectionEnvironment(url: string): { connection: string[]; env: Record<string, string> } {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { connection: ["--dbname", parsed.toString()], env };
}

/** pg_dump's custom format: one consistent snapshot, compressed, restorable table by table. */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], url);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Restores a pg_dump file; `clean` drops what the backup holds first (a non-empty target, `--force`). */
export async function restorePostgres(file: string, url: string, clean: boolean): Promise<void> {
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"];
  if (clean) args.push("--clean", "--if-exists");
  await runTool("pg_restore", [...args, file], url);
}

const nightlyName = /^beklijf-\d{8}-\d{6}\.(pglite\.tar\.gz|pgdump)$/;

/** `beklijf-20261126-023000.pgdump`: sortable by name, so the oldest are the first. */
export function backupFileName(kind: BackupKind, at: Date, prefix = "beklijf"): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${prefix}-${stamp}.${kind === "pglite" ? "pglite.tar.gz" : "pgdump"}`;
}

/** Removes the oldest nightly backups beyond `keep`; other files in the folder are left alone. */
export function pruneBackups(dir: string, keep: number): string[] {
  const nightly = fs
    .readdirSync(dir)
    .filter((name) => nightlyName.test(name))
    .sort();
  const removed = nightly.slice(0, Math.max(0, nightly.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  return removed;
}
