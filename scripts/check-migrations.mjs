#!/usr/bin/env node
// Fails when the Drizzle schema and the committed migrations disagree: regenerating must change nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const migrations = path.join(root, "server", "db", "migrations");
// drizzle-kit wants a path relative to the project, so the scratch copy lives under node_modules/.cache.
const scratchRel = path.join("node_modules", ".cache", `beklijf-migrations-${process.pid}`);
const scratch = path.join(root, scratchRel);
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
fs.cpSync(migrations, scratch, { recursive: true });
const result = spawnSync(
  path.join(root, "node_modules", ".bin", "drizzle-kit"),
  [
    "generate",
    "--dialect",
    "postgresql",
    "--schema",
    "./server/db/schema/index.ts",
    "--out",
    scratchRel,
    "--casing",
    "snake_case",
  ],
  { cwd: root, encoding: "utf8" },
);
const created = fs
  .readdirSync(scratch)
  .filter((f) => f.endsWith(".sql") && !fs.existsSync(path.join(migrations, f)));
fs.rmSync(scratch, { recursive: true, force: true });
if (result.status !== 0 || /error/i.test(result.stderr)) {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
if (created.length > 0) {
  console.error(
    `The schema has changes without a migration. Run: npm run migrations:generate -- --name <what-changed>`,
  );
  process.exit(1);
}
console.log("Migrations match the schema.");
