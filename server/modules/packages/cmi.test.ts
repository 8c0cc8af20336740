import { describe, expect, it } from "vitest";
import { isFinished, readCommit, resumeCmi, timespan } from "./cmi.ts";

const scorm12Commit = {
  successStatus: "passed",
  completionStatus: "completed",
  totalTimeSeconds: 95,
  score: { raw: 100, min: 0, max: 100 },
  runtimeData: {
    cmi: {
      suspend_data: '{"answer":"listen"}',
      core: { lesson_location: "2", lesson_status: "passed", exit: "suspend", session_time: "00:01:35" },
      interactions: { "0": { id: "first-minute", result: "correct" } },
    },
  },
};

describe("readCommit", () => {
  it("lifts status, score, location, suspend data and time out of a SCORM 1.2 commit", () => {
    expect(readCommit("scorm12", scorm12Commit)).toMatchObject({
      completion: "completed",
      success: "passed",
      score: 1,
      location: "2",
      suspendData: '{"answer":"listen"}',
      totalSeconds: 95,
    });
  });

  it("reads the same from JSON text, as sendBeacon sends it on terminate", () => {
    expect(readCommit("scorm12", JSON.stringify(scorm12Commit))?.location).toBe("2");
  });

  it("reads SCORM 2004's scaled score and location", () => {
    const facts = readCommit("scorm2004", {
      completionStatus: "incomplete",
      successStatus: "unknown",
      score: { scaled: 0.5 },
      runtimeData: { cmi: { location: "page-3", suspend_data: "x" } },
    });
    expect(facts).toMatchObject({
      completion: "incomplete",
      success: "unknown",
      score: 0.5,
      location: "page-3",
    });
  });

  it("leaves out what is odd instead of failing on a hostile commit", () => {
    expect(readCommit("scorm12", "not json")).toBeNull();
    expect(readCommit("scorm12", [1, 2])).toBeNull();
    expect(readCommit("scorm12", { completionStatus: "completed", runtimeData: { cmi: [] } })).toBeNull();
    expect(
      readCommit("scorm2004", {
        completionStatus: { $gt: "" },
        successStatus: "passed; drop table",
        score: { scaled: "1e400", raw: "abc" },
        totalTimeSeconds: -5,
        runtimeData: { cmi: { location: 42, suspend_data: "x".repeat(70_000) } },
      }),
    ).toEqual({
      cmi: { location: 42, suspend_data: "x".repeat(70_000) },
      completion: "unknown",
      success: "unknown",
      score: null,
      location: null,
      suspendData: null,
      totalSeconds: 0,
    });
  });
});

describe("isFinished", () => {
  it("is done when completed or passed", () => {
    expect(isFinished({ completion: "completed", success: "failed" })).toBe(true);
    expect(isFinished({ completion: "unknown", success: "passed" })).toBe(true);
    expect(isFinished({ completion: "incomplete", success: "unknown" })).toBe(false);
  });
});

describe("resumeCmi", () => {
  it("resumes a suspended SCORM 1.2 attempt with Beklijf's total time", () => {
    const cmi = resumeCmi("scorm12", { cmi: scorm12Commit.runtimeData.cmi, totalSeconds: 3725 });
    expect(cmi.core).toMatchObject({
      entry: "resume",
      total_time: "0001:02:05",
      exit: "",
      lesson_location: "2",
    });
  });

  it("starts a SCORM 2004 attempt without resume when the learner did not suspend", () => {
    expect(
      resumeCmi("scorm2004", { cmi: { exit: "normal", location: "5" }, totalSeconds: 60 }),
    ).toMatchObject({
      entry: "",
      total_time: "PT0H1M0S",
      location: "5",
    });
  });
});

describe("timespan", () => {
  it("writes both formats", () => {
    expect(timespan("scorm12", 59)).toBe("0000:00:59");
    expect(timespan("scorm2004", 3600)).toBe("PT1H0M0S");
  });
});
