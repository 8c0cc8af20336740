import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { TrainingRecordView } from "../../../common/schemas/certificates.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { seededDemoImpact } from "../../../test-support/demo.ts";
import { pdfFonts, pdfStructure } from "../../../test-support/pdf-inspect.ts";
import { pdfPages } from "../../../test-support/pdf-text.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import { attendance, auditEvents, measures, persons } from "../../db/schema/index.ts";
import { DEMO_PASSWORD } from "../../db/seed/demo.ts";

interface Participant {
  id: string;
  name: string;
}

describe("certificates and training records on the demo organisation", () => {
  const t = useTestApp();
  const call = caller(t);
  const db = () => t.database.db;
  let coordinator: string;
  let learner: string;
  let manager: string;
  let finishedId: string;
  let participants: Participant[];
  /** A participant who was there and passed at least one competence proof (the demo draws who). */
  let attendee: Participant;
  let attendeeSlug: string;
  /** Her own-work hours as the CSV states them, in Dutch ("4,5"): every document must agree. */
  let ownWorkHours: string;
  let absent: Participant;
  let learnerId: string;

  const textOf = async (bytes: Uint8Array) => (await pdfPages(bytes)).join(" ");
  const certificateUrl = (personId: string, cohortId = finishedId) =>
    `/api/cohorts/${cohortId}/certificates/${personId}.pdf`;

  beforeAll(async () => {
    ({ coordinator, finishedId } = await seededDemoImpact(t));
    learner = await t.signIn("learner@demo.beklijf.nl", DEMO_PASSWORD);
    manager = await t.signIn("henk.brouwer@demo.beklijf.nl", DEMO_PASSWORD);
    const cohort = (await call("GET", `/api/cohorts/${finishedId}`, coordinator)).json<{
      participants: Participant[];
    }>();
    participants = cohort.participants;
    const passed = await db()
      .select({ personId: measures.personId, correct: measures.correct, total: measures.total })
      .from(measures)
      .innerJoin(
        attendance,
        and(eq(attendance.personId, measures.personId), eq(attendance.cohortId, measures.cohortId)),
      )
      .where(
        and(
          eq(measures.cohortId, finishedId),
          eq(measures.kind, "competence-proof"),
          eq(attendance.present, true),
        ),
      );
    const shown = new Set(passed.filter((m) => m.correct / m.total >= 0.7).map((m) => m.personId));
    attendee = participants.find((p) => shown.has(p.id))!;
    attendeeSlug = attendee.name.toLowerCase().replace(/[^a-z]+/g, "-");
    const csv = await call("GET", `/api/people/${attendee.id}/training-record.csv`, coordinator);
    ownWorkHours = csv.body.split("\r\n")[1]!.split(";")[9]!;
    const [noShow] = await db()
      .select({ personId: attendance.personId })
      .from(attendance)
      .where(and(eq(attendance.cohortId, finishedId), eq(attendance.present, false)));
    absent = participants.find((p) => p.id === noShow!.personId)!;
    const [me] = await db()
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.email, "learner@demo.beklijf.nl"));
    learnerId = me!.id;
  });

  it("requires authentication", async () => {
    for (const url of [
      certificateUrl(attendee.id),
      `/api/cohorts/${finishedId}/certificates.zip`,
      `/api/people/${attendee.id}/training-record.pdf`,
      `/api/people/${attendee.id}/training-record.csv`,
      "/api/me/training-record.pdf",
      "/api/me/training-record",
    ]) {
      expect((await call("GET", url, null)).statusCode, url).toBe(401);
    }
  });

  it("hides other organisations' data: another coordinator finds no such person or cohort", async () => {
    const outsider = await outsiderCookie(t);
    for (const url of [
      certificateUrl(attendee.id),
      `/api/cohorts/${finishedId}/certificates.zip`,
      `/api/people/${attendee.id}/training-record.pdf`,
      `/api/people/${attendee.id}/training-record.csv`,
    ]) {
      expect((await call("GET", url, outsider)).statusCode, url).toBe(404);
    }
    // Her own record lists only her own (no) cohorts.
    const own = await call("GET", "/api/me/training-record", outsider);
    expect(own.json<TrainingRecordView>().cohorts).toEqual([]);
  });

  it("gives a certificate with who, what, when, the hours apart and the competences shown, signed by the coordinator", async () => {
    const response = await call("GET", certificateUrl(attendee.id), coordinator);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="certificate-${attendeeSlug}.pdf"`,
    );
    const text = await textOf(response.rawPayload);
    // The demo people have no language of their own: the organisation's Dutch, whatever the reader asked.
    expect(text).toContain("Deelnamecertificaat");
    expect(text).toContain(attendee.name);
    expect(text).toContain("Moeilijke klantgesprekken");
    expect(text).toContain("Groep: Kantoor en planning, klantgesprekken (voorjaar)");
    expect(text).toContain("Van Dijk Installatietechniek");
    expect(text).toContain("Praktijkdagen bijgewoond: 1 van 1");
    // The template's practice day is 285 minutes; her own work is what she finished (the demo draws it).
    expect(text).toContain("Uren op bijgewoonde praktijkdagen: 4,75");
    expect(text).toContain(`Uren aan afgeronde activiteiten online en op de werkplek: ${ownWorkHours}`);
    expect(text).toContain("Wat de uren betekenen");
    expect(text).toMatch(/Aangetoonde competenties\s+•\s+\S/);
    expect(text).toContain("Ondertekend: Carla Verbeek, opleidingscoördinator");
    expect(text).toContain("geen diploma");
  });

  it("counts no practice-day hours for a participant registered absent", async () => {
    const text = await textOf((await call("GET", certificateUrl(absent.id), coordinator)).rawPayload);
    expect(text).toContain("Praktijkdagen bijgewoond: 0 van 1");
    expect(text).toContain("Uren op bijgewoonde praktijkdagen: 0");
  });

  it("writes each document in the person's language, not the reader's, with embedded fonts and tags", async () => {
    await db().update(persons).set({ locale: "en" }).where(eq(persons.id, attendee.id));
    try {
      const dutchReader = await call("GET", certificateUrl(attendee.id), coordinator, undefined, "nl");
      const text = await textOf(dutchReader.rawPayload);
      expect(text).toContain("Certificate of participation");
      expect(text).toContain("Hours on practice days attended: 4.75");
      expect(text).toContain("Signed: Carla Verbeek, training coordinator");
      expect(text).not.toContain("Deelnamecertificaat");
      const fonts = pdfFonts(dutchReader.rawPayload);
      expect(fonts.standard).toEqual([]);
      expect(fonts.allEmbedded).toBe(true);
      const structure = await pdfStructure(dutchReader.rawPayload);
      expect(structure).toMatchObject({ marked: true, language: "en" });
      expect(structure.roles).toEqual(expect.arrayContaining(["H1", "H2", "P"]));

      const csv = await call(
        "GET",
        `/api/people/${attendee.id}/training-record.csv`,
        coordinator,
        undefined,
        "nl",
      );
      expect(csv.body).toContain("Practice days attended;Practice days planned");
      expect(csv.body).toContain(`;1;1;4.75;${ownWorkHours.replace(",", ".")};`);
    } finally {
      await db().update(persons).set({ locale: null }).where(eq(persons.id, attendee.id));
    }
  });

  it("zips one certificate per participant, each named after the person", async () => {
    const response = await call("GET", `/api/cohorts/${finishedId}/certificates.zip`, coordinator);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="certificates-kantoor-en-planning-klantgesprekken-voorjaar.zip"',
    );
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files)).toHaveLength(participants.length);
    expect(Object.keys(files)).toContain(`certificate-${attendeeSlug}.pdf`);
    for (const name of Object.keys(files)) expect(name).toMatch(/^certificate-[a-z0-9-]+\.pdf$/);
    const text = await textOf(files[`certificate-${attendeeSlug}.pdf`]!);
    expect(text).toContain(attendee.name);
    expect(text).toContain("Uren op bijgewoonde praktijkdagen: 4,75");
  });

  it("exports the training record as CSV: one row per cohort with dates, hours and competences", async () => {
    const response = await call("GET", `/api/people/${attendee.id}/training-record.csv`, coordinator);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="training-record-${attendeeSlug}.csv"`,
    );
    const rows = parse(response.body.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
    expect(rows[0]).toEqual([
      "Persoon",
      "Personeelsnummer",
      "Training",
      "Groep",
      "Begindatum",
      "Einddatum",
      "Praktijkdagen aanwezig",
      "Praktijkdagen gepland",
      "Uren op praktijkdagen",
      "Uren online en op het werk",
      "Totaal uren",
      "Aangetoonde competenties",
    ]);
    expect(rows).toHaveLength(2);
    const [row] = rows.slice(1);
    expect(row!.slice(0, 4)).toEqual([
      attendee.name,
      "",
      "Moeilijke klantgesprekken",
      "Kantoor en planning, klantgesprekken (voorjaar)",
    ]);
    expect(row![4]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row!.slice(6, 10)).toEqual(["1", "1", "4,75", ownWorkHours]);
    const total = 4.75 + Number(ownWorkHours.replace(",", "."));
    expect(row![10]).toBe(String(total).replace(".", ","));
    expect(row![11]).not.toBe("");
  });

  it("gives the training record as PDF with every cohort, the totals and what the hours mean", async () => {
    const response = await call("GET", `/api/people/${attendee.id}/training-record.pdf`, coordinator);
    expect(response.statusCode).toBe(200);
    const text = await textOf(response.rawPayload);
    expect(text).toContain("Opleidingsoverzicht");
    expect(text).toContain(`${attendee.name}, Van Dijk Installatietechniek`);
    expect(text).toContain("Moeilijke klantgesprekken");
    expect(text).toContain("Praktijkdagen bijgewoond: 1 van 1; uren op die dagen: 4,75");
    expect(text).toContain(
      `1 training. Uren op praktijkdagen: 4,75; uren aan activiteiten online en op de werkplek: ${ownWorkHours}.`,
    );
    expect(text).toContain("KMO-portefeuille");
  });

  it("lets the learner download her own record and certificate, signed by the cohort's planner", async () => {
    const view = (await call("GET", "/api/me/training-record", learner)).json<TrainingRecordView>();
    expect(view.personId).toBe(learnerId);
    expect(view.cohorts.map((c) => c.cohortName)).toEqual(["Serviceteam, klantgesprekken"]);
    const own = await call("GET", "/api/me/training-record.pdf", learner);
    expect(own.statusCode).toBe(200);
    expect(await textOf(own.rawPayload)).toContain("Femke de Wit");
    const serviceId = view.cohorts[0]!.cohortId;
    const certificate = await call("GET", certificateUrl(learnerId, serviceId), learner);
    expect(certificate.statusCode).toBe(200);
    const text = await textOf(certificate.rawPayload);
    expect(text).toContain("Femke de Wit");
    expect(text).toContain("Ondertekend: Carla Verbeek, opleidingscoördinator");
    // Through the people address too, for herself only.
    expect((await call("GET", `/api/people/${learnerId}/training-record.csv`, learner)).statusCode).toBe(200);
  });

  it("refuses a learner someone else's documents and the zip, and a manager everyone's", async () => {
    for (const [who, cookie] of [
      ["learner", learner],
      ["manager", manager],
    ] as const) {
      for (const url of [
        certificateUrl(attendee.id),
        `/api/cohorts/${finishedId}/certificates.zip`,
        `/api/people/${attendee.id}/training-record.pdf`,
        `/api/people/${attendee.id}/training-record.csv`,
      ]) {
        expect((await call("GET", url, cookie)).statusCode, `${who} ${url}`).toBe(403);
      }
    }
  });

  it("has no certificate for someone outside the cohort", async () => {
    const response = await call("GET", certificateUrl(learnerId), coordinator);
    expect(response.statusCode).toBe(404);
  });

  it("writes who downloaded whose documents to the audit log", async () => {
    const [coordinatorRow] = await db()
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.email, "coordinator@demo.beklijf.nl"));
    await call("GET", certificateUrl(attendee.id), coordinator);
    await call("GET", `/api/people/${attendee.id}/training-record.csv`, coordinator);
    const rows = await db()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "person"), eq(auditEvents.subjectId, attendee.id)));
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: "certificate.downloaded", actorId: coordinatorRow!.id, details: { cohortId: finishedId } },
        { action: "training-record.downloaded", actorId: coordinatorRow!.id, details: { format: "csv" } },
      ]),
    );
    const zips = await db()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "certificates.cohort-downloaded"), eq(auditEvents.subjectId, finishedId)),
      );
    expect(zips[0]!.details).toEqual({ people: participants.length });
  });
});
