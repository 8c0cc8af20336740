import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { LaunchView, PackageView } from "../../../common/schemas/packages.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { uploadPackage } from "../../../test-support/packages/upload.ts";
import { fixtureFiles, fixtureZip } from "../../../test-support/packages/zip.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import { activityProgress, xapiStatements } from "../../db/schema/index.ts";
import { sweepAbandonedSessions } from "./cmi5-progress.ts";

/**
 * cmi5 end to end over HTTP: Beklijf launches, and the test plays the AU against the real LRS at
 * /xapi/ with the credentials it fetched, as the fixture's page does in a browser.
 */

const CONTENT_HOST = "127.0.0.1:3000";
const COURSE = "https://beklijf.example/fixtures/cmi5-complaint";
const BLOCK = `${COURSE}/block-1`;
const AU = `${COURSE}/au-1`;
const SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied";
const SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

interface Launch {
  url: URL;
  endpoint: string;
  fetch: URL;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

describe("cmi5 launch", () => {
  const t = useTestApp();
  const call = caller(t);
  let designer: string;
  let learners: { cookie: string; id: string }[];
  let cohortId: string;
  let activityId: string;
  let plainActivityId: string;

  beforeAll(async () => {
    const setup = await organisationWithCohort(t, {
      organisation: { defaultLocale: "en" },
      learners: [{}, {}, {}, {}],
    });
    designer = setup.designer.cookie;
    learners = setup.learners.map((l) => ({ cookie: l.cookie, id: l.id }));
    cohortId = setup.cohortId;
    const notApplicable = fixtureZip("cmi5", {
      "cmi5.xml": new TextDecoder()
        .decode(fixtureFiles("cmi5")["cmi5.xml"])
        .replace('moveOn="CompletedAndPassed"', 'moveOn="NotApplicable"'),
    });
    const cmi5 = (
      await uploadPackage(t, designer, setup.trajectory.id, fixtureZip("cmi5"))
    ).json<PackageView>();
    expect(cmi5.units).toMatchObject([{ id: AU, masteryScore: 0.8, moveOn: "CompletedAndPassed" }]);
    const plain = (await uploadPackage(t, designer, setup.trajectory.id, notApplicable)).json<PackageView>();
    const current = (
      await call("GET", `/api/trajectories/${setup.trajectory.id}`, designer)
    ).json<TrajectoryDetail>();
    activityId = current.document.activities.find(
      (a) => a.type === "theory-module" && a.phase === "before",
    )!.id!;
    plainActivityId = current.document.activities.find(
      (a) => a.phase === "before" && a.id !== activityId,
    )!.id!;
    const saved = await call("PUT", `/api/trajectories/${current.id}`, designer, {
      version: current.version,
      document: {
        ...current.document,
        activities: current.document.activities.map((a) =>
          a.id === activityId
            ? { ...a, packageId: cmi5.packageId }
            : a.id === plainActivityId
              ? { ...a, packageId: plain.packageId }
              : a,
        ),
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  async function launch(cookie: string): Promise<Launch> {
    const response = await call("POST", `/api/me/activities/${cohortId}/${activityId}/launch`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json<LaunchView>();
    expect(view).toMatchObject({ standard: "cmi5", cmi: null });
    const url = new URL(view.url);
    const q = url.searchParams;
    return {
      url,
      endpoint: q.get("endpoint")!,
      fetch: new URL(q.get("fetch")!),
      actor: JSON.parse(q.get("actor")!) as Record<string, unknown>,
      registration: q.get("registration")!,
      activityId: q.get("activityId")!,
    };
  }

  const fetchToken = (l: Launch) =>
    t.app.inject({ method: "POST", url: l.fetch.pathname, headers: { host: CONTENT_HOST } });

  const lrs = (auth: string, method: "GET" | "POST", url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/xapi/${url}`,
      headers: {
        authorization: auth,
        "x-experience-api-version": "1.0.3",
        "content-type": "application/json",
        origin: `http://${CONTENT_HOST}`,
      },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });

  const statement = (l: Launch, sessionId: string, verb: string, result?: object) => ({
    actor: l.actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { objectType: "Activity", id: l.activityId },
    context: {
      registration: l.registration,
      contextActivities: { category: [{ id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" }] },
      extensions: { [SESSION]: sessionId },
    },
    ...(result && { result }),
  });

  async function start(l: Launch) {
    const fetched = await fetchToken(l);
    expect(fetched.statusCode).toBe(200);
    const auth = fetched.json<{ "auth-token": string }>()["auth-token"];
    const stateQuery = new URLSearchParams({
      stateId: "LMS.LaunchData",
      activityId: l.activityId,
      agent: JSON.stringify(l.actor),
      registration: l.registration,
    });
    const state = await lrs(auth, "GET", `activities/state?${stateQuery.toString()}`);
    expect(state.statusCode, state.body).toBe(200);
    expect(state.headers["access-control-allow-origin"]).toBe(`http://${CONTENT_HOST}`);
    const launchData = state.json<{ contextTemplate: { extensions: Record<string, string> } }>();
    return { auth, launchData, sessionId: launchData.contextTemplate.extensions[SESSION]! };
  }

  const statementsOf = (registration: string, verb: string) =>
    t.database.db
      .select({ objectId: xapiStatements.objectId, statement: xapiStatements.statement })
      .from(xapiStatements)
      .where(and(eq(xapiStatements.registration, registration), eq(xapiStatements.verb, verb)));

  const progressOf = async (personId: string) =>
    (
      await t.database.db
        .select({ status: activityProgress.status })
        .from(activityProgress)
        .where(
          and(
            eq(activityProgress.personId, personId),
            eq(activityProgress.cohortId, cohortId),
            eq(activityProgress.activityId, activityId),
          ),
        )
    )[0]?.status;

  it("launches with the five parameters, hands out the token once, and satisfies block and course", async () => {
    const learner = learners[0]!;
    const l = await launch(learner.cookie);
    expect(l.url.host).toBe(CONTENT_HOST);
    expect(l.endpoint).toBe(`${TEST_ORIGIN}/xapi/`);
    expect(l.actor).toEqual({ objectType: "Agent", account: { homePage: TEST_ORIGIN, name: learner.id } });
    expect(l.activityId).toBe(AU);
    const page = await t.app.inject({ method: "GET", url: l.url.pathname, headers: { host: CONTENT_HOST } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("au.js");
    expect(page.headers["content-security-policy"]).toContain(`connect-src 'self' ${TEST_ORIGIN}`);

    const { auth, launchData, sessionId } = await start(l);
    expect(launchData).toMatchObject({
      launchMode: "Normal",
      moveOn: "CompletedAndPassed",
      masteryScore: 0.8,
      returnURL: `${TEST_ORIGIN}/today`,
      launchParameters: '{"question":"first-minute"}',
      entitlementKey: { courseStructure: "complaint-course" },
      contextTemplate: { contextActivities: { grouping: [{ id: COURSE }] } },
    });
    const again = await fetchToken(l);
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ "error-code": "1" });
    expect(await statementsOf(l.registration, "http://adlnet.gov/expapi/verbs/launched")).toHaveLength(1);

    for (const [verb, result] of [
      ["initialized", undefined],
      ["completed", { completion: true, duration: "PT30S" }],
    ] as const) {
      const sent = await lrs(auth, "POST", "statements", statement(l, sessionId, verb, result));
      expect(sent.statusCode, sent.body).toBe(200);
    }
    // Completed alone does not meet CompletedAndPassed.
    expect(await statementsOf(l.registration, SATISFIED)).toHaveLength(0);
    expect(await progressOf(learner.id)).not.toBe("done");

    // The LMS refuses what breaks cmi5's rules: passed below the mastery score, completed twice.
    const low = statement(l, sessionId, "passed", { success: true, score: { scaled: 0.5 } });
    expect((await lrs(auth, "POST", "statements", low)).statusCode).toBe(403);
    const twice = statement(l, sessionId, "completed", { completion: true });
    expect((await lrs(auth, "POST", "statements", twice)).statusCode).toBe(403);
    const passed = statement(l, sessionId, "passed", { success: true, score: { scaled: 1 } });
    expect((await lrs(auth, "POST", "statements", passed)).statusCode).toBe(200);
    expect((await lrs(auth, "POST", "statements", statement(l, sessionId, "terminated"))).statusCode).toBe(
      200,
    );

    const satisfied = await statementsOf(l.registration, SATISFIED);
    expect(satisfied.map((s) => s.objectId).sort()).toEqual([COURSE, BLOCK].sort());
    for (const { statement: s } of satisfied)
      expect(s).toMatchObject({
        actor: l.actor,
        context: {
          registration: l.registration,
          contextActivities: {
            category: expect.arrayContaining([
              expect.objectContaining({ id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" }),
            ]) as unknown,
          },
          extensions: { [SESSION]: sessionId },
        },
      });
    expect(await progressOf(learner.id)).toBe("done");
    const attempt = await call("GET", `/api/me/activities/${cohortId}/${activityId}/attempt`, learner.cookie);
    expect(attempt.json()).toMatchObject({ completion: "completed" });

    // The same registration on the next launch, now to review.
    const next = await launch(learner.cookie);
    expect(next.registration).toBe(l.registration);
    const review = await start(next);
    expect(review.launchData).toMatchObject({ launchMode: "Review" });
    expect(await statementsOf(l.registration, SATISFIED)).toHaveLength(2);
  });

  it("marks a session that never terminated abandoned when the learner launches again", async () => {
    const learner = learners[1]!;
    const first = await launch(learner.cookie);
    const { auth, sessionId } = await start(first);
    await lrs(auth, "POST", "statements", statement(first, sessionId, "initialized"));
    const second = await launch(learner.cookie);
    expect(second.registration).toBe(first.registration);
    const abandoned = await statementsOf(first.registration, "https://w3id.org/xapi/adl/verbs/abandoned");
    expect(abandoned).toHaveLength(1);
    expect(abandoned[0]!.statement).toMatchObject({
      object: { id: AU },
      context: { extensions: { [SESSION]: sessionId } },
    });
    // A third launch does not abandon the first session twice.
    await launch(learner.cookie);
    expect(await statementsOf(first.registration, "https://w3id.org/xapi/adl/verbs/abandoned")).toHaveLength(
      2,
    );
  });

  it("lets a designer waive the AU for a learner: waived, then block and course satisfied", async () => {
    const learner = learners[2]!;
    const path = `/api/cohorts/${cohortId}/packages/${activityId}/waive`;
    const refused = await call("POST", path, learner.cookie, { personId: learner.id, reason: "Tested Out" });
    expect(refused.statusCode).toBe(403);
    const bad = await call("POST", path, designer, { personId: learner.id, reason: "Because" });
    expect(bad.statusCode).toBe(400);
    const waived = await call("POST", path, designer, { personId: learner.id, reason: "Tested Out" });
    expect(waived.statusCode, waived.body).toBe(200);
    expect(waived.json()).toEqual({ waived: [AU] });
    const twice = await call("POST", path, designer, { personId: learner.id, reason: "Tested Out" });
    expect(twice.json()).toEqual({ waived: [] });
    const rows = await t.database.db
      .select({
        verb: xapiStatements.verb,
        objectId: xapiStatements.objectId,
        statement: xapiStatements.statement,
      })
      .from(xapiStatements)
      .where(eq(xapiStatements.personId, learner.id));
    const waivedRows = rows.filter((r) => r.verb === "https://w3id.org/xapi/adl/verbs/waived");
    expect(waivedRows).toHaveLength(1);
    expect(waivedRows[0]!.statement).toMatchObject({
      result: {
        success: true,
        completion: true,
        extensions: { "https://w3id.org/xapi/cmi5/result/extensions/reason": "Tested Out" },
      },
    });
    expect(
      rows
        .filter((r) => r.verb === SATISFIED)
        .map((r) => r.objectId)
        .sort(),
    ).toEqual([BLOCK, COURSE].sort());
    expect(await progressOf(learner.id)).toBe("done");
    const outsider = await outsiderCookie(t);
    expect(
      (await call("POST", path, outsider, { personId: learner.id, reason: "Administrative" })).statusCode,
    ).toBe(404);
  });

  it("keeps a launch's token to its own learner and registration", async () => {
    const mine = await launch(learners[3]!.cookie);
    const { auth, sessionId } = await start(mine);
    const other = await launch(learners[0]!.cookie);
    const asOther = statement(other, sessionId, "completed", { completion: true });
    expect((await lrs(auth, "POST", "statements", asOther)).statusCode).toBe(403);
    const otherRegistration = {
      ...statement(mine, sessionId, "completed"),
      context: { registration: other.registration },
    };
    expect((await lrs(auth, "POST", "statements", otherRegistration)).statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: "POST",
      url: `/cmi5/fetch/${"x".repeat(43)}`,
      headers: { host: CONTENT_HOST },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ "error-code": "2" });
  });

  it("sweeps a session left open past its credentials' lifetime into abandoned, once", async () => {
    const learner = learners[3]!;
    const l = await launch(learner.cookie);
    const abandonedOf = () => statementsOf(l.registration, "https://w3id.org/xapi/adl/verbs/abandoned");
    const before = (await abandonedOf()).length;
    const now = t.clock.now;
    expect(await sweepAbandonedSessions(t.database.db, TEST_ORIGIN, new Date(now.getTime() + 3600_000))).toBe(
      0,
    );
    expect(await abandonedOf()).toHaveLength(before);
    const later = new Date(now.getTime() + 5 * 3600_000);
    expect(await sweepAbandonedSessions(t.database.db, TEST_ORIGIN, later)).toBeGreaterThan(0);
    expect(await abandonedOf()).toHaveLength(before + 1);
    expect(await sweepAbandonedSessions(t.database.db, TEST_ORIGIN, later)).toBe(0);
  });

  it("satisfies a NotApplicable AU, its block and the course on launch", async () => {
    const learner = learners[1]!;
    const response = await call(
      "POST",
      `/api/me/activities/${cohortId}/${plainActivityId}/launch`,
      learner.cookie,
    );
    expect(response.statusCode, response.body).toBe(200);
    const registration = new URL(response.json<LaunchView>().url).searchParams.get("registration")!;
    const satisfied = await statementsOf(registration, SATISFIED);
    expect(satisfied.map((s) => s.objectId).sort()).toEqual([BLOCK, COURSE].sort());
  });
});
