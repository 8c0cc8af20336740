import { createHash } from "node:crypto";
import type { Cmi5MoveOn } from "../../db/schema/packages.ts";

/**
 * The cmi5 (Quartz) vocabulary the LMS speaks, and the statements it makes. Pure: ids are derived, so
 * a statement that must exist once (satisfied, waived, abandoned per session) has one id everywhere.
 */

export const CMI5 = {
  category: "https://w3id.org/xapi/cmi5/context/categories/cmi5",
  moveOnCategory: "https://w3id.org/xapi/cmi5/context/categories/moveon",
  sessionId: "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
  masteryScore: "https://w3id.org/xapi/cmi5/context/extensions/masteryscore",
  reason: "https://w3id.org/xapi/cmi5/result/extensions/reason",
  courseType: "https://w3id.org/xapi/cmi5/activitytype/course",
  blockType: "https://w3id.org/xapi/cmi5/activitytype/block",
} as const;

export const VERB = {
  launched: "http://adlnet.gov/expapi/verbs/launched",
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  terminated: "http://adlnet.gov/expapi/verbs/terminated",
  abandoned: "https://w3id.org/xapi/adl/verbs/abandoned",
  waived: "https://w3id.org/xapi/adl/verbs/waived",
  satisfied: "https://w3id.org/xapi/adl/verbs/satisfied",
} as const;
export type LmsVerb = "launched" | "abandoned" | "waived" | "satisfied";

/** A UUID (version 5 layout) from the parts: the same parts give the same statement id. */
export function derivedId(...parts: string[]): string {
  const hash = createHash("sha1").update(parts.join("\n")).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface LmsStatementInput {
  id: string;
  actor: { objectType: string; account: { homePage: string; name: string } };
  verb: LmsVerb;
  object: { id: string; type?: string };
  registration: string;
  sessionId: string;
  /** The moveOn category too (satisfied, waived). */
  moveOn?: boolean;
  result?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/** A statement the LMS makes, with the cmi5 category and the session id as cmi5 §9.6 asks. */
export function lmsStatement(input: LmsStatementInput) {
  return {
    id: input.id,
    actor: input.actor,
    verb: { id: VERB[input.verb], display: { "en-US": input.verb } },
    object: {
      objectType: "Activity",
      id: input.object.id,
      ...(input.object.type && { definition: { type: input.object.type } }),
    },
    ...(input.result && { result: input.result }),
    context: {
      registration: input.registration,
      contextActivities: {
        category: [
          { id: CMI5.category },
          ...(input.moveOn ? [{ id: CMI5.moveOnCategory, objectType: "Activity" }] : []),
        ].map((c) => ({ objectType: "Activity", ...c })),
      },
      extensions: { [CMI5.sessionId]: input.sessionId, ...input.extensions },
    },
  };
}

/** What an AU has shown in a registration so far. */
export interface AuFacts {
  completed: boolean;
  passed: boolean;
  waived: boolean;
}

/** Whether an AU's moveOn is met (cmi5 §10): waived always is; NotApplicable needs nothing. */
export function moveOnMet(moveOn: Cmi5MoveOn, facts: AuFacts): boolean {
  if (facts.waived) return true;
  switch (moveOn) {
    case "Passed":
      return facts.passed;
    case "Completed":
      return facts.completed;
    case "CompletedAndPassed":
      return facts.completed && facts.passed;
    case "CompletedOrPassed":
      return facts.completed || facts.passed;
    case "NotApplicable":
      return true;
  }
}
