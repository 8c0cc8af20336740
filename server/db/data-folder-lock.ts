import fs from "node:fs";
import nodePath from "node:path";

/** Thrown when another live process already holds the embedded database folder. */
export class DataFolderLockedError extends Error {
  readonly dataDir: string;
  readonly holderPid: number;

  constructor(dataDir: string, holderPid: number) {
    super(
      `The data folder ${dataDir} is in use by another Beklijf process (pid ${holderPid}). ` +
        "The embedded database (PGlite) serves one process only; stop the other process, or run " +
        "several processes against a PostgreSQL server with DATABASE_URL.",
    );
    this.dataDir = dataDir;
    this.holderPid = holderPid;
  }
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

/**
 * Takes an exclusive, pid-based lock beside the embedded database folder.
 *
 * Why not a library with heartbeat mtimes (proper-lockfile): after a crash, a restart within the
 * heartbeat window would be refused. A pid check frees a dead holder's lock at once; the data folder is
 * always local, so pids are meaningful. Creation with O_EXCL makes two racing starts end with one winner.
 */
export function lockDataFolder(dataDir: string): () => void {
  fs.mkdirSync(nodePath.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DataFolderLockedError(dataDir, holder);
      }
      // The holder died without releasing: remove its lock and try again.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderLockedError(dataDir, -1);
}
