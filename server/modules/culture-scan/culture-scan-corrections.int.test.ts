import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResults, ScanSummary } from "../../../common/schemas/culture-scans.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildTeam,
} from "../../../test-support/factories.ts";
import { auditEvents, cultureScans, outboxEmails, scanInvitations } from "../../db/schema/index.ts";

type Problem = { detail: string; errors?: { field: string; code: string; message: string }[] };

describe("correcting culture scans and their actions", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let coordinator: string;
  let learner: string;
  let service: string;
  let office: string;
  let openScanId: string;

  beforeAll(async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db, { name: "Lambda Logistiek" });
    await buildCoordinator(db, org.id, { email: "coord@lambda.test" });
    const servicePeople = await Promise.all(
      [0, 1, 2].map((i) => buildLearner(db, org.id, { email: `service${i}@lambda.test` })),
    );
    const officePeople = await Promise.all(
      [0, 1].map((i) => buildLearner(db, org.id, { email: `office${i}@lambda.test` })),
    );
    service = (await buildTeam(db, org.id, { name: "Service", memberIds: servicePeople.map((p) => p.id) }))
      .id;
    office = (await buildTeam(db, org.id, { name: "Kantoor", memberIds: officePeople.map((p) => p.id) })).id;
    coordinator = await t.signIn("coord@lambda.test");
    learner = await t.signIn("service0@lambda.test");
    const open = await call("POST", "/api/culture-scans", coordinator, {
      title: "Open scan",
      teamIds: [service],
      opensOn: "2020-01-01",
      closesOn: "2099-01-31",
    });
    openScanId = open.json<{ id: string }>().id;
  });

  const plannedScan = async (title: string) => {
    const created = await call("POST", "/api/culture-scans", coordinator, {
      title,
      teamIds: [service],
      opensOn: "2099-03-01",
      closesOn: "2099-03-31",
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string }>().id;
  };
  const summaryOf = async (scanId: string) =>
    (await call("GET", "/api/culture-scans", coordinator)).json<ScanSummary[]>().find((s) => s.id === scanId);

  it("requires authentication and the coordinator's role", async () => {
    expect(
      (await call("PATCH", `/api/culture-scans/${openScanId}`, null, { closesOn: "2099-02-01" })).statusCode,
    ).toBe(401);
    expect((await call("DELETE", `/api/culture-scans/${openScanId}`, learner)).statusCode).toBe(403);
  });

  it("corrects a scan that has not opened: title, dates and teams; new people get a link, removed links die", async () => {
    const scanId = await plannedScan("Typfout scn");
    const invitationsOf = () =>
      t.database.db.select().from(scanInvitations).where(eq(scanInvitations.scanId, scanId));
    expect(await invitationsOf()).toHaveLength(3);
    const mailsBefore = (await t.database.db.select().from(outboxEmails)).length;
    const changed = await call("PATCH", `/api/culture-scans/${scanId}`, coordinator, {
      title: "Leercultuur 2099",
      teamIds: [office],
      opensOn: "2099-04-01",
      closesOn: "2099-04-30",
    });
    expect(changed.statusCode).toBe(200);
    expect(await summaryOf(scanId)).toMatchObject({
      title: "Leercultuur 2099",
      teamIds: [office],
      opensOn: "2099-04-01",
      closesOn: "2099-04-30",
      status: "planned",
      invited: 2,
    });
    const invited = await invitationsOf();
    expect(invited).toHaveLength(2);
    expect((await t.database.db.select().from(outboxEmails)).length).toBe(mailsBefore + 2);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "scan.updated"), eq(auditEvents.subjectId, scanId)));
    expect(audit?.details).toMatchObject({ invited: 2, uninvited: 3 });
  });

  it("refuses dates in the past or out of order, naming the field by its label", async () => {
    const scanId = await plannedScan("Datums");
    const past = await call("PATCH", `/api/culture-scans/${scanId}`, coordinator, { opensOn: "2020-01-01" });
    expect(past.statusCode).toBe(400);
    expect(past.json<Problem>().errors?.[0]).toMatchObject({ field: "opensOn", code: "date_in_past" });
    expect(past.json<Problem>().errors?.[0]?.message).toContain("Opening date");
    const backwards = await call("PATCH", `/api/culture-scans/${scanId}`, coordinator, {
      closesOn: "2099-02-01",
    });
    expect(backwards.json<Problem>().errors?.[0]).toMatchObject({
      field: "closesOn",
      code: "dates_not_in_order",
    });
  });

  it("lets an open scan only close later", async () => {
    const later = await call("PATCH", `/api/culture-scans/${openScanId}`, coordinator, {
      closesOn: "2099-02-28",
    });
    expect(later.statusCode).toBe(200);
    expect((await summaryOf(openScanId))?.closesOn).toBe("2099-02-28");
    const earlier = await call("PATCH", `/api/culture-scans/${openScanId}`, coordinator, {
      closesOn: "2099-02-01",
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json<Problem>().errors?.[0]).toMatchObject({
      field: "closesOn",
      code: "scan_close_only_later",
    });
    const retitled = await callInDutch("PATCH", `/api/culture-scans/${openScanId}`, coordinator, {
      title: "Anders",
    });
    expect(retitled.statusCode).toBe(400);
    expect(retitled.json<Problem>().errors?.[0]?.message).toContain("Titel");
    const teams = await call("PATCH", `/api/culture-scans/${openScanId}`, coordinator, { teamIds: [office] });
    expect(teams.statusCode).toBe(400);
    expect((await summaryOf(openScanId))?.teamIds).toEqual([service]);
  });

  it("deletes a scan that has not opened, after which its links stop working; an open scan is closed instead", async () => {
    const scanId = await plannedScan("Weg ermee");
    expect((await call("DELETE", `/api/culture-scans/${scanId}`, coordinator)).statusCode).toBe(204);
    expect(await summaryOf(scanId)).toBeUndefined();
    expect(
      await t.database.db.select().from(scanInvitations).where(eq(scanInvitations.scanId, scanId)),
    ).toEqual([]);
    const open = await call("DELETE", `/api/culture-scans/${openScanId}`, coordinator);
    expect(open.statusCode).toBe(409);
    expect(open.json<Problem>().detail).toMatch(/close it/);
    expect(
      await t.database.db.select().from(cultureScans).where(eq(cultureScans.id, openScanId)),
    ).toHaveLength(1);
  });

  it("refuses a scan action due in the past, naming the due date", async () => {
    const refused = await callInDutch("POST", `/api/culture-scans/${openScanId}/actions`, coordinator, {
      title: "Leerlunch",
      owner: "Kim",
      dueOn: "2020-01-01",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors?.[0]).toMatchObject({ field: "dueOn", code: "date_in_past" });
    expect(refused.json<Problem>().errors?.[0]?.message).toContain("Uiterlijk");
  });

  it("edits an action (title, owner, due date, status) and removes it, each change audited", async () => {
    const created = await call("POST", `/api/culture-scans/${openScanId}/actions`, coordinator, {
      title: "Leerlunch",
      owner: "Kim",
      dueOn: "2099-05-01",
    });
    expect(created.statusCode).toBe(201);
    const actionId = created.json<{ id: string }>().id;
    const url = `/api/culture-scans/${openScanId}/actions/${actionId}`;
    const edited = await call("PATCH", url, coordinator, {
      title: "Leerlunch elke maand",
      owner: "Sam",
      dueOn: "2099-06-01",
      status: "done",
    });
    expect(edited.statusCode).toBe(200);
    const results = (
      await call("GET", `/api/culture-scans/${openScanId}/results`, coordinator)
    ).json<ScanResults>();
    expect(results.actions.find((a) => a.id === actionId)).toMatchObject({
      title: "Leerlunch elke maand",
      owner: "Sam",
      dueOn: "2099-06-01",
      status: "done",
    });
    const past = await call("PATCH", url, coordinator, { dueOn: "2021-06-01" });
    expect(past.json<Problem>().errors?.[0]).toMatchObject({ field: "dueOn", code: "date_in_past" });
    expect((await call("PATCH", url, learner, { title: "x" })).statusCode).toBe(403);
    expect((await call("DELETE", url, coordinator)).statusCode).toBe(204);
    expect((await call("DELETE", url, coordinator)).statusCode).toBe(404);
    const audited = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, actionId));
    expect(audited.map((a) => a.action).sort()).toEqual(["scan.action-deleted", "scan.action-updated"]);
  });
});
