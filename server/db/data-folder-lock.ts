import fs from "node:fs";
import os from "node:os";
import nodePath from "node:path";

/** Thrown when another live process already holds the embedded database folder. */
export class DataFolderLockedError extends Error {
  readonly dataDir: string;
  readonly lockPath: string;
  readonly holderPid: number;

  constructor(dataDir: string, lockPath: string, holderPid: number) {
    super(
      `The data folder ${dataDir} is in use by another Beklijf process (pid ${holderPid}, lock file ${lockPath}). ` +
        "The embedded database (PGlite) serves one process only; stop the other process, or run " +
        "several processes against a PostgreSQL server with DATABASE_URL. If no other Beklijf process " +
        `is running (for example after a crash or a container restart), delete ${lockPath} and start again.`,
    );
    this.dataDir = dataDir;
    this.lockPath = lockPath;
    this.holderPid = holderPid;
  }
}

/** What a lock file says: the holder's pid, when that process started and on which machine. */
interface LockRecord {
  pid: number;
  /** The holder's start time (ms since the epoch), when the platform tells it; null in old lock files. */
  startedAt: number | null;
  host: string | null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

let bootTime: number | null | undefined;
/**
 * When a process started (ms since the epoch), from Linux's /proc; null where that is not available.
 * Field 22 of /proc/<pid>/stat counts clock ticks (100 a second on Linux) since boot.
 */
export function processStartTime(pid: number): number | null {
  try {
    if (bootTime === undefined) {
      const btime = /^btime (\d+)$/m.exec(fs.readFileSync("/proc/stat", "utf8"));
      bootTime = btime ? Number(btime[1]) * 1000 : null;
    }
    if (bootTime === null) return null;
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: count from the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? bootTime + ticks * 10 : null;
  } catch {
    return null;
  }
}

function readLock(lockPath: string): { record: LockRecord | null; writtenAt: number } {
  const text = fs.readFileSync(lockPath, "utf8").trim();
  const writtenAt = fs.statSync(lockPath).mtimeMs;
  if (/^\d+$/.test(text)) return { record: { pid: Number(text), startedAt: null, host: null }, writtenAt };
  try {
    const parsed = JSON.parse(text) as Partial<LockRecord>;
    if (typeof parsed.pid !== "number" || !Number.isInteger(parsed.pid) || parsed.pid <= 0)
      return { record: null, writtenAt };
    return {
      record: {
        pid: parsed.pid,
        startedAt: typeof parsed.startedAt === "number" ? parsed.startedAt : null,
        host: typeof parsed.host === "string" ? parsed.host : null,
      },
      writtenAt,
    };
  } catch {
    return { record: null, writtenAt };
  }
}

/** Start times are whole clock ticks and the boot time whole seconds: allow for the rounding. */
const START_TIME_SLACK_MS = 2_000;

/**
 * Whether the process named in a lock still holds it. A pid alone is not enough: after a crash and a
 * restart (a container starts its processes with the same low pids every time) the pid may now belong
 * to an unrelated process. So the lock also records the holder's start time, and a live process with that
 * pid that started at another moment — or, for a lock without a start time, after the lock was written —
 * is not the holder.
 */
function isHeld(lock: { record: LockRecord | null; writtenAt: number }): boolean {
  const { record, writtenAt } = lock;
  if (!record) return false;
  // A lock written on another machine (a shared folder) cannot be checked here: respect it.
  if (record.host && record.host !== os.hostname()) return true;
  if (!isAlive(record.pid)) return false;
  const started = processStartTime(record.pid);
  if (started === null) return true;
  if (record.startedAt !== null) return Math.abs(started - record.startedAt) <= START_TIME_SLACK_MS;
  return started <= writtenAt + START_TIME_SLACK_MS;
}

/**
 * Takes an exclusive lock beside the embedded database folder, naming this process (pid, start time,
 * host).
 *
 * Why not a library with heartbeat mtimes (proper-lockfile): after a crash, a restart within the
 * heartbeat window would be refused. Checking the holder's pid and start time frees a dead (or
 * pid-reused) holder's lock at once; the data folder is always local, so pids are meaningful. Creation
 * with O_EXCL makes two racing starts end with one winner.
 */
export function lockDataFolder(dataDir: string): () => void {
  fs.mkdirSync(nodePath.dirname(dataDir), { recursive: true });
  const lockPath = nodePath.resolve(`${dataDir}.lock`);
  let holderPid = -1;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      const record: LockRecord = {
        pid: process.pid,
        startedAt: processStartTime(process.pid),
        host: os.hostname(),
      };
      fs.writeSync(fd, JSON.stringify(record));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let lock: ReturnType<typeof readLock>;
      try {
        lock = readLock(lockPath);
      } catch (readError) {
        // Removed between our open and our read: try again.
        if ((readError as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw readError;
      }
      holderPid = lock.record?.pid ?? -1;
      if (isHeld(lock)) throw new DataFolderLockedError(dataDir, lockPath, holderPid);
      // The holder died (or its pid now belongs to another process): remove its lock and try again.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderLockedError(dataDir, lockPath, holderPid);
}
