import type { AttemptView } from "../../../common/schemas/packages.ts";
import type { PackageUnit } from "../../db/schema/packages.ts";

/**
 * A SCORM package with several SCOs: which SCO to play, and where the learner stands in the whole.
 * Pure. Beklijf plays the SCOs in the package's order and lets the learner pick any of them; it does
 * not run SCORM 2004 sequencing rules (decision 0022): the activity is done once every SCO is finished.
 */

export interface UnitAttempt {
  unitId: string;
  completion: string;
  success: string;
  score: number | null;
  totalSeconds: number;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** The SCO asked for when the package has it; otherwise the first one not yet finished, or the first. */
export function unitToPlay(
  units: readonly PackageUnit[],
  attempts: readonly UnitAttempt[],
  asked?: string,
): PackageUnit | null {
  if (asked !== undefined) return units.find((u) => u.id === asked) ?? null;
  const finished = new Set(attempts.filter((a) => a.finishedAt).map((a) => a.unitId));
  return units.find((u) => !finished.has(u.id)) ?? units[0] ?? null;
}

/** Every SCO of the package has a finished attempt. */
export function allFinished(units: readonly PackageUnit[], attempts: readonly UnitAttempt[]): boolean {
  const finished = new Set(attempts.filter((a) => a.finishedAt).map((a) => a.unitId));
  return units.length > 0 && units.every((u) => finished.has(u.id));
}

function overallCompletion(units: readonly PackageUnit[], attempts: readonly UnitAttempt[]): string {
  if (allFinished(units, attempts)) return "completed";
  return attempts.length > 0 ? "incomplete" : "not attempted";
}

/** Passed only when every SCO passed; failed as soon as one failed; otherwise not known. */
function overallSuccess(units: readonly PackageUnit[], attempts: readonly UnitAttempt[]): string {
  if (attempts.some((a) => a.success === "failed")) return "failed";
  const passed = new Set(attempts.filter((a) => a.success === "passed").map((a) => a.unitId));
  return units.every((u) => passed.has(u.id)) ? "passed" : "unknown";
}

/** The mean of the scores the SCOs reported, or null when none did. */
function meanScore(attempts: readonly UnitAttempt[]): number | null {
  const scores = attempts.map((a) => a.score).filter((s): s is number => s !== null);
  return scores.length ? scores.reduce((sum, s) => sum + s, 0) / scores.length : null;
}

/** The learner's attempt at the package as one; with several SCOs, each SCO's state too. Null before any. */
export function attemptSummary(
  units: readonly PackageUnit[],
  attempts: readonly UnitAttempt[],
): AttemptView | null {
  if (attempts.length === 0) return null;
  const single = units.length <= 1 ? attempts.find((a) => a.unitId === units[0]?.id) : undefined;
  const latest = Math.max(...attempts.map((a) => a.updatedAt.getTime()));
  const view: AttemptView = single
    ? {
        completion: single.completion,
        success: single.success,
        score: single.score,
        totalSeconds: single.totalSeconds,
        updatedAt: single.updatedAt.toISOString(),
      }
    : {
        completion: overallCompletion(units, attempts),
        success: overallSuccess(units, attempts),
        score: meanScore(attempts),
        totalSeconds: attempts.reduce((sum, a) => sum + a.totalSeconds, 0),
        updatedAt: new Date(latest).toISOString(),
      };
  if (units.length <= 1) return view;
  const byUnit = new Map(attempts.map((a) => [a.unitId, a]));
  return {
    ...view,
    units: units.map((u) => {
      const attempt = byUnit.get(u.id);
      return {
        id: u.id,
        title: u.title,
        completion: attempt?.completion ?? "not attempted",
        success: attempt?.success ?? "unknown",
        score: attempt?.score ?? null,
      };
    }),
  };
}
