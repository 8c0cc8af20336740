import type { PackageStandard } from "../../db/schema/packages.ts";

/**
 * Reading what a SCORM runtime committed, and giving it back for a resume. Pure. The commit comes from
 * scorm-again in the learner's browser (`renderCommonCommitFields`), so it is whatever that browser sent:
 * every field is checked for its type and size, and anything odd is left out rather than failing.
 */

export interface CommitFacts {
  cmi: Record<string, unknown>;
  completion: "completed" | "incomplete" | "not attempted" | "unknown";
  success: "passed" | "failed" | "unknown";
  /** Scaled 0–1, from score.scaled or raw within min–max. */
  score: number | null;
  location: string | null;
  suspendData: string | null;
  totalSeconds: number;
}

/** SCORM 2004 allows 64,000 characters of suspend data, 1.2 allows 4,096; more is not kept. */
const SUSPEND_MAX = 64_000;
const TEXT_MAX = 1_000;
/** A week: a longer total time is a broken clock in the package, not learning time. */
const SECONDS_MAX = 7 * 24 * 3600;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const objectAt = (value: unknown, key: string): Record<string, unknown> =>
  isObject(value) && isObject(value[key]) ? value[key] : {};
const stringAt = (value: Record<string, unknown>, key: string, max = TEXT_MAX): string | null => {
  const found = value[key];
  return typeof found === "string" && found.length <= max ? found : null;
};
const finite = (value: unknown): number | null => {
  const number =
    typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
};

/** The commit body: an object, or the same as JSON text (scorm-again's sendBeacon on terminate sends text/plain). */
export function commitBody(body: unknown): Record<string, unknown> | null {
  if (isObject(body)) return body;
  if (typeof body !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function scaledScore(score: Record<string, unknown>): number | null {
  const scaled = finite(score.scaled);
  if (scaled !== null && scaled >= -1 && scaled <= 1) return Math.max(0, scaled);
  const raw = finite(score.raw);
  const min = finite(score.min) ?? 0;
  const max = finite(score.max) ?? 100;
  if (raw === null || max <= min) return null;
  return Math.min(1, Math.max(0, (raw - min) / (max - min)));
}

/** The facts Beklijf keeps from one commit, or null when the body is not a commit at all. */
export function readCommit(standard: PackageStandard, body: unknown): CommitFacts | null {
  const commit = commitBody(body);
  // A commit without its CMI tree is no commit: storing it would wipe the learner's saved place.
  if (!commit || !isObject(commit.runtimeData) || !isObject(commit.runtimeData.cmi)) return null;
  const cmi = commit.runtimeData.cmi;
  const core = objectAt(cmi, "core");
  const completion = ["completed", "incomplete", "not attempted"].includes(String(commit.completionStatus))
    ? (commit.completionStatus as CommitFacts["completion"])
    : "unknown";
  const success = ["passed", "failed"].includes(String(commit.successStatus))
    ? (commit.successStatus as CommitFacts["success"])
    : "unknown";
  const total = finite(commit.totalTimeSeconds);
  return {
    cmi,
    completion,
    success,
    score: isObject(commit.score) ? scaledScore(commit.score) : null,
    location: standard === "scorm12" ? stringAt(core, "lesson_location") : stringAt(cmi, "location"),
    suspendData: stringAt(cmi, "suspend_data", SUSPEND_MAX),
    totalSeconds: total !== null && total >= 0 ? Math.min(Math.round(total), SECONDS_MAX) : 0,
  };
}

/** Completed or passed: the package's Today task is done (a failed but completed attempt counts too). */
export const isFinished = (facts: Pick<CommitFacts, "completion" | "success">): boolean =>
  facts.completion === "completed" || facts.success === "passed";

/** Seconds as SCORM 1.2's CMITimespan (HHHH:MM:SS) or SCORM 2004's ISO 8601 duration. */
export function timespan(standard: PackageStandard, seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (standard === "scorm12")
    return `${String(h).padStart(4, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return `PT${h}H${m}M${s}S`;
}

/**
 * The stored CMI data, ready for scorm-again's `loadFromJSON(cmi, "cmi")`: `entry` says resume when the
 * learner left with suspend, the total time is Beklijf's sum, and the last session's own values
 * (exit, session time) are cleared, as a new session starts without them.
 */
export function resumeCmi(
  standard: PackageStandard,
  attempt: { cmi: Record<string, unknown>; totalSeconds: number },
): Record<string, unknown> {
  const total = timespan(standard, attempt.totalSeconds);
  const core = objectAt(attempt.cmi, "core");
  const exit = standard === "scorm12" ? core.exit : attempt.cmi.exit;
  const entry = exit === "suspend" ? "resume" : "";
  if (standard === "scorm12") {
    return { ...attempt.cmi, core: { ...core, entry, total_time: total, exit: "", session_time: "" } };
  }
  return { ...attempt.cmi, entry, total_time: total, exit: "", session_time: "" };
}
