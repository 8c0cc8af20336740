// `npm run restore -- FILE [--force]`: restores a backup into an empty DATA_DIR or an empty database
// (DATABASE_URL). With --force it replaces what is there (an embedded folder is kept aside, not deleted).
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../server/env.ts";
import { DataFolderLockedError } from "../server/db/data-folder-lock.ts";
import { CommandError, restoreFrom } from "../server/ops/commands.ts";
import { ToolFailedError } from "../server/ops/backup.ts";

const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error("Usage: npm run restore -- FILE [--force]");
  process.exit(2);
}

try {
  const { keptAside } = await restoreFrom(loadConfig(), file, values.force);
  console.log(`Restored ${file}.`);
  if (keptAside)
    console.log(`The data folder it replaced is kept at ${keptAside}; remove it when satisfied.`);
  console.log(
    "Start Beklijf as usual; a backup from an older version is migrated (after a backup) on start.",
  );
} catch (error) {
  const known = [ConfigError, CommandError, DataFolderLockedError, ToolFailedError].some(
    (kind) => error instanceof kind,
  );
  console.error(known ? (error as Error).message : error);
  process.exit(1);
}
