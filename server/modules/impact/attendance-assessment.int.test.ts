import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  AssessingView,
  AssessmentBoard,
  AttendanceView,
  MyAssessmentView,
} from "../../../common/schemas/attendance.ts";
import type { ImpactView } from "../../../common/schemas/impact.ts";
import type { MeResponse } from "../../../common/schemas/me.ts";
import type { NoticesView } from "../../../common/schemas/notices.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { seededDemoImpact } from "../../../test-support/demo.ts";
import { buildCoordinator, buildOrganisation, TEST_PASSWORD } from "../../../test-support/factories.ts";
import { attendance, auditEvents, measures, persons } from "../../db/schema/index.ts";
import { DEMO_PASSWORD } from "../../db/seed/demo.ts";

type Problem = { code: string; detail: string; errors?: { field: string; code: string; message: string }[] };

describe("the attendance register and the assessor form", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let coordinator: string;
  let manager: string;
  let learner: string;
  let trajectoryId: string;
  let finishedId: string;
  let serviceId: string;

  beforeAll(async () => {
    ({ coordinator, trajectoryId, finishedId } = await seededDemoImpact(t));
    manager = await t.signIn("henk.brouwer@demo.beklijf.nl", DEMO_PASSWORD);
    learner = await t.signIn("learner@demo.beklijf.nl", DEMO_PASSWORD);
    const cohorts = (await call("GET", "/api/cohorts", coordinator)).json<{ id: string; name: string }[]>();
    serviceId = cohorts.find((c) => c.name === "Serviceteam, klantgesprekken")!.id;
  });

  const register = async (cohortId: string) => {
    const response = await call("GET", `/api/cohorts/${cohortId}/attendance`, coordinator);
    expect(response.statusCode).toBe(200);
    return response.json<AttendanceView>();
  };
  const tiersOf = async (cohortId: string) =>
    (
      await call("GET", `/api/trajectories/${trajectoryId}/impact?cohortId=${cohortId}`, coordinator)
    ).json<ImpactView>().tiers;

  describe("PUT /api/cohorts/:cohortId/attendance", () => {
    it("requires authentication", async () => {
      expect((await call("GET", `/api/cohorts/${serviceId}/attendance`, null)).statusCode).toBe(401);
    });

    it("hides other organisations' cohorts", async () => {
      const other = await buildOrganisation(t.database.db);
      const stranger = await buildCoordinator(t.database.db, other.id);
      const cookie = await t.signIn(stranger.email, TEST_PASSWORD);
      expect((await call("GET", `/api/cohorts/${serviceId}/attendance`, cookie)).statusCode).toBe(404);
      const day = (await register(serviceId)).sessionDates[0]!;
      const { participants } = await register(serviceId);
      const put = await call("PUT", `/api/cohorts/${serviceId}/attendance`, cookie, {
        sessionDate: day,
        entries: [{ personId: participants[0]!.personId, status: "absent" }],
      });
      expect(put.statusCode).toBe(404);
    });

    it("records present, absent and excused with a note, once per person however often it is sent", async () => {
      const before = await register(serviceId);
      const day = before.openDates[0]!;
      const [anna, bert, carla] = before.participants;
      const body = {
        sessionDate: day,
        entries: [
          { personId: anna!.personId, status: "present" },
          { personId: bert!.personId, status: "absent" },
          { personId: carla!.personId, status: "excused", note: "Tandarts, vooraf gemeld" },
        ],
      };
      for (let i = 0; i < 3; i++) {
        expect(
          (await call("PUT", `/api/cohorts/${serviceId}/attendance`, coordinator, body)).statusCode,
        ).toBe(200);
      }
      const after = await register(serviceId);
      const dayOf = (personId: string) => after.participants.find((p) => p.personId === personId)!.days[day];
      expect(dayOf(anna!.personId)).toEqual({ status: "present", note: null });
      expect(dayOf(bert!.personId)).toEqual({ status: "absent", note: null });
      expect(dayOf(carla!.personId)).toEqual({ status: "excused", note: "Tandarts, vooraf gemeld" });
      // Nobody else was touched: one person at a time is a valid register.
      expect(after.participants.slice(3).every((p) => p.days[day] === null)).toBe(true);
      const rows = await t.database.db
        .select()
        .from(attendance)
        .where(and(eq(attendance.cohortId, serviceId), eq(attendance.sessionDate, day)));
      expect(rows).toHaveLength(3);
      // Tier 1 counts the present one; excused is not present.
      expect((await tiersOf(serviceId))[0]!.learners).toBe(1);
    });

    it("overwrites a correction and audits what it was", async () => {
      const { openDates, participants } = await register(serviceId);
      const bert = participants[1]!;
      const corrected = await call("PUT", `/api/cohorts/${serviceId}/attendance`, coordinator, {
        sessionDate: openDates[0],
        entries: [{ personId: bert.personId, status: "present", note: "Kwam om tien uur" }],
      });
      expect(corrected.json<AttendanceView>().participants[1]!.days[openDates[0]!]).toEqual({
        status: "present",
        note: "Kwam om tien uur",
      });
      const audited = await t.database.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.subjectId, serviceId), eq(auditEvents.action, "impact.attendance-corrected")),
        );
      expect(audited).toHaveLength(1);
      expect(audited[0]!.details).toMatchObject({
        corrections: [{ personId: bert.personId, from: "absent", to: "present" }],
      });
      expect(JSON.stringify(audited[0]!.details)).not.toContain("tien uur");
      expect((await tiersOf(serviceId))[0]!.learners).toBe(2);
    });

    it("refuses a practice day still to come, in the reader's language, and records nothing", async () => {
      const people = (await call("GET", "/api/people", coordinator)).json<{ id: string }[]>();
      const planned = await call("POST", "/api/cohorts", coordinator, {
        trajectoryId,
        name: "Later dit jaar",
        sessionDates: ["2099-03-02"],
        personIds: [people[0]!.id],
      });
      expect(planned.statusCode).toBe(201);
      const cohortId = planned.json<{ id: string }>().id;
      const view = await register(cohortId);
      expect(view.openDates).toEqual([]);
      const refused = await callInDutch("PUT", `/api/cohorts/${cohortId}/attendance`, coordinator, {
        sessionDate: "2099-03-02",
        entries: [{ personId: view.participants[0]!.personId, status: "present" }],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<Problem>().errors?.[0]).toMatchObject({
        field: "sessionDate",
        code: "date_in_future",
        message: expect.stringMatching(/^Praktijkdag/),
      });
      expect(await t.database.db.select().from(attendance).where(eq(attendance.cohortId, cohortId))).toEqual(
        [],
      );
    });

    it("lets only a coordinator or designer take the register", async () => {
      const { openDates, participants } = await register(serviceId);
      const body = {
        sessionDate: openDates[0],
        entries: [{ personId: participants[0]!.personId, status: "absent" }],
      };
      for (const cookie of [manager, learner]) {
        expect((await call("PUT", `/api/cohorts/${serviceId}/attendance`, cookie, body)).statusCode).toBe(
          403,
        );
        expect((await call("GET", `/api/cohorts/${serviceId}/attendance`, cookie)).statusCode).toBe(403);
      }
      expect((await register(serviceId)).participants[0]!.days[openDates[0]!]?.status).toBe("present");
    });

    it("rejects hostile input by field, never a 5xx", async () => {
      const { openDates, participants } = await register(serviceId);
      const url = `/api/cohorts/${serviceId}/attendance`;
      const cases: [object, string][] = [
        [
          { sessionDate: openDates[0], entries: [{ personId: participants[0]!.personId, status: "maybe" }] },
          "entries",
        ],
        [{ sessionDate: "2026-02-30'; drop table attendance;--", entries: [] }, "sessionDate"],
        [
          { sessionDate: openDates[0], entries: [{ personId: crypto.randomUUID(), status: "present" }] },
          "entries",
        ],
        [
          {
            sessionDate: openDates[0],
            entries: [{ personId: participants[0]!.personId, status: "present", note: "x".repeat(501) }],
          },
          "entries",
        ],
        [
          {
            sessionDate: "2020-01-06",
            entries: [{ personId: participants[0]!.personId, status: "present" }],
          },
          "sessionDate",
        ],
      ];
      for (const [body, field] of cases) {
        const response = await call("PUT", url, coordinator, body);
        expect(response.statusCode).toBe(400);
        expect(response.json<Problem>().errors?.[0]?.field).toMatch(new RegExp(`^${field}`));
      }
    });

    it("exports a learner's attendance with its note, and erases the note with the person", async () => {
      const { openDates, participants } = await register(serviceId);
      const carla = participants[2]!;
      const exported = await call("GET", `/api/people/${carla.personId}/export`, coordinator);
      expect(exported.json<{ evaluation: { attendance: object[] } }>().evaluation.attendance).toEqual([
        expect.objectContaining({
          sessionDate: openDates[0],
          present: false,
          excused: true,
          note: expect.any(String),
        }),
      ]);
      expect((await call("DELETE", `/api/people/${carla.personId}`, coordinator)).statusCode).toBeLessThan(
        300,
      );
      const [row] = await t.database.db
        .select()
        .from(attendance)
        .where(eq(attendance.personId, carla.personId));
      expect(row).toMatchObject({ excused: true, note: null });
    });
  });

  describe("the assessor form", () => {
    const proofOf = async () => {
      const board = (
        await call("GET", `/api/cohorts/${finishedId}/assessments`, coordinator)
      ).json<AssessmentBoard>();
      return { board, proof: board.proofs[0]!.activityId, competences: board.competences.map((c) => c.id) };
    };
    const allScores = (competences: string[], score: number) =>
      competences.map((competenceId) => ({ competenceId, score, max: 4 }));

    it("requires authentication", async () => {
      expect((await call("GET", `/api/cohorts/${finishedId}/assessments`, null)).statusCode).toBe(401);
      expect((await call("GET", `/api/me/assessments/${finishedId}/x`, null)).statusCode).toBe(401);
    });

    it("lists the competence proofs, the rubric's competences and who is scored", async () => {
      const { board } = await proofOf();
      expect(board.canNameAssessors).toBe(true);
      expect(board.proofs).toHaveLength(1);
      expect(board.competences.length).toBeGreaterThan(1);
      expect(board.participants.filter((p) => p.results.length > 0).length).toBeGreaterThan(0);
    });

    it("refuses a learner and a manager who is not named assessor, and scores outside the rubric", async () => {
      const { board, proof, competences } = await proofOf();
      const body = {
        personId: board.participants[0]!.personId,
        activityId: proof,
        scores: allScores(competences, 3),
      };
      expect((await call("POST", `/api/cohorts/${finishedId}/assessments`, learner, body)).statusCode).toBe(
        403,
      );
      expect((await call("POST", `/api/cohorts/${finishedId}/assessments`, manager, body)).statusCode).toBe(
        403,
      );
      expect((await call("GET", `/api/cohorts/${finishedId}/assessments`, manager)).statusCode).toBe(403);
      const tooHigh = await callInDutch("POST", `/api/cohorts/${finishedId}/assessments`, coordinator, {
        ...body,
        scores: allScores(competences, 5),
      });
      expect(tooHigh.statusCode).toBe(400);
      expect(tooHigh.json<Problem>().errors?.[0]).toMatchObject({ field: "scores", code: "score_above_max" });
      const negative = await call("POST", `/api/cohorts/${finishedId}/assessments`, coordinator, {
        ...body,
        scores: allScores(competences, -1),
      });
      expect(negative.statusCode).toBe(400);
      const unknown = await call("POST", `/api/cohorts/${finishedId}/assessments`, coordinator, {
        ...body,
        scores: [{ competenceId: "<script>", score: 1, max: 4 }],
      });
      expect(unknown.json<Problem>().errors?.[0]).toMatchObject({
        field: "scores",
        code: "unknown_competence",
      });
    });

    it("lets a person named as assessor score, with a comment; tier 6 moves and the learner reads only her own", async () => {
      const { board, proof, competences } = await proofOf();
      const henk = (
        await t.database.db.select().from(persons).where(eq(persons.email, "henk.brouwer@demo.beklijf.nl"))
      )[0]!;
      const named = await call("PUT", `/api/cohorts/${finishedId}/assessors`, coordinator, {
        personIds: [henk.id],
      });
      expect(named.json()).toEqual({ assessors: [{ personId: henk.id, name: henk.name }] });
      expect(
        (await call("PUT", `/api/cohorts/${finishedId}/assessors`, manager, { personIds: [] })).statusCode,
      ).toBe(403);
      const passedBefore = (await tiersOf(finishedId))[5]!.learners!;
      // Someone who has not passed the proof yet (below 70 %).
      const unpassed = board.participants.find((p) => {
        const r = p.results[0];
        return (
          !r || r.scores.reduce((a, s) => a + s.score, 0) / r.scores.reduce((a, s) => a + s.max, 0) < 0.7
        );
      })!;
      const scored = await call("POST", `/api/cohorts/${finishedId}/assessments`, manager, {
        personId: unpassed.personId,
        activityId: proof,
        scores: allScores(competences, 4),
        comment: "Rustig gebleven, goed samengevat.",
      });
      expect(scored.statusCode).toBe(201);
      expect((await tiersOf(finishedId))[5]!.learners).toBe(passedBefore + 1);
      const rows = await t.database.db
        .select()
        .from(measures)
        .where(and(eq(measures.personId, unpassed.personId), eq(measures.activityId, proof)));
      expect(rows.every((r) => r.assessedBy === henk.id && r.total === 4)).toBe(true);
      const after = (
        await call("GET", `/api/cohorts/${finishedId}/assessments`, manager)
      ).json<AssessmentBoard>();
      expect(after.canNameAssessors).toBe(false);
      expect(after.participants.find((p) => p.personId === unpassed.personId)!.results[0]).toMatchObject({
        comment: "Rustig gebleven, goed samengevat.",
        assessedBy: henk.name,
      });
      // A correction is audited as one.
      await call("POST", `/api/cohorts/${finishedId}/assessments`, coordinator, {
        personId: unpassed.personId,
        activityId: proof,
        scores: allScores(competences, 3),
        comment: "Bijgesteld na het terugkijken.",
      });
      const audited = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, unpassed.personId));
      expect(audited.map((a) => a.action)).toEqual(
        expect.arrayContaining(["impact.assessment-recorded", "impact.assessment-corrected"]),
      );
      // The learner of another cohort cannot read this cohort's results.
      expect((await call("GET", `/api/me/assessments/${finishedId}/${proof}`, learner)).statusCode).toBe(404);
      await call("PUT", `/api/cohorts/${finishedId}/assessors`, coordinator, { personIds: [] });
      expect((await call("GET", `/api/cohorts/${finishedId}/assessments`, manager)).statusCode).toBe(403);
    });

    it("gives a named assessor who plans nothing her own way in: a notice, the 'To assess' list and the form", async () => {
      const me = async () => (await call("GET", "/api/me", learner)).json<MeResponse>();
      const assessing = async () => (await call("GET", "/api/me/assessing", learner)).json<AssessingView>();
      const { person } = await me();
      expect((await me()).assesses).toBe(false);
      expect((await assessing()).cohorts).toEqual([]);
      expect((await call("GET", `/api/cohorts/${finishedId}/assessments`, learner)).statusCode).toBe(403);

      for (let i = 0; i < 2; i++)
        await call("PUT", `/api/cohorts/${finishedId}/assessors`, coordinator, { personIds: [person.id] });
      const notices = (await call("GET", "/api/me/notices", learner)).json<NoticesView>().notices;
      const named = notices.filter((n) => n.kind === "assessor-named");
      expect(named).toHaveLength(1);
      expect(named[0]).toMatchObject({ href: `/assess/${finishedId}` });
      expect(named[0]!.text).toMatch(/assessor/);

      expect((await me()).assesses).toBe(true);
      const board = (
        await call("GET", `/api/cohorts/${finishedId}/assessments`, learner)
      ).json<AssessmentBoard>();
      const pairs = board.participants.length * board.proofs.length;
      const scored = board.participants.flatMap((p) => p.results).length;
      const [listed] = (await assessing()).cohorts;
      expect(listed).toMatchObject({ cohortId: finishedId, toScore: pairs, scored });
      expect(listed!.scored).toBeLessThanOrEqual(listed!.toScore);

      await call("PUT", `/api/cohorts/${finishedId}/assessors`, coordinator, { personIds: [] });
      expect((await me()).assesses).toBe(false);
      expect((await assessing()).cohorts).toEqual([]);
    });

    it("shows the learner her own result and feedback once scored", async () => {
      const board = (
        await call("GET", `/api/cohorts/${serviceId}/assessments`, coordinator)
      ).json<AssessmentBoard>();
      const proof = board.proofs[0]!.activityId;
      const me = (await call("GET", "/api/me", learner)).json<{ person: { id: string } }>().person;
      const mine = async () =>
        (await call("GET", `/api/me/assessments/${serviceId}/${proof}`, learner)).json<MyAssessmentView>();
      expect((await mine()).result).toBeNull();
      const scored = await call("POST", `/api/cohorts/${serviceId}/assessments`, coordinator, {
        personId: me.id,
        activityId: proof,
        scores: board.competences.map((c, i) => ({ competenceId: c.id, score: i === 0 ? 2 : 3, max: 4 })),
        comment: "Goed begin; vraag vaker door.",
      });
      expect(scored.statusCode).toBe(201);
      const { result } = await mine();
      expect(result).toMatchObject({
        comment: "Goed begin; vraag vaker door.",
        assessedBy: expect.any(String),
      });
      expect(result!.scores[0]).toMatchObject({ competence: board.competences[0]!.name, score: 2, max: 4 });
      expect((await call("GET", `/api/me/assessments/${serviceId}/not-a-proof`, learner)).statusCode).toBe(
        404,
      );
      const exported = await call("GET", `/api/people/${me.id}/export`, coordinator);
      expect(
        exported.json<{ evaluation: { assessmentComments: { comment: string }[] } }>().evaluation
          .assessmentComments,
      ).toEqual([expect.objectContaining({ comment: "Goed begin; vraag vaker door." })]);
    });
  });
});
