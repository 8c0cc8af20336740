/** Success Case Method (Brinkerhoff 2003): find the clearest successes and non-successes to learn from. */

export interface CaseFacts {
  personId: string;
  applications: number;
  confirmedApplications: number;
  /** How often they say they used it a few weeks on (0–3), null when not answered. */
  reportedUse: number | null;
  consented: boolean;
}

/** A manager's confirmation weighs most: it is the second source that makes an application evidence. */
export const successScore = (f: CaseFacts) =>
  3 * f.confirmedApplications + f.applications + (f.reportedUse ?? 0);

export const CASES_PER_SIDE = 3;

/**
 * The most and least successful learners among those who agreed to be asked. The two lists never
 * share a person; a learner with no evidence at all is a non-success case, not a success.
 */
export function pickCases<T extends CaseFacts>(
  facts: T[],
): { most: (T & { score: number })[]; least: (T & { score: number })[]; withoutConsent: number } {
  const scored = facts.filter((f) => f.consented).map((f) => ({ ...f, score: successScore(f) }));
  const byScore = [...scored].sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
  const most = byScore.filter((f) => f.score > 0).slice(0, CASES_PER_SIDE);
  const taken = new Set(most.map((f) => f.personId));
  const least = byScore
    .reverse()
    .filter((f) => !taken.has(f.personId))
    .slice(0, CASES_PER_SIDE);
  return { most, least, withoutConsent: facts.length - scored.length };
}
