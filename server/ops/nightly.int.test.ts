import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { errorLogger } from "../../test-support/app.ts";
import { createTestDatabase } from "../../test-support/database.ts";
import { backupKindOf } from "./backup.ts";
import { nightlyBackup } from "./nightly.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-nightly-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("writes one backup a night into BACKUP_DIR and keeps the last BACKUP_KEEP, leaving other files alone", async () => {
  const database = await createTestDatabase();
  try {
    fs.writeFileSync(path.join(dir, "before-0025_sso-20261101-020000.pgdump"), "kept");
    const now = { value: new Date("2026-11-23T02:30:00Z") };
    const run = nightlyBackup(
      database,
      { dir, keep: 2, databaseUrl: database.url ?? null, migrateWithoutBackup: false },
      errorLogger(),
      () => now.value,
    );
    for (const day of ["2026-11-23", "2026-11-24", "2026-11-25"]) {
      now.value = new Date(`${day}T02:30:00Z`);
      await run();
    }
    const suffix = database.kind === "pglite" ? "pglite.tar.gz" : "pgdump";
    expect(fs.readdirSync(dir).sort()).toEqual([
      "before-0025_sso-20261101-020000.pgdump",
      `beklijf-20261124-023000.${suffix}`,
      `beklijf-20261125-023000.${suffix}`,
    ]);
    expect(backupKindOf(path.join(dir, `beklijf-20261125-023000.${suffix}`))).toBe(database.kind);
  } finally {
    await database.close();
  }
}, 60_000);
