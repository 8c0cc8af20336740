import type { RouteOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../test-support/app.ts";
import { buildCoordinator, buildOrganisation, buildTeam } from "../../test-support/factories.ts";
import { buildRichOrganisation } from "../../test-support/rich-organisation.ts";
import { snapshotTenant, tenantTables } from "../../test-support/tenant-snapshot.ts";
import { type Fixture, probes } from "./cross-tenant.probes.ts";

/**
 * The cross-tenant harness. Every signed-in API route is called by organisation B's coordinator with
 * organisation A's ids in the path and body. It must answer 404 (or show B's own data only), leak none
 * of A's identifiers, and leave every one of A's rows untouched.
 *
 * A new route that is not in `probes` fails the "covers every route" test, so nobody can add a route
 * without saying how it is probed.
 */

function routeKeys(routes: RouteOptions[]): { key: string; route: RouteOptions }[] {
  return routes
    .filter(
      (route) =>
        route.url.startsWith("/api/") &&
        (route.config as { access?: string } | undefined)?.access !== "public",
    )
    .flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method])
        .filter((method) => method !== "HEAD")
        .map((method) => ({ key: `${method} ${route.url}`, route })),
    );
}

/** A problem body repeats the requested path in `instance`; that is the caller's own input, not a leak. */
function withoutEcho(body: string): string {
  // A file (her own training record as PDF) is no JSON answer and echoes nothing.
  if (!body || !/^[[{]/.test(body)) return body;
  const parsed = JSON.parse(body) as Record<string, unknown>;
  if (parsed && typeof parsed === "object" && "instance" in parsed) delete parsed.instance;
  return JSON.stringify(parsed);
}

function fillPath(url: string, a: Fixture): string {
  return (
    url
      .replace(":personId", a.personId)
      .replace(":teamId", a.teamId)
      .replace(":trajectoryId", a.trajectoryId)
      .replace(":cohortId", a.cohortId)
      .replace(":scanId", a.scanId)
      .replace(":questionId", a.questionId)
      .replace(":activityId", a.activityId)
      .replace(":competenceId", a.competenceId)
      .replace(":planId", a.planId)
      .replace(":relationId", a.relationId)
      .replace(":requestId", a.requestId)
      .replace(":applicationId", a.applicationId)
      .replace(":checkInId", a.checkInId)
      .replace(":coachingSessionId", a.coachingSessionId)
      .replace(":noticeId", a.noticeId)
      .replace(":kpiId", a.kpiId)
      .replace(":actionId", a.scanActionId)
      .replace(":interviewId", a.interviewId)
      .replace(":sessionId", a.sessionId)
      .replace(":factorId", a.factorId)
      .replace(":clientId", a.xapiClientId)
      .replace(":tokenId", a.scimTokenId)
      .replace(":packageId", a.packageId)
      // AI drafts and drafting jobs live under A's trajectory, which B cannot reach: any id answers 404.
      .replace(":jobId", a.questionId)
      .replace(":draftId", a.questionId)
  );
}

describe("cross-tenant isolation (every API route)", () => {
  const t = useTestApp();
  let a: Fixture;
  let aSecrets: string[];
  let bCookie: string;
  let bOrganisationId: string;

  beforeAll(async () => {
    const rich = await buildRichOrganisation(t.database.db);
    a = rich.fixture;
    aSecrets = rich.secrets;
    const db = t.database.db;
    const orgB = await buildOrganisation(db, { name: "Beta Techniek" });
    bOrganisationId = orgB.id;
    const coordinatorB = await buildCoordinator(db, orgB.id, { email: "coord@beta.test" });
    await buildTeam(db, orgB.id, { name: "Beta Service", managerIds: [coordinatorB.id] });
    bCookie = await t.signIn("coord@beta.test");
  });

  it("covers every signed-in route", () => {
    const registered = routeKeys(t.routes)
      .map((r) => r.key)
      .sort();
    expect(registered.length).toBeGreaterThan(10);
    expect(registered).toEqual(Object.keys(probes).sort());
  });

  it("has a tenant snapshot that sees the organisation's tables", () => {
    expect(tenantTables().map((x) => x.name)).toEqual(
      expect.arrayContaining(["persons", "teams", "team_memberships", "sessions"]),
    );
  });

  it("requires authentication on every signed-in route", async () => {
    for (const { key, route } of routeKeys(t.routes)) {
      const probe = probes[key]!;
      const response = await t.app.inject({
        method: key.split(" ")[0] as "GET",
        url: fillPath(route.url, a),
        headers: { origin: TEST_ORIGIN },
        ...(probe.body ? { payload: probe.body(a) as object } : {}),
      });
      expect(response.statusCode, key).toBe(401);
      expect(response.json().code, key).toBe("UNAUTHENTICATED");
    }
  });

  it("hides other organisations' data and changes nothing of theirs", async () => {
    const before = await snapshotTenant(
      t.database.db,
      (await t.database.db.query.organisations.findFirst({
        where: (o, { eq }) => eq(o.name, a.organisationName),
      }))!.id,
    );
    // Sign-out last, so the session stays usable for every other probe.
    const signOut = (key: string) => Number(key === "POST /api/auth/sign-out");
    const ordered = routeKeys(t.routes).sort((x, y) => signOut(x.key) - signOut(y.key));
    for (const { key, route } of ordered) {
      const probe = probes[key]!;
      const response = await t.app.inject({
        method: key.split(" ")[0] as "GET",
        url: fillPath(route.url, a),
        headers: { origin: TEST_ORIGIN, cookie: bCookie },
        ...(probe.body ? { payload: probe.body(a) as object } : {}),
      });
      if (probe.expect === 404) expect(response.statusCode, key).toBe(404);
      else if (probe.expect === "rejected") expect(response.statusCode, key).toBe(400);
      else expect(response.statusCode, `${key}: ${response.body}`).toBeLessThan(300);
      for (const secret of aSecrets) {
        if (key.startsWith("POST /api/people/import") && secret === a.personEmail) continue; // B's own CSV names it
        expect(withoutEcho(response.body), `${key} leaks ${secret}`).not.toContain(secret);
      }
    }
    const orgAId = (await t.database.db.query.organisations.findFirst({
      where: (o, { eq }) => eq(o.name, a.organisationName),
    }))!.id;
    expect(await snapshotTenant(t.database.db, orgAId)).toBe(before);
    expect(bOrganisationId).not.toBe(orgAId);
  });
});
