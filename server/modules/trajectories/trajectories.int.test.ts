import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/index.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildPerson,
} from "../../../test-support/factories.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";

describe("trajectories and the design check over HTTP", () => {
  const t = useTestApp();
  let designer: string;
  let secondDesigner: string;
  let learner: string;

  const call = caller(t);
  const callInDutch = caller(t, "nl");

  const lecture: TrajectoryDocument = {
    title: "Leidinggeven in de praktijk",
    targetBehaviour: "Team leads hold a weekly one-to-one with each team member.",
    audience: "Team leads",
    retentionDays: 90,
    desiredRetention: 0.9,
    dailyPracticeMinutes: 5,
    competences: [{ name: "Holding a one-to-one", kind: "open" }],
    activities: [
      {
        title: "Lecture on leadership styles",
        phase: "session",
        type: "theory-module",
        durationMinutes: 240,
        mandatory: true,
        offsetDays: 0,
      },
    ],
  };

  beforeAll(async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db, { name: "Theta Techniek" });
    await buildPerson(db, {
      organisationId: org.id,
      email: "designer@theta.test",
      roles: ["designer"],
      name: "Dina Designer",
    });
    await buildPerson(db, {
      organisationId: org.id,
      email: "designer2@theta.test",
      roles: ["designer"],
      name: "Dirk Designer",
    });
    await buildCoordinator(db, org.id, { email: "coord@theta.test" });
    await buildLearner(db, org.id, { email: "a@theta.test", name: "Anna" });
    designer = await t.signIn("designer@theta.test");
    secondDesigner = await t.signIn("designer2@theta.test");
    learner = await t.signIn("a@theta.test");
  });

  describe("POST /api/design-check", () => {
    it("scores a bare lecture low and explains why, with evidence, in the caller's language", async () => {
      const response = await callInDutch("POST", "/api/design-check", null, lecture);
      expect(response.statusCode).toBe(200);
      const result = response.json();
      expect(result.score).toBeLessThan(25);
      const rules = result.findings.map((f: { rule: string }) => f.rule);
      expect(rules).toEqual(
        expect.arrayContaining([
          "triggered-action-plan",
          "spaced-retrieval",
          "manager-involvement",
          "flipped-classroom",
          "evaluation-tiers",
        ]),
      );
      const plan = result.findings.find((f: { rule: string }) => f.rule === "triggered-action-plan");
      expect(plan.message).toContain("als-dan");
      expect(plan.evidence[0]).toMatchObject({
        source: expect.any(String),
        design: expect.any(String),
        verification: expect.stringMatching(/V-P|V-S/),
      });
    });

    it("scores a template 100", async () => {
      const templates = (await call("GET", "/api/trajectory-templates", null)).json();
      expect(templates).toHaveLength(3);
      for (const template of templates) {
        expect(
          (await call("POST", "/api/design-check", null, template.document)).json().score,
          template.key,
        ).toBe(100);
      }
    });

    it("rejects a malformed document, naming the fields, and saves nothing", async () => {
      const response = await call("POST", "/api/design-check", null, {
        title: "x",
        activities: [{ phase: "sometime" }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(["targetBehaviour", "competences", "activities"]),
      );
    });
  });

  describe("GET /api/evidence", () => {
    it("lists the library, searchable, and withholds unverified figures", async () => {
      const all = (await call("GET", "/api/evidence", null)).json();
      expect(all.length).toBeGreaterThan(15);
      expect(
        all
          .filter((e: { verification: string }) => e.verification === "NV")
          .every((e: { figure: unknown }) => e.figure === null),
      ).toBe(true);
      const coaching = (await callInDutch("GET", "/api/evidence?q=coaching", null, undefined)).json();
      expect(coaching.length).toBeGreaterThan(0);
      expect(
        coaching.every((e: { claim: string; source: string; topic: string }) =>
          /coach/i.test(e.claim + e.source + e.topic),
        ),
      ).toBe(true);
    });
  });

  describe("/api/trajectories", () => {
    it("requires authentication, and a designer role to create", async () => {
      expect((await call("GET", "/api/trajectories", null)).statusCode).toBe(401);
      expect((await call("POST", "/api/trajectories", learner, lecture)).statusCode).toBe(403);
    });

    it("creates from a document, gives activities ids, and lists it with its score", async () => {
      const created = await call("POST", "/api/trajectories", designer, lecture);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        version: 1,
        updatedBy: "Dina Designer",
        document: { title: lecture.title },
      });
      expect(created.json().document.activities[0].id).toMatch(/[0-9a-f-]{36}/);
      const list = (await call("GET", "/api/trajectories", designer)).json();
      expect(list.find((x: { id: string }) => x.id === created.json().id)).toMatchObject({
        title: lecture.title,
        score: expect.any(Number),
        activityCount: 1,
      });
    });

    it("refuses a save on top of someone else's newer save, and says who", async () => {
      const created = (await call("POST", "/api/trajectories", designer, lecture)).json();
      const first = await call("PUT", `/api/trajectories/${created.id}`, designer, {
        version: 1,
        document: { ...created.document, title: "Eerste versie" },
      });
      expect(first.statusCode).toBe(200);
      expect(first.json().version).toBe(2);
      const stale = await callInDutch("PUT", `/api/trajectories/${created.id}`, secondDesigner, {
        version: 1,
        document: { ...created.document, title: "Tweede" },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: "EDIT_CONFLICT",
        detail: expect.stringContaining("Dina Designer"),
      });
      const now = (await call("GET", `/api/trajectories/${created.id}`, designer)).json();
      expect(now.document.title).toBe("Eerste versie");
    });

    it("keeps a removed activity's id stable for the activities that stay", async () => {
      const created = (
        await call("POST", "/api/trajectories", designer, {
          ...lecture,
          activities: [
            ...lecture.activities,
            {
              title: "Role play",
              phase: "session",
              type: "simulation",
              durationMinutes: 60,
              mandatory: true,
              offsetDays: 0,
            },
          ],
        })
      ).json();
      const [first, second] = created.document.activities;
      const saved = (
        await call("PUT", `/api/trajectories/${created.id}`, designer, {
          version: 1,
          document: { ...created.document, activities: [second] },
        })
      ).json();
      expect(saved.document.activities.map((a: { id: string }) => a.id)).toEqual([second.id]);
      expect(first.id).not.toBe(second.id);
    });
  });

  describe("POST /api/trajectories/:trajectoryId/archive and /restore", () => {
    it("hides an archived trajectory from the list unless asked, and restores it; each change audited", async () => {
      const created = (
        await call("POST", "/api/trajectories", designer, { ...lecture, title: "Archiefstuk" })
      ).json();
      const listed = async (query = "") =>
        (await call("GET", `/api/trajectories${query}`, designer)).json<
          { id: string; archivedAt: string | null }[]
        >();
      expect((await listed()).some((x) => x.id === created.id)).toBe(true);
      const archived = await call("POST", `/api/trajectories/${created.id}/archive`, designer);
      expect(archived.statusCode).toBe(200);
      expect(archived.json().archivedAt).not.toBeNull();
      expect((await listed()).some((x) => x.id === created.id)).toBe(false);
      expect((await listed("?archived=include")).find((x) => x.id === created.id)?.archivedAt).not.toBeNull();
      // Still readable by its address: its cohorts and history keep pointing at it.
      expect((await call("GET", `/api/trajectories/${created.id}`, designer)).statusCode).toBe(200);
      const restored = await call("POST", `/api/trajectories/${created.id}/restore`, designer);
      expect(restored.json().archivedAt).toBeNull();
      expect((await listed()).some((x) => x.id === created.id)).toBe(true);
      const audit = await t.database.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, created.id));
      expect(audit.map((a) => a.action).sort()).toEqual([
        "trajectory.archived",
        "trajectory.created",
        "trajectory.restored",
      ]);
    });

    it("lets only designers and coordinators archive", async () => {
      const created = (await call("POST", "/api/trajectories", designer, lecture)).json();
      expect((await call("POST", `/api/trajectories/${created.id}/archive`, learner)).statusCode).toBe(403);
      expect((await call("POST", `/api/trajectories/${created.id}/archive`, null)).statusCode).toBe(401);
      expect((await call("POST", `/api/trajectories/${created.id}/restore`, learner)).statusCode).toBe(403);
    });
  });
});
