import { count, eq } from "drizzle-orm";
import { strToU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { LaunchView, PackageView } from "../../../common/schemas/packages.ts";
import type { TodayResponse } from "../../../common/schemas/learning.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { fixtureZip, zipOf } from "../../../test-support/packages/zip.ts";
import { uploadPackage } from "../../../test-support/packages/upload.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import { contentPackages, packageAttempts, packageFiles, xapiStatements } from "../../db/schema/index.ts";

const CONTENT_HOST = "127.0.0.1:3000";

/** scorm-again's commit object (renderCommonCommitFields) for the fixture's SCORM 1.2 page. */
function scorm12Commit(step: "halfway" | "finished", totalTimeSeconds = 0) {
  const finished = step === "finished";
  return {
    successStatus: finished ? "passed" : "unknown",
    completionStatus: finished ? "completed" : "incomplete",
    totalTimeSeconds,
    score: { raw: 100, min: 0, max: 100 },
    runtimeData: {
      cmi: {
        suspend_data: '{"answer":"listen"}',
        core: {
          lesson_location: "2",
          lesson_status: finished ? "passed" : "incomplete",
          exit: finished ? "" : "suspend",
          score: { raw: "100", min: "0", max: "100" },
        },
        interactions: {
          "0": { id: "first-minute", type: "choice", student_response: "listen", result: "correct" },
        },
      },
    },
  };
}

describe("content packages", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let designer: string;
  let learner: string;
  let learnerId: string;
  let trajectory: TrajectoryDetail;
  let cohortId: string;
  let activityId: string;
  let cmi5ActivityId: string;

  const packageCount = async () =>
    (await t.database.db.select({ n: count() }).from(contentPackages))[0]!.n +
    (await t.database.db.select({ n: count() }).from(packageFiles))[0]!.n;

  beforeAll(async () => {
    const setup = await organisationWithCohort(t, { organisation: { defaultLocale: "en" } });
    designer = setup.designer.cookie;
    learner = setup.learners[0]!.cookie;
    learnerId = setup.learners[0]!.id;
    cohortId = setup.cohortId;
    const scorm = (
      await uploadPackage(t, designer, setup.trajectory.id, fixtureZip("scorm12"))
    ).json<PackageView>();
    const cmi5 = (
      await uploadPackage(t, designer, setup.trajectory.id, fixtureZip("cmi5"))
    ).json<PackageView>();
    const current = (
      await call("GET", `/api/trajectories/${setup.trajectory.id}`, designer)
    ).json<TrajectoryDetail>();
    const theory = current.document.activities.filter(
      (a) => a.type === "theory-module" && a.phase === "before",
    );
    activityId = theory[0]!.id!;
    cmi5ActivityId = current.document.activities.find(
      (a) => a.phase === "before" && a.id !== activityId,
    )!.id!;
    const document = {
      ...current.document,
      activities: current.document.activities.map((a) =>
        a.id === activityId
          ? { ...a, packageId: scorm.packageId }
          : a.id === cmi5ActivityId
            ? { ...a, packageId: cmi5.packageId }
            : a,
      ),
    };
    const saved = await call("PUT", `/api/trajectories/${current.id}`, designer, {
      version: current.version,
      document,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    trajectory = saved.json<TrajectoryDetail>();
  });

  describe("POST /api/trajectories/:trajectoryId/packages", () => {
    it("requires authentication", async () => {
      const response = await uploadPackage(t, "", trajectory.id, fixtureZip("scorm12"));
      expect(response.statusCode).toBe(401);
    });

    it("hides other organisations' trajectories", async () => {
      const response = await uploadPackage(
        t,
        await outsiderCookie(t),
        trajectory.id,
        fixtureZip("scorm2004"),
      );
      expect(response.statusCode).toBe(404);
    });

    it("imports a SCORM 2004 package and shows its title, SCO and mastery score", async () => {
      const response = await uploadPackage(t, designer, trajectory.id, fixtureZip("scorm2004"));
      expect(response.statusCode, response.body).toBe(201);
      const view = response.json<PackageView>();
      expect(view).toMatchObject({
        standard: "scorm2004",
        edition: "2004 4th Edition",
        title: "Handling a complaint (SCORM 2004)",
        units: [{ title: "The first minute of a complaint", href: "index.html", masteryScore: 0.8 }],
        fileCount: 4,
      });
      const again = await call("GET", `/api/packages/${view.packageId}`, designer);
      expect(again.json()).toEqual(view);
    });

    it("keeps one package when the same zip is uploaded twice", async () => {
      const zip = fixtureZip("scorm2004", { "extra.txt": "twice" });
      const first = (await uploadPackage(t, designer, trajectory.id, zip)).json<PackageView>();
      const before = await packageCount();
      const second = await uploadPackage(t, designer, trajectory.id, zip);
      expect(second.statusCode).toBe(201);
      expect(second.json<PackageView>().packageId).toBe(first.packageId);
      expect(await packageCount()).toBe(before);
    });

    const hostile: [string, () => Uint8Array, string][] = [
      ["not a zip", () => strToU8("<html>hello</html>"), "is not a zip file"],
      ["no manifest", () => zipOf({ "index.html": strToU8("<p>hi</p>") }), "has no imsmanifest.xml"],
      [
        "a manifest that does not parse",
        () => fixtureZip("scorm12", { "imsmanifest.xml": "<manifest><oops>" }),
        "could not be read",
      ],
      [
        "a manifest naming a missing file",
        () => fixtureZip("scorm12", { "course.js": null }),
        "course.js, but that file is not in the zip",
      ],
      [
        "a zip-slip path",
        () => zipOf({ "../../etc/cron.d/evil": strToU8("x"), "imsmanifest.xml": strToU8("<x/>") }),
        "points outside the package",
      ],
      [
        "a symlink",
        () => zipOf({ "index.html": [strToU8("/etc/passwd"), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }),
        "symbolic link",
      ],
      [
        "a zip bomb",
        () => zipOf({ "imsmanifest.xml": strToU8("<x/>"), "bomb.txt": new Uint8Array(30 * 1024 * 1024) }),
        "zip bomb",
      ],
    ];
    it.each(hostile)(
      "refuses %s with the reason, naming the field, and stores nothing",
      async (_name, zip, reason) => {
        const before = await packageCount();
        const response = await uploadPackage(t, designer, trajectory.id, zip());
        expect(response.statusCode).toBe(400);
        expect(response.headers["content-type"]).toContain("application/problem+json");
        const body = response.json<{ detail: string; errors: { field: string }[] }>();
        expect(body.detail).toContain("E-learning package");
        expect(body.detail).toContain(reason);
        expect(body.errors[0]!.field).toBe("package");
        expect(await packageCount()).toBe(before);
      },
    );

    it("refuses in Dutch for a Dutch designer, and a request without a file", async () => {
      const { payload, contentType } = { payload: "{}", contentType: "application/json" };
      const empty = await t.app.inject({
        method: "POST",
        url: `/api/trajectories/${trajectory.id}/packages`,
        headers: {
          origin: TEST_ORIGIN,
          cookie: designer,
          "content-type": contentType,
          "accept-language": "nl",
        },
        payload,
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json<{ detail: string }>().detail).toContain("E-learningpakket");
      const dutch = await uploadPackage(t, designer, trajectory.id, strToU8("nope"), {
        "accept-language": "nl",
      });
      expect(dutch.json<{ detail: string }>().detail).toBe(
        "E-learningpakket is geen zipbestand. Exporteer de cursus uit je auteurstool als SCORM- of cmi5-zip.",
      );
    });

    it("refuses a learner, who may not design", async () => {
      expect((await uploadPackage(t, learner, trajectory.id, fixtureZip("scorm12"))).statusCode).toBe(403);
    });
  });

  describe("playing a SCORM package", () => {
    const launch = async () => {
      const response = await call("POST", `/api/me/activities/${cohortId}/${activityId}/launch`, learner);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<LaunchView>();
    };
    const commit = (body: unknown) =>
      call("POST", `/api/me/activities/${cohortId}/${activityId}/cmi`, learner, body as object);
    const todayTasks = async () =>
      (await call("GET", "/api/me/today", learner)).json<TodayResponse>().items.map((i) => i.activityId);

    it("launches on the content origin with a signed token, and serves the files only there", async () => {
      const launched = await launch();
      expect(launched).toMatchObject({
        standard: "scorm12",
        contentOrigin: `http://${CONTENT_HOST}`,
        cmi: null,
      });
      const path = new URL(launched.url).pathname;
      const page = await t.app.inject({ method: "GET", url: path, headers: { host: CONTENT_HOST } });
      expect(page.statusCode, page.body).toBe(200);
      expect(page.body).toContain("window[config.name] = api");
      expect(page.headers["content-security-policy"]).toContain(`frame-ancestors 'self' ${TEST_ORIGIN}`);
      expect(page.headers["x-frame-options"]).toBeUndefined();
      expect(page.headers["set-cookie"]).toBeUndefined();
      const token = path.split("/")[2]!;
      const file = await t.app.inject({
        method: "GET",
        url: `/content/${token}/index.html`,
        headers: { host: CONTENT_HOST },
      });
      expect(file.statusCode).toBe(200);
      expect(file.body).toContain("What do you do first?");
      // Not from the app's own origin, and the content host reaches nothing of the app.
      expect((await t.app.inject({ method: "GET", url: `/content/${token}/index.html` })).statusCode).toBe(
        404,
      );
      const api = await t.app.inject({
        method: "GET",
        url: "/api/me",
        headers: { host: CONTENT_HOST, cookie: learner },
      });
      expect(api.statusCode).toBe(404);
      // A forged or altered token reads nothing; neither does a path out of the package.
      expect(
        (
          await t.app.inject({
            method: "GET",
            url: `/content/${token}x/index.html`,
            headers: { host: CONTENT_HOST },
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await t.app.inject({
            method: "GET",
            url: `/content/${token}/..%2fimsmanifest.xml`,
            headers: { host: CONTENT_HOST },
          })
        ).statusCode,
      ).toBe(404);
    });

    it("keeps the learner's place halfway and resumes there; finishing closes the Today task once", async () => {
      expect(await todayTasks()).toContain(activityId);
      const before = (await call("GET", `/api/me/activities/${cohortId}/${activityId}`, learner)).json<{
        canMarkDone: boolean;
        packageId: string;
      }>();
      expect(before).toMatchObject({ canMarkDone: false, packageId: expect.any(String) });
      const ticked = await call("POST", `/api/me/activities/${cohortId}/${activityId}/progress`, learner, {
        status: "done",
      });
      expect(ticked.statusCode).toBe(400);
      const halfway = await commit(scorm12Commit("halfway"));
      expect(halfway.statusCode, halfway.body).toBe(200);
      expect(halfway.json()).toEqual({ result: true, errorCode: 0 });
      expect(await todayTasks()).toContain(activityId);

      const resumed = await launch();
      const core = (resumed.cmi as { core: Record<string, string> }).core;
      expect(core).toMatchObject({ entry: "resume", lesson_location: "2", exit: "" });
      expect((resumed.cmi as { suspend_data: string }).suspend_data).toBe('{"answer":"listen"}');

      // The terminate commit comes by sendBeacon as text/plain.
      const finished = await t.app.inject({
        method: "POST",
        url: `/api/me/activities/${cohortId}/${activityId}/cmi`,
        headers: { origin: TEST_ORIGIN, cookie: learner, "content-type": "text/plain;charset=UTF-8" },
        payload: JSON.stringify(scorm12Commit("finished", 125)),
      });
      expect(finished.statusCode, finished.body).toBe(200);
      await commit(scorm12Commit("finished", 125));
      expect(await todayTasks()).not.toContain(activityId);
      const attempt = (
        await call("GET", `/api/me/activities/${cohortId}/${activityId}/attempt`, learner)
      ).json();
      expect(attempt).toMatchObject({
        completion: "completed",
        success: "passed",
        score: 1,
        totalSeconds: 125,
      });
      const statements = await t.database.db
        .select()
        .from(xapiStatements)
        .where(eq(xapiStatements.personId, learnerId));
      const completed = statements.filter((s) =>
        JSON.stringify(s.statement).includes(`activities/${activityId}`),
      );
      expect(completed).toHaveLength(1);
      const activity = (await call("GET", `/api/me/activities/${cohortId}/${activityId}`, learner)).json<{
        status: string;
      }>();
      expect(activity.status).toBe("done");
    });

    it("never answers 5xx to a hostile commit", async () => {
      for (const body of [
        "not json",
        [1, 2, 3],
        { runtimeData: "x" },
        { completionStatus: { $ne: 1 }, runtimeData: { cmi: [] } },
      ]) {
        const response = await t.app.inject({
          method: "POST",
          url: `/api/me/activities/${cohortId}/${activityId}/cmi`,
          headers: {
            origin: TEST_ORIGIN,
            cookie: learner,
            "content-type": typeof body === "string" ? "text/plain" : "application/json",
          },
          payload: typeof body === "string" ? body : JSON.stringify(body),
        });
        expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
      }
      const [row] = await t.database.db
        .select()
        .from(packageAttempts)
        .where(eq(packageAttempts.personId, learnerId));
      expect(row!.finishedAt).not.toBeNull();
    });

    it("launches a cmi5 package with its launch parameters (cmi5.int.test.ts plays it)", async () => {
      const response = await call("POST", `/api/me/activities/${cohortId}/${cmi5ActivityId}/launch`, learner);
      expect(response.statusCode, response.body).toBe(200);
      const url = new URL(response.json<LaunchView>().url);
      expect([...url.searchParams.keys()]).toEqual([
        "endpoint",
        "fetch",
        "actor",
        "registration",
        "activityId",
      ]);
    });

    it("hides another organisation's activities and packages", async () => {
      const outsider = await outsiderCookie(t);
      expect(
        (await call("POST", `/api/me/activities/${cohortId}/${activityId}/launch`, outsider)).statusCode,
      ).toBe(404);
      expect(
        (
          await call(
            "POST",
            `/api/me/activities/${cohortId}/${activityId}/cmi`,
            outsider,
            scorm12Commit("halfway"),
          )
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await call(
            "GET",
            `/api/packages/${trajectory.document.activities.find((a) => a.id === activityId)!.packageId}`,
            outsider,
          )
        ).statusCode,
      ).toBe(404);
    });

    it("puts the attempt in the person's export in Dutch too", async () => {
      const exported = await callInDutch("GET", "/api/me/export", learner);
      expect(exported.statusCode).toBe(200);
      expect(JSON.stringify(exported.json())).toContain("listen");
    });
  });
});
