#!/usr/bin/env node
// Makes a fresh clone runnable: installs packages when the lockfile changed and builds the web app
// when its sources changed. Plain JavaScript on purpose: on a fresh machine this runs on whatever
// Node the system has (possibly 20), before the project's own Node 24 is installed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const skipBuild = process.argv.includes("--no-build");

function step(message) {
  process.stdout.write(`\n▶ ${message}\n`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(" ")} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function hashFiles(paths) {
  const hash = createHash("sha256");
  for (const file of paths.sort()) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(rel));
    else if (!entry.name.endsWith(".test.ts")) out.push(rel);
  }
  return out;
}

const installStamp = path.join(root, "node_modules", ".beklijf-install");
const lockHash = hashFiles(["package-lock.json"]);
const installed = fs.existsSync(installStamp) && fs.readFileSync(installStamp, "utf8") === lockHash;
if (!installed) {
  step("Installing packages (npm ci); the first time this takes a minute or two…");
  // Engine warnings are expected here: this npm may run on an older system Node than the project's own.
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
  fs.writeFileSync(installStamp, lockHash);
}

if (!skipBuild) {
  const buildStamp = path.join(root, "dist", ".beklijf-build");
  const sourceHash = hashFiles([
    ...listFiles("web"),
    ...listFiles("common"),
    "vite.config.ts",
    // The build's own plugins: one cuts the catalogues into chunks.
    "scripts/catalogue-parts.ts",
    "scripts/precompress.ts",
    "package-lock.json",
  ]);
  const built = fs.existsSync(buildStamp) && fs.readFileSync(buildStamp, "utf8") === sourceHash;
  if (!built) {
    step("Building the web app…");
    const node = path.join(root, "node_modules", ".bin", "node");
    run(node, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"]);
    fs.writeFileSync(buildStamp, sourceHash);
  }
}
step("Ready.");
