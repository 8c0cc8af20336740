import fs from "node:fs";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import type { Logger } from "pino";
import { dumpPglite } from "./backup.ts";

/**
 * The embedded database serves one process, so `npm run backup` cannot open it while Beklijf runs.
 * Instead it asks the running process over a Unix socket beside the data folder. The socket is
 * readable by the folder's owner only (0600): whoever may copy the data folder may ask for a backup,
 * nobody else, and nothing listens on the network.
 *
 * Protocol: the client sends `backup\n`; the server answers one JSON line (`{"ok":true,"bytes":N}` or
 * `{"ok":false,"error":"…"}`) followed by N bytes of the backup.
 */
export function controlSocketPath(dataDir: string): string {
  return `${dataDir}.ops.sock`;
}

export async function serveControlSocket(
  dataDir: string,
  client: PGlite,
  logger: Logger,
): Promise<() => Promise<void>> {
  const socketPath = controlSocketPath(dataDir);
  // We hold the data folder lock, so a socket file left here belongs to a process that died.
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    socket.once("data", (chunk) => {
      if (chunk.toString("utf8").trim() !== "backup") {
        socket.end(`${JSON.stringify({ ok: false, error: "unknown command" })}\n`);
        return;
      }
      dumpPglite(client).then(
        (backup) => {
          socket.write(`${JSON.stringify({ ok: true, bytes: backup.length })}\n`);
          socket.end(backup);
          logger.info({ bytes: backup.length }, "backup sent to npm run backup");
        },
        (error: unknown) => {
          logger.error({ err: error }, "backup failed");
          socket.end(`${JSON.stringify({ ok: false, error: "the backup failed; see the server log" })}\n`);
        },
      );
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
}

export class NotRunningError extends Error {}

/** Asks the running process for a backup; NotRunningError when no process listens. */
export function requestBackup(socketPath: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    const chunks: Buffer[] = [];
    socket.on("connect", () => socket.write("backup\n"));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ECONNREFUSED")
        reject(new NotRunningError(error.message));
      else reject(error);
    });
    socket.on("end", () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(0x0a);
      if (newline < 0) return reject(new Error("the running Beklijf gave no answer"));
      const header = JSON.parse(all.subarray(0, newline).toString("utf8")) as
        { ok: true; bytes: number } | { ok: false; error: string };
      if (!header.ok) return reject(new Error(header.error));
      const body = all.subarray(newline + 1);
      if (body.length !== header.bytes) return reject(new Error("the backup arrived incomplete"));
      resolve(body);
    });
  });
}
