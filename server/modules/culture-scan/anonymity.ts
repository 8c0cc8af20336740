/**
 * Anonymity rules for culture-scan results. Pure functions, so they can be tested exhaustively.
 *
 * 1. A group's figures are shown only with at least `threshold` responses (never lower than 3).
 * 2. Groups below the threshold merge into "other"; if "other" is still too small, the smallest shown
 *    groups join it until it is large enough, so that nobody can subtract the shown groups from the
 *    organisation's total to reveal a small one. If even that fails, no group is shown at all.
 * 3. A filter within a group (role, age band) is refused when either the filtered part or the rest of
 *    the group falls below the threshold: both would let someone subtract their way to a small set.
 */
export const MINIMUM_THRESHOLD = 3;

export function effectiveThreshold(organisationThreshold: number): number {
  return Math.max(MINIMUM_THRESHOLD, Math.floor(organisationThreshold));
}

export interface GroupCount {
  key: string;
  responses: number;
}

export interface GroupPlan {
  /** Groups whose figures may be shown, by key. */
  shown: string[];
  /** Keys merged into "other" (shown as one group when `otherShown`). */
  merged: string[];
  otherShown: boolean;
  /** Whether the organisation's total may be shown. */
  totalShown: boolean;
}

export function planGroups(groups: GroupCount[], threshold: number): GroupPlan {
  const limit = effectiveThreshold(threshold);
  const total = groups.reduce((sum, g) => sum + g.responses, 0);
  if (total < limit)
    return { shown: [], merged: groups.map((g) => g.key), otherShown: false, totalShown: false };
  const sorted = [...groups].sort((a, b) => a.responses - b.responses || a.key.localeCompare(b.key));
  const merged = sorted.filter((g) => g.responses < limit);
  const shown = sorted.filter((g) => g.responses >= limit);
  let otherSize = merged.reduce((sum, g) => sum + g.responses, 0);
  // Nothing merged: every group is large enough, and the total reveals nothing new.
  while (merged.length > 0 && otherSize < limit && shown.length > 0) {
    const smallest = shown.shift()!;
    merged.push(smallest);
    otherSize += smallest.responses;
  }
  const otherShown = merged.length > 0 && otherSize >= limit;
  return {
    shown: shown.map((g) => g.key).sort(),
    merged: merged.map((g) => g.key).sort(),
    otherShown,
    totalShown: true,
  };
}

/** Refuses a filter whose part or remainder within the group is too small to stay anonymous. */
export function isFilterAllowed(
  groupResponses: number,
  filteredResponses: number,
  threshold: number,
): boolean {
  const limit = effectiveThreshold(threshold);
  const rest = groupResponses - filteredResponses;
  return filteredResponses >= limit && (rest === 0 || rest >= limit);
}
