// `npm run backup -- --out FILE`: a consistent backup of the database Beklijf is configured for (the
// embedded folder in DATA_DIR, also while Beklijf runs, or the server in DATABASE_URL through pg_dump).
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../server/env.ts";
import { DataFolderLockedError } from "../server/db/data-folder-lock.ts";
import { backupTo, CommandError } from "../server/ops/commands.ts";
import { ToolFailedError } from "../server/ops/backup.ts";

const { values } = parseArgs({ options: { out: { type: "string" } } });
if (!values.out) {
  console.error("Usage: npm run backup -- --out FILE");
  process.exit(2);
}

try {
  const started = performance.now();
  const { bytes } = await backupTo(loadConfig(), values.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Backup written to ${values.out} (${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds} s).`);
} catch (error) {
  const known = [ConfigError, CommandError, DataFolderLockedError, ToolFailedError].some(
    (kind) => error instanceof kind,
  );
  console.error(known ? (error as Error).message : error);
  process.exit(1);
}
