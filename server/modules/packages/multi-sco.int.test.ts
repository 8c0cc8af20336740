import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AttemptView, LaunchView, PackageView } from "../../../common/schemas/packages.ts";
import type { TodayResponse } from "../../../common/schemas/learning.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { uploadPackage } from "../../../test-support/packages/upload.ts";
import { fixtureZip } from "../../../test-support/packages/zip.ts";
import { xapiStatements } from "../../db/schema/index.ts";

const CONTENT_HOST = "127.0.0.1:3000";

/** scorm-again's commit object for one SCO of the two-part fixture. */
function commitOf(step: "halfway" | "finished", location: string, raw = 100) {
  const finished = step === "finished";
  return {
    successStatus: finished ? "passed" : "unknown",
    completionStatus: finished ? "completed" : "incomplete",
    totalTimeSeconds: finished ? 60 : 0,
    score: { raw, min: 0, max: 100 },
    runtimeData: {
      cmi: {
        core: {
          lesson_location: location,
          lesson_status: finished ? "passed" : "incomplete",
          exit: finished ? "" : "suspend",
          score: { raw: String(raw), min: "0", max: "100" },
        },
      },
    },
  };
}

describe("a SCORM package with several SCOs", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let learner: string;
  let learnerId: string;
  let cohortId: string;
  let activityId: string;
  const path = (end: string) => `/api/me/activities/${cohortId}/${activityId}/${end}`;

  beforeAll(async () => {
    const setup = await organisationWithCohort(t, { organisation: { defaultLocale: "en" } });
    learner = setup.learners[0]!.cookie;
    learnerId = setup.learners[0]!.id;
    cohortId = setup.cohortId;
    const uploaded = await uploadPackage(
      t,
      setup.designer.cookie,
      setup.trajectory.id,
      fixtureZip("scorm12-multi"),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const pkg = uploaded.json<PackageView>();
    expect(pkg.units.map((u) => u.title)).toEqual([
      "The first minute of a complaint",
      "Agreeing the next step",
    ]);
    const current = (
      await call("GET", `/api/trajectories/${setup.trajectory.id}`, setup.designer.cookie)
    ).json<TrajectoryDetail>();
    activityId = current.document.activities.find(
      (a) => a.type === "theory-module" && a.phase === "before",
    )!.id!;
    const saved = await call("PUT", `/api/trajectories/${current.id}`, setup.designer.cookie, {
      version: current.version,
      document: {
        ...current.document,
        activities: current.document.activities.map((a) =>
          a.id === activityId ? { ...a, packageId: pkg.packageId } : a,
        ),
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  const launch = async (unitId?: string) => {
    const response = await call("POST", path("launch"), learner, unitId ? { unitId } : undefined);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LaunchView>();
  };
  const commit = (unitId: string | null, body: object) =>
    call("POST", unitId ? `${path("cmi")}?unit=${unitId}` : path("cmi"), learner, body);
  const attempt = async () => (await call("GET", path("attempt"), learner)).json<AttemptView | null>();
  const todayTasks = async () =>
    (await call("GET", "/api/me/today", learner)).json<TodayResponse>().items.map((i) => i.activityId);

  it("plays each SCO from its own launch page and keeps a place per SCO", async () => {
    const first = await launch();
    expect(first).toMatchObject({ unitId: "part-1", title: "The first minute of a complaint", cmi: null });
    const second = await launch("part-2");
    expect(second).toMatchObject({ unitId: "part-2", title: "Agreeing the next step" });
    const page = await t.app.inject({
      method: "GET",
      url: new URL(second.url).pathname + new URL(second.url).search,
      headers: { host: CONTENT_HOST },
    });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain("index.html?part=2");

    expect((await commit("part-1", commitOf("halfway", "p1-step2"))).statusCode).toBe(200);
    expect((await commit("part-2", commitOf("halfway", "p2-step3"))).statusCode).toBe(200);
    const resumed1 = await launch("part-1");
    const resumed2 = await launch("part-2");
    expect((resumed1.cmi as { core: Record<string, string> }).core.lesson_location).toBe("p1-step2");
    expect((resumed2.cmi as { core: Record<string, string> }).core.lesson_location).toBe("p2-step3");
    expect(await attempt()).toMatchObject({
      completion: "incomplete",
      units: [
        { id: "part-1", completion: "incomplete" },
        { id: "part-2", completion: "incomplete" },
      ],
    });
  });

  it("closes the task only when the last SCO is finished, once, with the mean score", async () => {
    expect((await commit("part-1", commitOf("finished", "p1-end", 100))).statusCode).toBe(200);
    expect(await todayTasks()).toContain(activityId);
    // The next start continues with the part not yet finished.
    expect((await launch()).unitId).toBe("part-2");
    expect((await commit("part-2", commitOf("finished", "p2-end", 80))).statusCode).toBe(200);
    expect((await commit("part-2", commitOf("finished", "p2-end", 80))).statusCode).toBe(200);
    expect(await todayTasks()).not.toContain(activityId);
    expect(await attempt()).toMatchObject({
      completion: "completed",
      success: "passed",
      score: 0.9,
      totalSeconds: 120,
      units: [
        { id: "part-1", completion: "completed", success: "passed", score: 1 },
        { id: "part-2", completion: "completed", success: "passed", score: 0.8 },
      ],
    });
    const completed = (
      await t.database.db.select().from(xapiStatements).where(eq(xapiStatements.personId, learnerId))
    ).filter((s) => JSON.stringify(s.statement).includes(`activities/${activityId}`));
    expect(completed).toHaveLength(1);
  });

  it("refuses a SCO the package does not have, by its label, and never a 5xx", async () => {
    const unknown = await callInDutch("POST", path("launch"), learner, { unitId: "part-9" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ detail: string }>().detail).toContain("Onderdeel van de module");
    expect((await commit("part-9", commitOf("halfway", "x"))).statusCode).toBe(400);
    for (const query of ["?unit=", "?unit=part-1&unit=part-2", `?unit=${"x".repeat(3000)}`])
      expect(
        (await call("POST", `${path("cmi")}${query}`, learner, commitOf("halfway", "x"))).statusCode,
      ).toBeLessThan(500);
    const page = await t.app.inject({
      method: "GET",
      url: `${new URL((await launch("part-1")).url).pathname}?unit=7`,
      headers: { host: CONTENT_HOST },
    });
    expect(page.statusCode).toBe(404);
  });
});
