import { describe, expect, it } from "vitest";
import type { ImpactView } from "../../../common/schemas/impact.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { contentPackages, packageAttempts } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";

/**
 * A graded content package as a test in the measurement plan (issue 18): the designer maps the theory
 * module that holds it to LTEM tier 4, and the package's scores reach the impact dashboard.
 */
describe("package results on the impact dashboard", () => {
  const t = useTestApp();
  const call = caller(t);

  /** A cohort whose theory module holds a package, with attempts scored `scores` (null: none yet). */
  async function cohortWithPackageScores(scores: (number | null)[]) {
    const fixture = await organisationWithCohort(t, { learners: scores.map(() => ({})), daysAfter: 10 });
    const tenant = new Tenant(t.database.db, fixture.organisation.id);
    const [pkg] = await t.database.db
      .insert(contentPackages)
      .values(
        tenant.row({
          trajectoryId: fixture.trajectory.id,
          standard: "scorm12" as const,
          edition: "1.2",
          title: "Product knowledge test",
          units: [{ id: "sco-1", title: "Test", href: "index.html", masteryScore: 0.7 }],
          sha256: "test",
          sizeBytes: 1,
          fileCount: 1,
          createdAt: t.clock.now,
        }),
      )
      .returning({ id: contentPackages.id });
    const document = fixture.trajectory.document;
    const theory = document.activities.find((a) => a.type === "theory-module")!;
    for (const [index, score] of scores.entries())
      await t.database.db.insert(packageAttempts).values(
        tenant.row({
          personId: fixture.learners[index]!.id,
          cohortId: fixture.cohortId,
          activityId: theory.id!,
          packageId: pkg!.id,
          cmi: {},
          completion: "completed",
          success: score === null ? "unknown" : score >= 0.7 ? "passed" : "failed",
          score,
          startedAt: t.clock.now,
          updatedAt: t.clock.now,
        }),
      );
    return { ...fixture, theory, packageId: pkg!.id };
  }

  async function savePlan(
    fixture: Awaited<ReturnType<typeof cohortWithPackageScores>>,
    withPackage: boolean,
  ) {
    const document = fixture.trajectory.document;
    const saved = await call("PUT", `/api/trajectories/${fixture.trajectory.id}`, fixture.designer.cookie, {
      version: fixture.trajectory.version,
      document: {
        ...document,
        activities: document.activities.map((a) =>
          a.id === fixture.theory.id && withPackage ? { ...a, packageId: fixture.packageId } : a,
        ),
        measurementPlan: [
          { instrument: "test", tier: 4, timing: "right-after", activityId: fixture.theory.id },
          { instrument: "activity-completion", tier: 2, timing: "delayed" },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    return saved.json<TrajectoryDetail>();
  }

  const impactOf = async (fixture: Awaited<ReturnType<typeof cohortWithPackageScores>>) => {
    const response = await call(
      "GET",
      `/api/trajectories/${fixture.trajectory.id}/impact?cohortId=${fixture.cohortId}`,
      fixture.designer.cookie,
    );
    expect(response.statusCode).toBe(200);
    return response.json<ImpactView>();
  };

  it("requires authentication", async () => {
    const fixture = await cohortWithPackageScores([0.9]);
    const response = await call("GET", `/api/trajectories/${fixture.trajectory.id}/impact`, null);
    expect(response.statusCode).toBe(401);
  });

  it("hides other organisations' data: another coordinator cannot read the package results", async () => {
    const fixture = await cohortWithPackageScores([0.9]);
    const other = await organisationWithCohort(t);
    const response = await call(
      "GET",
      `/api/trajectories/${fixture.trajectory.id}/impact?cohortId=${fixture.cohortId}`,
      other.designer.cookie,
    );
    expect(response.statusCode).toBe(404);
  });

  it("counts the learners whose package score reached the pass mark for LTEM tier 4", async () => {
    const fixture = await cohortWithPackageScores([0.9, 0.75, 0.5, null]);
    await savePlan(fixture, true);
    const knowledge = (await impactOf(fixture)).tiers.find((tier) => tier.tier === 4)!;
    expect(knowledge.learners).toBe(2);
    expect(knowledge.evidence).toHaveLength(1);
    expect(knowledge.evidence[0]!.detail).toBe("2 of the 3 who took it scored 70% or more.");
  });

  it("keeps a plan line on a theory module without a package out of the plan", async () => {
    const fixture = await cohortWithPackageScores([0.9]);
    const saved = await savePlan(fixture, false);
    const knowledge = (await impactOf(fixture)).tiers.find((tier) => tier.tier === 4)!;
    expect(knowledge.evidence.filter((e) => e.instrument === "test")).toEqual([]);
    expect(saved.document.measurementPlan).toHaveLength(2);
  });
});
