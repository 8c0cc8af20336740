import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { MyFeedbackView } from "../../../common/schemas/peer-feedback.ts";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { feedbackRequests, outboxEmails } from "../../db/schema/index.ts";

/**
 * The organisation and its cohort are built once (a cohort after its practice day is costly) and only
 * read; each test makes and checks its own requests, so any test runs alone.
 */
describe("peer feedback within a cohort", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let asker: string;
  let colleague: string;
  let outsider: string;
  let colleagueId: string;
  let outsiderId: string;
  let cohortId: string;

  beforeAll(async () => {
    const setup = await organisationWithCohort(t, {
      organisation: { defaultLocale: "en" },
      learners: [
        { name: "Ruben", email: "ruben@feedback.test" },
        { name: "Lotte", email: "lotte@feedback.test" },
      ],
    });
    cohortId = setup.cohortId;
    const [ruben, lotte] = setup.learners;
    asker = ruben!.cookie;
    colleague = lotte!.cookie;
    colleagueId = lotte!.id;
    const outsiderRow = await buildLearner(t.database.db, setup.organisation.id, {
      name: "Niels",
      email: "niels@feedback.test",
    });
    outsiderId = outsiderRow.id;
    outsider = await t.signIn(outsiderRow.email);
  });

  const photo = {
    name: "notes.jpg",
    type: "image/jpeg",
    data: Buffer.from("fake jpeg bytes").toString("base64"),
  };
  const requestsAbout = (about: string) =>
    t.database.db.select().from(feedbackRequests).where(eq(feedbackRequests.about, about));
  /** A request from Ruben to Lotte about `about`, with a photo; its id. */
  async function ask(about: string): Promise<string> {
    const asked = await call("POST", "/api/feedback-requests", asker, {
      colleagueId,
      cohortId,
      about,
      attachment: photo,
    });
    expect(asked.statusCode).toBe(201);
    return asked.json<{ id: string }>().id;
  }

  it("asks a colleague from the cohort, with a photo, and emails them", async () => {
    const colleagues = (await call("GET", "/api/me/cohort-colleagues", asker)).json<
      { colleagues: { name: string }[] }[]
    >();
    expect(colleagues[0]!.colleagues.map((c) => c.name)).toEqual(["Lotte"]);
    await ask("How I closed the call with the upset customer this morning");
    const mail = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, "lotte@feedback.test"));
    expect(mail.map((m) => m.subject)).toContain("Ruben asks for your feedback");
  });

  it("refuses someone outside the cohort, and a file that is not a photo or video, in Dutch", async () => {
    const about = "refused: outside the cohort or not a photo";
    const outside = await callInDutch("POST", "/api/feedback-requests", asker, {
      colleagueId: outsiderId,
      cohortId,
      about,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].code).toBe("not_in_cohort");
    const pdf = await callInDutch("POST", "/api/feedback-requests", asker, {
      colleagueId,
      cohortId,
      about,
      attachment: { name: "a.pdf", type: "application/pdf", data: "AAAA" },
    });
    expect(pdf.statusCode).toBe(400);
    expect(await requestsAbout(about)).toEqual([]);
  });

  it("lets only the colleague answer, once, and only the two of them see the photo", async () => {
    const id = await ask("How I opened the planning meeting");
    const request = (await call("GET", "/api/me/feedback", colleague))
      .json<MyFeedbackView>()
      .toAnswer.find((r) => r.id === id);
    expect(request).toMatchObject({ requester: "Ruben", hasAttachment: true, answer: null });
    const answer = {
      wentWell: "You named the frustration first.",
      tryNext: "Repeat the next step out loud.",
    };
    const url = `/api/feedback-requests/${id}/answer`;
    expect((await call("POST", url, outsider, answer)).statusCode).toBe(404);
    expect((await call("POST", url, asker, answer)).statusCode).toBe(404);
    expect((await call("POST", url, colleague, answer)).statusCode).toBe(204);
    expect((await call("POST", url, colleague, answer)).statusCode).toBe(409);
    const mine = (await call("GET", "/api/me/feedback", asker)).json<MyFeedbackView>().asked;
    expect(mine.find((r) => r.id === id)!.answer).toMatchObject(answer);
    const file = await call("GET", `/api/feedback-requests/${id}/attachment`, asker);
    expect(file.headers["content-type"]).toBe("image/jpeg");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect(file.rawPayload.toString()).toBe("fake jpeg bytes");
    expect((await call("GET", `/api/feedback-requests/${id}/attachment`, outsider)).statusCode).toBe(404);
  });

  it("refuses an SVG, which is a document that can run script, not a photo", async () => {
    const about = "refused: an SVG";
    const svg = await call(
      "POST",
      "/api/feedback-requests",
      asker,
      {
        colleagueId,
        cohortId,
        about,
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
    expect(await requestsAbout(about)).toEqual([]);
  });

  it("serves a stored file that is not a safe photo or video as a sandboxed download, never inline", async () => {
    const id = await ask("A drawing stored before uploads were limited");
    // A file stored before uploads were limited to photos and videos.
    await t.database.db
      .update(feedbackRequests)
      .set({
        attachmentName: "drawing.svg",
        attachmentType: "image/svg+xml",
        attachment: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      })
      .where(eq(feedbackRequests.id, id));
    const file = await call("GET", `/api/feedback-requests/${id}/attachment`, asker);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toBe('attachment; filename="drawing.svg"');
    expect(file.headers["content-type"]).toBe("application/octet-stream");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
  });

  it("refuses an oversized attachment from its announced size, before reading it, naming the limit in MB", async () => {
    const before = await t.database.db.select().from(feedbackRequests);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/feedback-requests",
      headers: {
        origin: TEST_ORIGIN,
        cookie: asker,
        "accept-language": "nl",
        "content-type": "application/json",
        "content-length": String(50 * 1024 * 1024),
      },
      payload: "{}",
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(response.json().detail).toContain("8 MB");
    expect(await t.database.db.select().from(feedbackRequests)).toHaveLength(before.length);
  });
});
