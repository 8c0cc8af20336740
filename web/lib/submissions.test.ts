import { describe, expect, it } from "vitest";
import { SAME_SUBMISSION_MS, Submissions } from "./submissions.ts";

function withClock() {
  const clock = { now: 1_000_000 };
  let n = 0;
  const submissions = new Submissions(
    () => clock.now,
    () => `key-${++n}`,
  );
  return { clock, submissions };
}

describe("one key per submission", () => {
  it("gives a double click the same key, and the same form sent later a new one", () => {
    const { clock, submissions } = withClock();
    const first = submissions.keyFor("POST", "/api/teams", '{"name":"Montage"}');
    clock.now += 150;
    expect(submissions.keyFor("POST", "/api/teams", '{"name":"Montage"}')).toBe(first);
    clock.now += SAME_SUBMISSION_MS;
    expect(submissions.keyFor("POST", "/api/teams", '{"name":"Montage"}')).not.toBe(first);
  });

  it("gives another body or another address its own key", () => {
    const { submissions } = withClock();
    const a = submissions.keyFor("POST", "/api/teams", '{"name":"A"}');
    expect(submissions.keyFor("POST", "/api/teams", '{"name":"B"}')).not.toBe(a);
    expect(submissions.keyFor("PATCH", "/api/teams", '{"name":"A"}')).not.toBe(a);
  });

  it("sends a toggle back and forth (done, not done, done) as three submissions", () => {
    const { submissions } = withClock();
    const done = submissions.keyFor("POST", "/api/me/activities/c/a/progress", '{"status":"done"}');
    const open = submissions.keyFor("POST", "/api/me/activities/c/a/progress", '{"status":"open"}');
    const again = submissions.keyFor("POST", "/api/me/activities/c/a/progress", '{"status":"done"}');
    expect(new Set([done, open, again]).size).toBe(3);
  });

  it("keeps the key after a network failure, so a retry much later cannot write twice", () => {
    const { clock, submissions } = withClock();
    const first = submissions.keyFor("POST", "/api/action-plans", "{}");
    submissions.keepAfterNetworkFailure("POST", "/api/action-plans", "{}");
    clock.now += 60 * 60 * 1000;
    expect(submissions.keyFor("POST", "/api/action-plans", "{}")).toBe(first);
  });

  it("gives archive, restore, archive again three keys: another write in between makes a new submission", () => {
    const { submissions } = withClock();
    const archive = submissions.keyFor("POST", "/api/action-plans/p/archive", undefined);
    const restore = submissions.keyFor("POST", "/api/action-plans/p/restore", undefined);
    const again = submissions.keyFor("POST", "/api/action-plans/p/archive", undefined);
    expect(new Set([archive, restore, again]).size).toBe(3);
  });

  it("drops a kept key once an answer arrives, so the same form sent later is new", () => {
    const { clock, submissions } = withClock();
    const first = submissions.keyFor("POST", "/api/action-plans", "{}");
    submissions.keepAfterNetworkFailure("POST", "/api/action-plans", "{}");
    expect(submissions.keyFor("POST", "/api/action-plans", "{}")).toBe(first);
    submissions.answered("POST", "/api/action-plans");
    clock.now += SAME_SUBMISSION_MS + 1;
    expect(submissions.keyFor("POST", "/api/action-plans", "{}")).not.toBe(first);
  });
});
