import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema/index.ts";
import { WriteCounts } from "../../db/write-counts.ts";
import { Tenant } from "../../db/tenant.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { organisationWithPeople } from "../../../test-support/sign-in.ts";
import { ACTOR_CACHE_MAX_AGE_MS } from "./actor-cache.ts";

const MINUTE = 60_000;

/**
 * The session → actor lookup is cached in memory on PGlite (decision 0031). These tests warm the cache
 * with a request, change who the cookie stands for, and expect the very next request to see the change.
 */
describe("the cached session lookup", () => {
  const t = useTestApp();
  const call = caller(t, "en");
  beforeEach(() => {
    t.clock.now = new Date();
  });

  const team = () =>
    organisationWithPeople(t, {
      coordinator: { roles: ["coordinator"] },
      learner: {},
    });
  const me = async (cookie: string) => call("GET", "/api/me", cookie);

  it("requires authentication", async () => {
    expect((await me("beklijf_session=not-a-session")).statusCode).toBe(401);
  });

  it("hides other organisations' data: a warm session of one organisation never answers for another", async () => {
    const a = await team();
    const b = await team();
    expect((await me(a.cookies.learner)).json().person.id).toBe(a.people.learner.id);
    expect((await me(b.cookies.learner)).json().person.id).toBe(b.people.learner.id);
    expect((await me(a.cookies.learner)).json().organisation.id).toBe(a.organisation.id);
  });

  it("refuses the cookie at once after sign-out", async () => {
    const { cookies } = await team();
    expect((await me(cookies.learner)).statusCode).toBe(200);
    expect((await call("POST", "/api/auth/sign-out", cookies.learner)).statusCode).toBe(200);
    expect((await me(cookies.learner)).statusCode).toBe(401);
  });

  it("sees a role change on the next request", async () => {
    const { cookies, people } = await team();
    expect((await me(cookies.learner)).json().roles).toEqual(["learner"]);
    expect((await call("GET", "/api/people", cookies.learner)).statusCode).toBe(403);
    const changed = await call("PATCH", `/api/people/${people.learner.id}`, cookies.coordinator, {
      roles: ["learner", "coordinator"],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await me(cookies.learner)).json().roles.sort()).toEqual(["coordinator", "learner"]);
    expect((await call("GET", "/api/people", cookies.learner)).statusCode).toBe(200);
  });

  it("signs a deactivated person out on their next request", async () => {
    const { cookies, people } = await team();
    expect((await me(cookies.learner)).statusCode).toBe(200);
    const deactivated = await call("PATCH", `/api/people/${people.learner.id}`, cookies.coordinator, {
      status: "deactivated",
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect((await me(cookies.learner)).statusCode).toBe(401);
  });

  it("signs an erased person out on their next request", async () => {
    const { cookies, people } = await team();
    expect((await me(cookies.learner)).statusCode).toBe(200);
    const erased = await call("DELETE", `/api/people/${people.learner.id}`, cookies.coordinator);
    expect(erased.statusCode, erased.body).toBe(204);
    expect((await me(cookies.learner)).statusCode).toBe(401);
  });

  it("shows a changed name and language on the next request", async () => {
    const { cookies } = await team();
    expect((await me(cookies.learner)).statusCode).toBe(200);
    const changed = await call("PATCH", "/api/me", cookies.learner, { name: "Renamed Person", locale: "nl" });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = (await call("GET", "/api/me", cookies.learner, undefined, "")).json();
    expect(after.person).toMatchObject({ name: "Renamed Person", locale: "nl" });
  });

  it("keeps the idle limit and the last-seen stamp while answering from memory", async () => {
    const { cookies, people, organisation } = await team();
    expect((await me(cookies.coordinator)).statusCode).toBe(200);
    // Within the cache's lifetime but past the once-a-minute stamp: last-seen still moves on.
    t.clock.now = new Date(t.clock.now.getTime() + MINUTE + 1_000);
    expect((await me(cookies.coordinator)).statusCode).toBe(200);
    const tenant = new Tenant(t.database.db, organisation.id);
    const [row] = await tenant.select(
      sessions,
      { lastSeenAt: sessions.lastSeenAt },
      eq(sessions.personId, people.coordinator.id),
    );
    expect(row!.lastSeenAt.getTime()).toBe(t.clock.now.getTime());
    // A coordinator's session ends after 30 minutes unused, cached or not.
    t.clock.now = new Date(t.clock.now.getTime() + 31 * MINUTE);
    expect((await me(cookies.coordinator)).statusCode).toBe(401);
  });

  it("reads the database again once an entry is older than its lifetime", async () => {
    const { cookies, people, organisation } = await team();
    expect((await me(cookies.learner)).statusCode).toBe(200);
    // A change the write count cannot see (as a restore would be): only the age limit catches it.
    const writes = t.database.writeCounts;
    const before = writes?.identity;
    await new Tenant(t.database.db, organisation.id).db
      .delete(sessions)
      .where(eq(sessions.personId, people.learner.id));
    if (writes && before !== undefined) writes.identity = before;
    t.clock.now = new Date(t.clock.now.getTime() + ACTOR_CACHE_MAX_AGE_MS);
    expect((await me(cookies.learner)).statusCode).toBe(401);
  });
});

describe("WriteCounts", () => {
  const t = useTestApp();

  it("counts writes to persons, roles and sessions, and not the last-seen stamp or reads", async () => {
    const watch = new WriteCounts();
    const tenant = new Tenant(t.database.db, "00000000-0000-4000-8000-000000000000");
    const lastSeen = tenant.db
      .update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(tenant.where(sessions, eq(sessions.id, "00000000-0000-4000-8000-000000000001")))
      .toSQL().sql;
    const signOut = tenant.db
      .delete(sessions)
      .where(tenant.where(sessions, eq(sessions.id, "x")))
      .toSQL().sql;
    const read = tenant.select(sessions, { id: sessions.id }).toSQL().sql;
    for (const query of [lastSeen, read, 'select * from "persons"']) watch.logQuery(query);
    expect(watch.identity).toBe(0);
    for (const query of [
      signOut,
      'update "persons" set "status" = $1',
      'insert into "person_roles" ("organisation_id") values ($1)',
      'delete from "person_roles" where 1 = 1',
    ])
      watch.logQuery(query);
    expect(watch.identity).toBe(4);
  });
});
