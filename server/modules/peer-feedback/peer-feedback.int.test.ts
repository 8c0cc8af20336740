import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyFeedbackView } from "../../../common/schemas/peer-feedback.ts";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../../test-support/factories.ts";
import { caller, cohortAfterPracticeDay } from "../../../test-support/learning.ts";
import { feedbackRequests, outboxEmails } from "../../db/schema/index.ts";

describe("peer feedback within a cohort", () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  let asker: string;
  let colleague: string;
  let outsider: string;
  let colleagueId: string;
  let outsiderId: string;
  let cohortId: string;

  beforeAll(async () => {
    t = await createTestApp();
    call = caller(t);
    const db = t.database.db;
    const org = await buildOrganisation(db, { defaultLocale: "en" });
    const designer = await buildCoordinator(db, org.id);
    const askerRow = await buildLearner(db, org.id, { name: "Ruben", email: "ruben@feedback.test" });
    const colleagueRow = await buildLearner(db, org.id, { name: "Lotte", email: "lotte@feedback.test" });
    const outsiderRow = await buildLearner(db, org.id, { name: "Niels", email: "niels@feedback.test" });
    colleagueId = colleagueRow.id;
    outsiderId = outsiderRow.id;
    const setup = await cohortAfterPracticeDay(t, {
      designer: await t.signIn(designer.email),
      learnerIds: [askerRow.id, colleagueRow.id],
      questions: () => [],
    });
    cohortId = setup.cohortId;
    asker = await t.signIn(askerRow.email);
    colleague = await t.signIn(colleagueRow.email);
    outsider = await t.signIn(outsiderRow.email);
  });
  afterAll(() => t.close());

  it("asks a colleague from the cohort, with a photo, and emails them", async () => {
    const colleagues = (await call("GET", "/api/me/cohort-colleagues", asker)).json<
      { colleagues: { name: string }[] }[]
    >();
    expect(colleagues[0]!.colleagues.map((c) => c.name)).toEqual(["Lotte"]);
    const asked = await call("POST", "/api/feedback-requests", asker, {
      colleagueId,
      cohortId,
      about: "How I closed the call with the upset customer this morning",
      attachment: {
        name: "notes.jpg",
        type: "image/jpeg",
        data: Buffer.from("fake jpeg bytes").toString("base64"),
      },
    });
    expect(asked.statusCode).toBe(201);
    const mail = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, "lotte@feedback.test"));
    expect(mail[0]!.subject).toBe("Ruben asks for your feedback");
  });

  it("refuses someone outside the cohort, and a file that is not a photo or video, in Dutch", async () => {
    const outside = await call(
      "POST",
      "/api/feedback-requests",
      asker,
      { colleagueId: outsiderId, cohortId, about: "x" },
      "nl",
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].code).toBe("not_in_cohort");
    const pdf = await call(
      "POST",
      "/api/feedback-requests",
      asker,
      {
        colleagueId,
        cohortId,
        about: "x",
        attachment: { name: "a.pdf", type: "application/pdf", data: "AAAA" },
      },
      "nl",
    );
    expect(pdf.statusCode).toBe(400);
    expect((await t.database.db.select().from(feedbackRequests)).length).toBe(1);
  });

  it("lets only the colleague answer, once, and only the two of them see the photo", async () => {
    const [request] = (await call("GET", "/api/me/feedback", colleague)).json<MyFeedbackView>().toAnswer;
    expect(request).toMatchObject({ requester: "Ruben", hasAttachment: true, answer: null });
    const answer = {
      wentWell: "You named the frustration first.",
      tryNext: "Repeat the next step out loud.",
    };
    expect(
      (await call("POST", `/api/feedback-requests/${request!.id}/answer`, outsider, answer)).statusCode,
    ).toBe(404);
    expect(
      (await call("POST", `/api/feedback-requests/${request!.id}/answer`, asker, answer)).statusCode,
    ).toBe(404);
    expect(
      (await call("POST", `/api/feedback-requests/${request!.id}/answer`, colleague, answer)).statusCode,
    ).toBe(204);
    expect(
      (await call("POST", `/api/feedback-requests/${request!.id}/answer`, colleague, answer)).statusCode,
    ).toBe(409);
    const [mine] = (await call("GET", "/api/me/feedback", asker)).json<MyFeedbackView>().asked;
    expect(mine!.answer).toMatchObject(answer);
    const photo = await call("GET", `/api/feedback-requests/${request!.id}/attachment`, asker);
    expect(photo.headers["content-type"]).toBe("image/jpeg");
    expect(photo.headers["x-content-type-options"]).toBe("nosniff");
    expect(photo.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect(photo.rawPayload.toString()).toBe("fake jpeg bytes");
    expect((await call("GET", `/api/feedback-requests/${request!.id}/attachment`, outsider)).statusCode).toBe(
      404,
    );
  });

  it("refuses an SVG, which is a document that can run script, not a photo", async () => {
    const svg = await call(
      "POST",
      "/api/feedback-requests",
      asker,
      {
        colleagueId,
        cohortId,
        about: "x",
        attachment: {
          name: "drawing.svg",
          type: "image/svg+xml",
          data: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
          ).toString("base64"),
        },
      },
      "en",
    );
    expect(svg.statusCode).toBe(400);
    expect(svg.json().errors[0]).toMatchObject({ field: "attachment", code: "attachment_type" });
    expect((await t.database.db.select().from(feedbackRequests)).length).toBe(1);
  });

  it("serves a stored file that is not a safe photo or video as a sandboxed download, never inline", async () => {
    const [request] = await t.database.db.select().from(feedbackRequests);
    // A file stored before uploads were limited to photos and videos.
    await t.database.db
      .update(feedbackRequests)
      .set({
        attachmentName: "drawing.svg",
        attachmentType: "image/svg+xml",
        attachment: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      })
      .where(eq(feedbackRequests.id, request!.id));
    const file = await call("GET", `/api/feedback-requests/${request!.id}/attachment`, asker);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toBe('attachment; filename="drawing.svg"');
    expect(file.headers["content-type"]).toBe("application/octet-stream");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
  });
});
