import fs from "node:fs";
import path from "node:path";
import { Scorm12API, Scorm2004API } from "scorm-again";
import { beforeAll, describe, expect, it } from "vitest";
import type { LaunchView, PackageView } from "../../../common/schemas/packages.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { uploadPackage } from "../../../test-support/packages/upload.ts";
import { fixtureZip } from "../../../test-support/packages/zip.ts";

/** One ADL RTE case as scorm-again's conformance fixtures describe it (see test-support/packages/adl). */
interface Step {
  method:
    | "Initialize"
    | "Terminate"
    | "Commit"
    | "GetValue"
    | "SetValue"
    | "GetLastError"
    | "GetErrorString"
    | "GetDiagnostic";
  element?: string;
  value?: string;
  expectedReturn?: string | { match: "nonEmptyMax255" };
  expectedErrorCode: string;
}
interface Fixture {
  id: string;
  scormVersion: "1.2" | "2004";
  initialState?: Record<string, unknown>;
  activities: { id: string; initialState?: Record<string, unknown>; steps: Step[] }[];
}

const folder = path.resolve(import.meta.dirname, "../../../test-support/packages/adl");
const fixtures: Fixture[] = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as Fixture);

/** Values a SCO may read back that Beklijf must keep between sessions. */
const KEPT = new Set([
  "cmi.location",
  "cmi.suspend_data",
  "cmi.completion_status",
  "cmi.success_status",
  "cmi.score.scaled",
  "cmi.score.raw",
  "cmi.core.lesson_location",
  "cmi.core.lesson_status",
  "cmi.core.score.raw",
]);

type Api = Scorm12API | Scorm2004API;

/** scorm-again as the player sets it up, with its commits captured instead of sent by XHR. */
function playerApi(version: "1.2" | "2004", commits: unknown[]): Api {
  const settings = {
    lmsCommitUrl: "/commit",
    dataCommitFormat: "json" as const,
    renderCommonCommitFields: true,
    selfReportSessionTime: true,
    logLevel: 5 as const,
    httpService: {
      processHttpRequest: (_url: string, params: unknown) => {
        commits.push(structuredClone(params));
        return { result: true, errorCode: 0 };
      },
      updateSettings: () => {},
    },
  };
  return version === "1.2" ? new Scorm12API(settings) : new Scorm2004API(settings);
}

function call(api: Api, step: Step): string {
  const arg = step.value ?? "";
  switch (step.method) {
    case "Initialize":
      return api.lmsInitialize(arg);
    case "Terminate":
      return api.lmsFinish(arg);
    case "Commit":
      return api.lmsCommit(arg);
    case "GetValue":
      return api.lmsGetValue(step.element ?? "");
    case "SetValue":
      return api.lmsSetValue(step.element ?? "", step.value);
    case "GetLastError":
      return api.lmsGetLastError();
    case "GetErrorString":
      return api.lmsGetErrorString(arg);
    case "GetDiagnostic":
      return api.lmsGetDiagnostic(arg);
  }
}

describe("ADL SCORM RTE fixtures replayed through Beklijf's commit and resume", () => {
  const t = useTestApp();
  const callApi = caller(t);
  let learner: string;
  let cohortId: string;
  const activityFor: Record<"1.2" | "2004", string> = { "1.2": "", "2004": "" };
  let resumedValues = 0;

  beforeAll(async () => {
    const setup = await organisationWithCohort(t, { organisation: { defaultLocale: "en" } });
    learner = setup.learners[0]!.cookie;
    cohortId = setup.cohortId;
    const designer = setup.designer.cookie;
    const id12 = (
      await uploadPackage(t, designer, setup.trajectory.id, fixtureZip("scorm12"))
    ).json<PackageView>().packageId;
    const id2004 = (
      await uploadPackage(t, designer, setup.trajectory.id, fixtureZip("scorm2004"))
    ).json<PackageView>().packageId;
    const current = (
      await callApi("GET", `/api/trajectories/${setup.trajectory.id}`, designer)
    ).json<TrajectoryDetail>();
    const [first, second] = current.document.activities.filter((a) => a.phase === "before");
    activityFor["1.2"] = first!.id!;
    activityFor["2004"] = second!.id!;
    const activities = current.document.activities.map((a) =>
      a.id === first!.id ? { ...a, packageId: id12 } : a.id === second!.id ? { ...a, packageId: id2004 } : a,
    );
    const saved = await callApi("PUT", `/api/trajectories/${current.id}`, designer, {
      version: current.version,
      document: { ...current.document, activities },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it("has the fixtures", () => expect(fixtures.length).toBeGreaterThan(30));

  it.each(fixtures.map((f) => [f.id, f] as const))("%s", async (_id, fixture) => {
    const activityId = activityFor[fixture.scormVersion];
    for (const activity of fixture.activities) {
      const commits: unknown[] = [];
      const api = playerApi(fixture.scormVersion, commits);
      const seed = activity.initialState ?? fixture.initialState;
      if (seed) api.loadFromJSON(seed, "");
      const committed = new Map<string, string>();
      const pending = new Map<string, string>();
      activity.steps.forEach((step, index) => {
        const where = `${fixture.id} > ${activity.id} > step ${index} ${step.method}(${step.element ?? step.value ?? ""})`;
        const returned = call(api, step);
        if (typeof step.expectedReturn === "string") expect(returned, where).toBe(step.expectedReturn);
        else if (step.expectedReturn) expect(returned.length, where).toBeGreaterThan(0);
        expect(api.lmsGetLastError(), where).toBe(step.expectedErrorCode);
        if (step.method === "SetValue" && returned === "true" && KEPT.has(step.element!))
          pending.set(step.element!, step.value!);
        if ((step.method === "Commit" || step.method === "Terminate") && returned === "true")
          for (const [key, value] of pending) committed.set(key, value);
      });
      // Every commit the runtime made is accepted by Beklijf's endpoint, as the browser would send it.
      for (const commit of commits) {
        const response = await callApi(
          "POST",
          `/api/me/activities/${cohortId}/${activityId}/cmi`,
          learner,
          commit as object,
        );
        expect(response.statusCode, `${fixture.id} > ${activity.id}: ${response.body}`).toBe(200);
        expect(response.json()).toEqual({ result: true, errorCode: 0 });
      }
      if (commits.length === 0 || committed.size === 0) continue;
      // The next session starts from what was committed.
      const launch = (
        await callApi("POST", `/api/me/activities/${cohortId}/${activityId}/launch`, learner)
      ).json<LaunchView>();
      const resumed = playerApi(fixture.scormVersion, []);
      resumed.loadFromJSON(launch.cmi!, "cmi");
      resumed.lmsInitialize("");
      for (const [key, value] of committed) {
        const back = resumed.lmsGetValue(key);
        expect(
          Number.isNaN(Number(value)) ? back : Number(back),
          `${fixture.id} > ${activity.id}: ${key}`,
        ).toEqual(Number.isNaN(Number(value)) ? value : Number(value));
        resumedValues += 1;
      }
    }
  });

  it("resumed committed values along the way", () => expect(resumedValues).toBeGreaterThan(3));
});
