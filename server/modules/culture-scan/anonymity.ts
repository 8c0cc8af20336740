/**
 * Anonymity rules for culture-scan results. Pure functions, so they can be tested exhaustively.
 *
 * 1. A group's figures are shown only with at least `threshold` responses (never lower than 3).
 * 2. Groups below the threshold merge into "other"; if "other" is still too small, the smallest shown
 *    groups join it until it is large enough, so that nobody can subtract the shown groups from the
 *    organisation's total to reveal a small one. If even that fails, no group is shown at all.
 * 3. Only answers tied to an invitation count toward a threshold. Answers through the shared poster link
 *    (anyone can send one) are a pool that always sits in "other" and weighs nothing there: padding can
 *    never lift a group, a phase or the total over the threshold, and the total minus the shown groups
 *    always holds at least `threshold` tied answers or nobody at all.
 * 4. The same plan, over the phases of change inside a shown group, decides which phase counts appear.
 * 5. A filter within a group (role, age band) is refused when either the filtered part or the rest of
 *    the group falls below the threshold: both would let someone subtract their way to a small set.
 */
export const MINIMUM_THRESHOLD = 3;

export function effectiveThreshold(organisationThreshold: number): number {
  return Math.max(MINIMUM_THRESHOLD, Math.floor(organisationThreshold));
}

/**
 * The threshold a scan's results, CSV and PDF use: the one it opened with, or the organisation's current
 * one when that is higher. Lowering the organisation's threshold never reaches a scan already opened.
 */
export function scanThreshold(openedWith: number, organisationNow: number): number {
  return effectiveThreshold(Math.max(openedWith, organisationNow));
}

export interface GroupCount {
  key: string;
  /** Answers tied to an invitation: the only ones that count toward the threshold. */
  responses: number;
  /** Answers through the shared link in this group (0 when left out). */
  untied?: number;
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
  const tied = groups.reduce((sum, g) => sum + g.responses, 0);
  if (tied < limit)
    return { shown: [], merged: groups.map((g) => g.key).sort(), otherShown: false, totalShown: false };
  const sorted = [...groups].sort((a, b) => a.responses - b.responses || a.key.localeCompare(b.key));
  const merged = sorted.filter((g) => g.responses < limit);
  const shown = sorted.filter((g) => !merged.includes(g));
  let otherTied = merged.reduce((sum, g) => sum + g.responses, 0);
  const otherHasAnyone = merged.some((g) => g.responses + (g.untied ?? 0) > 0);
  // Nobody merged: every group is large enough, and the total reveals nothing new. Otherwise "other"
  // (and so the total minus the shown groups) needs `limit` tied answers, whatever the untied ones add.
  while (otherHasAnyone && otherTied < limit && shown.length > 0) {
    const smallest = shown.shift()!;
    merged.push(smallest);
    otherTied += smallest.responses;
  }
  const otherShown = otherHasAnyone && otherTied >= limit;
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
