import { describe, expect, it } from "vitest";
import { badgeProgress, bestShare, PROOF_PASS } from "./badge-progress.ts";

const applicationsOnly = { requiresProof: false, minConfirmedApplications: 2 };
const proofAndApplications = { requiresProof: true, minConfirmedApplications: 1 };

describe("badgeProgress", () => {
  it("says how many confirmed applications are there out of those needed", () => {
    expect(badgeProgress(applicationsOnly, { bestProofShare: null, confirmedApplications: 1 })).toEqual({
      met: false,
      rules: [{ rule: "confirmed-applications", met: false, have: 1, needed: 2 }],
    });
  });

  it("is met exactly when the last application needed is confirmed, and counts no further", () => {
    expect(badgeProgress(applicationsOnly, { bestProofShare: null, confirmedApplications: 2 }).met).toBe(
      true,
    );
    expect(badgeProgress(applicationsOnly, { bestProofShare: null, confirmedApplications: 5 })).toEqual({
      met: true,
      rules: [{ rule: "confirmed-applications", met: true, have: 2, needed: 2 }],
    });
  });

  it("passes the proof from 70% right, not a hair below", () => {
    const at = (share: number | null) =>
      badgeProgress(proofAndApplications, { bestProofShare: share, confirmedApplications: 1 });
    expect(at(PROOF_PASS).met).toBe(true);
    expect(at(0.6999).met).toBe(false);
    expect(at(null).rules[0]).toEqual({
      rule: "competence-proof",
      met: false,
      bestShare: null,
      neededShare: 0.7,
    });
  });

  it("needs every part of the rule: a passed proof without the application is not enough", () => {
    const progress = badgeProgress(proofAndApplications, { bestProofShare: 0.9, confirmedApplications: 0 });
    expect(progress.met).toBe(false);
    expect(progress.rules.map((r) => [r.rule, r.met])).toEqual([
      ["competence-proof", true],
      ["confirmed-applications", false],
    ]);
  });

  it("leaves out the parts a rule does not ask for", () => {
    const proofOnly = { requiresProof: true, minConfirmedApplications: 0 };
    const progress = badgeProgress(proofOnly, { bestProofShare: 0.8, confirmedApplications: 0 });
    expect(progress).toEqual({
      met: true,
      rules: [{ rule: "competence-proof", met: true, bestShare: 0.8, neededShare: 0.7 }],
    });
  });
});

describe("bestShare", () => {
  it("takes the best proof, and ignores a proof without questions", () => {
    expect(bestShare([])).toBeNull();
    expect(bestShare([{ correct: 0, total: 0 }])).toBeNull();
    expect(
      bestShare([
        { correct: 3, total: 5 },
        { correct: 4, total: 5 },
      ]),
    ).toBe(0.8);
  });
});
