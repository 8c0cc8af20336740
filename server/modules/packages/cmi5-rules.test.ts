import { describe, expect, it } from "vitest";
import { refusalOf, type SessionState } from "./cmi5-rules.ts";
import { CMI5 } from "./cmi5-vocabulary.ts";

const fresh = (overrides: Partial<SessionState> = {}): SessionState => ({
  session: { auId: "au", launchMode: "Normal", ended: false },
  initialized: false,
  terminated: false,
  completed: false,
  passed: false,
  masteryScore: 0.8,
  ...overrides,
});

const sent = (verb: string, scaled?: number) => ({
  verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
  context: { extensions: { [CMI5.sessionId]: "s" } },
  ...(scaled === undefined ? {} : { result: { score: { scaled } } }),
});

/** Plays the verbs in order on one session; the first refusal, or null. */
function play(state: SessionState, ...statements: ReturnType<typeof sent>[]) {
  for (const statement of statements) {
    const refusal = refusalOf(statement, state);
    if (refusal) return refusal;
  }
  return null;
}

describe("cmi5 statement rules", () => {
  it("accepts a session played in order", () => {
    expect(
      play(fresh(), sent("initialized"), sent("completed"), sent("passed", 0.9), sent("terminated")),
    ).toBeNull();
  });

  it("refuses a verb before initialized, a second initialized, and anything after terminated", () => {
    expect(play(fresh(), sent("completed"))).toMatch(/initialized first/);
    expect(play(fresh(), sent("initialized"), sent("initialized"))).toMatch(/initialized already/);
    expect(play(fresh(), sent("initialized"), sent("terminated"), sent("experienced"))).toMatch(/terminated/);
  });

  it("refuses passed below the mastery score and failed at or above it", () => {
    expect(play(fresh(), sent("initialized"), sent("passed", 0.5))).toMatch(/below the mastery score/);
    expect(play(fresh(), sent("initialized"), sent("failed", 0.8))).toMatch(/at or above/);
    expect(play(fresh(), sent("initialized"), sent("failed", 0.5))).toBeNull();
  });

  it("refuses a second completed or passed in the registration, and judgements outside Normal mode", () => {
    expect(play(fresh({ completed: true }), sent("initialized"), sent("completed"))).toMatch(
      /completed already/,
    );
    expect(play(fresh({ passed: true }), sent("initialized"), sent("passed", 1))).toMatch(/passed already/);
    const review = fresh({ session: { auId: "au", launchMode: "Review", ended: false } });
    expect(play(review, sent("initialized"), sent("completed"))).toMatch(/Review mode/);
  });

  it("refuses a cmi5 verb without a session of the registration, or in an abandoned session", () => {
    expect(play(fresh({ session: null }), sent("initialized"))).toMatch(/name a session/);
    const ended = fresh({ session: { auId: "au", launchMode: "Normal", ended: true } });
    expect(play(ended, sent("initialized"))).toMatch(/ended/);
  });
});
