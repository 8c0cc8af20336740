import { describe, expect, it } from "vitest";
import type { TodayResponse } from "../../../common/schemas/learning.ts";
import type { Tenant } from "../../db/tenant.ts";
import { changesData, WriteCounts } from "../../db/write-counts.ts";
import { changeWatchOf } from "../../db/data-changes.ts";
import { TODAY_CACHE_MAX_AGE_MS, todayReader } from "./today-cache.ts";

const tenant = { organisationId: "org-1" } as Tenant;
const otherTenant = { organisationId: "org-2" } as Tenant;

/** A Today builder that counts how often it was asked and answers with the count, so reuse shows. */
function countingBuilder() {
  const built = { count: 0 };
  const read = async (_tenant: Tenant, personId: string, now: Date) => {
    built.count += 1;
    return {
      date: now.toISOString().slice(0, 10),
      items: [],
      personId,
      n: built.count,
    } as unknown as TodayResponse;
  };
  return { built, read };
}

describe("Today kept in memory", () => {
  const at = (iso: string) => new Date(iso);

  it("answers again from memory while nothing is written, per learner and per organisation", async () => {
    const writes = new WriteCounts();
    const { built, read } = countingBuilder();
    const readToday = todayReader(changeWatchOf({ writeCounts: writes }), read);
    const first = await readToday(tenant, "p1", at("2026-11-27T09:00:00Z"));
    expect(await readToday(tenant, "p1", at("2026-11-27T09:00:10Z"))).toBe(first);
    await readToday(tenant, "p2", at("2026-11-27T09:00:10Z"));
    await readToday(otherTenant, "p1", at("2026-11-27T09:00:10Z"));
    expect(built.count).toBe(3);
  });

  it("builds Today afresh after any write, by anyone", async () => {
    const writes = new WriteCounts();
    const { built, read } = countingBuilder();
    const readToday = todayReader(changeWatchOf({ writeCounts: writes }), read);
    const now = at("2026-11-27T09:00:00Z");
    await readToday(tenant, "p1", now);
    writes.logQuery('update "activity_progress" set "status" = $1 where "person_id" = $2');
    await readToday(tenant, "p1", now);
    writes.logQuery('insert into "notices" ("id") values ($1)');
    await readToday(tenant, "p1", now);
    expect(built.count).toBe(3);
  });

  it("keeps an answer for half a minute at most, never across a quarter hour (so never across a midnight), and never for an earlier time", async () => {
    const writes = new WriteCounts();
    const { built, read } = countingBuilder();
    const readToday = todayReader(changeWatchOf({ writeCounts: writes }), read);
    await readToday(tenant, "p1", at("2026-11-27T08:59:40Z"));
    await readToday(tenant, "p1", at("2026-11-27T08:59:59Z"));
    expect(built.count).toBe(1);
    // 09:00 UTC is 10:00 in Amsterdam, but a learner's midnight falls on some quarter hour in UTC.
    await readToday(tenant, "p1", at("2026-11-27T09:00:00Z"));
    expect(built.count).toBe(2);
    await readToday(tenant, "p1", new Date(at("2026-11-27T09:00:00Z").getTime() + TODAY_CACHE_MAX_AGE_MS));
    expect(built.count).toBe(3);
    await readToday(tenant, "p1", at("2026-11-27T09:00:20Z"));
    expect(built.count).toBe(4);
  });

  it("is not used without a way to see writes", async () => {
    const { built, read } = countingBuilder();
    const readToday = todayReader(undefined, read);
    const now = at("2026-11-27T09:00:00Z");
    await readToday(tenant, "p1", now);
    await readToday(tenant, "p1", now);
    expect(built.count).toBe(2);
  });
});

describe("which statements change data", () => {
  it("counts inserts, updates and deletes wherever they stand, and not reads or row locks", () => {
    for (const write of [
      'insert into "practice_cards" ("id") values ($1) on conflict do nothing',
      'update "action_plans" set "archived_at" = $1 where "id" = $2',
      'delete from "activity_progress" where "id" = $1',
      'with claimed as (update "nudge_stamps" set "at" = $1 returning *) select * from claimed',
      "\n  UPDATE practice_cards c SET due = $1 FROM x WHERE c.id = x.id",
      'insert into "persons" ("id") values ($1)',
    ])
      expect(changesData(write), write).toBe(true);
    for (const read of [
      'select "id", "updated_at" from "practice_cards" where "person_id" = $1',
      'select * from "cohorts" where "id" = $1 for update',
      'select * from "cohorts" where "id" = $1 for no key update',
      'insert into "audit_events" ("id", "action") values ($1, $2)',
      'insert into "sessions" ("id") values ($1)',
      'update "sessions" set "last_seen_at" = $1 where "id" = $2',
      'delete from "sessions" where "id" = $1',
      "delete from data_changes\n    where noted_at < clock_timestamp() - interval '10 minutes'",
    ])
      expect(changesData(read), read).toBe(false);
  });
});
