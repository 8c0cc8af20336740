import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test-support/database.ts";
import { openDatabase } from "./client.ts";
import { DataFolderLockedError, processStartTime } from "./data-folder-lock.ts";
import {
  cohortParticipants,
  cohorts,
  organisations,
  persons,
  scanResponses,
  trajectories,
} from "./schema/index.ts";
import { DEMO_ORGANISATION, seedDemo } from "./seed/demo.ts";

const folders: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-data-"));
  folders.push(dir);
  return path.join(dir, "data");
}
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("embedded database folder", () => {
  it("keeps committed data across a restart", async () => {
    const dataDir = tempDataDir();
    const first = await openDatabase({ kind: "pglite", dataDir });
    await first.db.insert(organisations).values({ name: "Blijft Bestaan" });
    await first.close();
    const second = await openDatabase({ kind: "pglite", dataDir });
    const rows = await second.db.select().from(organisations);
    expect(rows.map((r) => r.name)).toEqual(["Blijft Bestaan"]);
    await second.close();
  });

  it("refuses a second process on the same folder with a clear message", async () => {
    const dataDir = tempDataDir();
    const holder = await openDatabase({ kind: "pglite", dataDir });
    // A lock held by another live process (here: a child that just sleeps).
    fs.rmSync(`${dataDir}.lock`);
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    fs.writeFileSync(`${dataDir}.lock`, String(child.pid));
    try {
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(DataFolderLockedError);
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(
        /in use by another Beklijf process/,
      );
      // The message names the lock file and what to do when the holder is gone.
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(
        `delete ${dataDir}.lock and start again`,
      );
    } finally {
      child.kill();
      await holder.close();
    }
  });

  it("takes over the lock of a process that died without releasing it", async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => child.on("exit", resolve));
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(`${dataDir}.lock`, String(child.pid));
    const database = await openDatabase({ kind: "pglite", dataDir });
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, "utf8"))).toMatchObject({ pid: process.pid });
    await database.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  // After a crash and a restart (a container numbers its processes the same way every time), the pid in
  // a stale lock can belong to another live process. Its start time tells it is not the holder.
  it.skipIf(!fs.existsSync("/proc/self/stat"))(
    "takes over a stale lock whose pid now belongs to another live process",
    async () => {
      const dataDir = tempDataDir();
      const unrelated = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
      await new Promise((resolve) => unrelated.on("spawn", resolve));
      try {
        fs.mkdirSync(path.dirname(dataDir), { recursive: true });
        const started = processStartTime(unrelated.pid!)!;
        fs.writeFileSync(
          `${dataDir}.lock`,
          JSON.stringify({ pid: unrelated.pid, startedAt: started - 3_600_000, host: os.hostname() }),
        );
        const database = await openDatabase({ kind: "pglite", dataDir });
        await database.close();
        // An older lock file holds only a pid: written before that process started, so not its lock.
        fs.writeFileSync(`${dataDir}.lock`, String(unrelated.pid));
        const anHourAgo = new Date(Date.now() - 3_600_000);
        fs.utimesSync(`${dataDir}.lock`, anHourAgo, anHourAgo);
        const again = await openDatabase({ kind: "pglite", dataDir });
        await again.close();
      } finally {
        unrelated.kill();
      }
    },
  );
});

describe("demo organisation", () => {
  it("is created once, with about 40 people in 4 teams and the four demo sign-ins", async () => {
    const database = await createTestDatabase();
    try {
      expect(await seedDemo(database.db)).toBe(true);
      expect(await seedDemo(database.db)).toBe(false);
      const orgs = await database.db
        .select()
        .from(organisations)
        .where(eq(organisations.name, DEMO_ORGANISATION));
      expect(orgs).toHaveLength(1);
      const people = await database.db.select().from(persons).where(eq(persons.organisationId, orgs[0]!.id));
      expect(people.length).toBeGreaterThanOrEqual(38);
      const signIns = people
        .filter((p) => p.passwordHash)
        .map((p) => p.email)
        .sort();
      expect(signIns).toEqual([
        "coordinator@demo.beklijf.nl",
        "henk.brouwer@demo.beklijf.nl",
        "learner@demo.beklijf.nl",
        "manager@demo.beklijf.nl",
      ]);
      const designs = await database.db
        .select()
        .from(trajectories)
        .where(eq(trajectories.organisationId, orgs[0]!.id));
      expect(designs.map((d) => d.title).sort()).toEqual([
        "Moeilijke klantgesprekken",
        "Nieuw planningssysteem voor ervaren collega's",
        "Veilig werken op hoogte",
      ]);
      const [cohort] = await database.db
        .select()
        .from(cohorts)
        .where(eq(cohorts.organisationId, orgs[0]!.id));
      const participants = await database.db
        .select()
        .from(cohortParticipants)
        .where(eq(cohortParticipants.cohortId, cohort!.id));
      expect(participants.length).toBe(12);
      const responses = await database.db
        .select()
        .from(scanResponses)
        .where(eq(scanResponses.organisationId, orgs[0]!.id));
      expect(responses).toHaveLength(25);
      expect(new Set(responses.map((r) => r.teamId)).size).toBe(4);
    } finally {
      await database.close();
    }
  });
});
