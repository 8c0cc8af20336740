import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DigestLinkView, DigestPreview } from "../../../common/schemas/team.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { nextMondayMorning } from "../../../test-support/clock.ts";
import { buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { signedIn, type SignedIn } from "../../../test-support/sign-in.ts";
import type { Person } from "../../../test-support/factories.ts";
import { applicationConfirmations, checkIns, digestLinkUses, outboxEmails } from "../../db/schema/index.ts";
import { sendDigests } from "./digest.service.ts";

describe("the digest preview and the landing page's read of a link", () => {
  const t = useTestApp();
  const call = caller(t);
  let mia: SignedIn<Person>;
  let preview: DigestPreview;

  const counts = async () => ({
    outbox: (await t.database.db.select().from(outboxEmails)).length,
    confirmations: (await t.database.db.select().from(applicationConfirmations)).length,
    checkIns: (await t.database.db.select().from(checkIns)).length,
    linkUses: (await t.database.db.select().from(digestLinkUses)).length,
  });
  const tokenAfter = (text: string, label: string) =>
    new RegExp(`${label}: \\S+#token=(\\S+)`).exec(text)![1]!;

  beforeAll(async () => {
    const db = t.database.db;
    const { organisation, learners, cohortId } = await organisationWithCohort(t, {
      organisation: { defaultLocale: "en" },
      learners: [{ name: "Femke de Vries" }],
    });
    const femke = learners[0]!;
    mia = await signedIn(
      t,
      await buildPerson(db, { organisationId: organisation.id, roles: ["manager"], name: "Mia Manager" }),
    );
    await buildTeam(db, organisation.id, { managerIds: [mia.id], memberIds: [femke.id] });
    const plan = await call("POST", "/api/action-plans", femke.cookie, {
      situation: "When a customer <b>calls</b> about a late repair",
      action: "I first name the frustration",
      firstMoment: t.clock.now.toISOString(),
      cohortId,
    });
    await call("POST", `/api/action-plans/${plan.json<{ id: string }>().id}/applications`, femke.cookie, {
      occurredAt: t.clock.now.toISOString(),
      whatHappened: "It worked",
      outcome: "went-well",
    });
  });

  it("requires authentication", async () => {
    expect((await call("GET", "/api/team/digest-preview", null)).statusCode).toBe(401);
  });

  it("shows the digest as it would be sent, any day, and sends or records nothing", async () => {
    const before = await counts();
    const response = await call("GET", "/api/team/digest-preview", mia.cookie);
    expect(response.statusCode).toBe(200);
    preview = response.json<DigestPreview>();
    expect(preview.subject).toBe("This week with your team: what needs you");
    expect(preview.text).toContain("Hello Mia Manager,");
    expect(preview.text).toContain(
      'Femke de Vries:\n  - applied "When a customer <b>calls</b> about a late repair" on ',
    );
    expect(preview.html).toContain("<h2>Femke de Vries</h2>");
    expect(preview.html).toContain("When a customer &lt;b&gt;calls&lt;/b&gt;");
    expect(preview.html).not.toContain("<script");
    expect(await counts()).toEqual(before);
  });

  it("gives preview links that name the person and the record, and record nothing when pressed", async () => {
    const token = tokenAfter(preview.text, "I saw it applied");
    const read = await call("GET", `/api/digest-actions/link?token=${encodeURIComponent(token)}`, null);
    expect(read.statusCode).toBe(200);
    expect(read.json<DigestLinkView>()).toMatchObject({
      action: "confirm",
      learner: "Femke de Vries",
      application: {
        situation: "When a customer <b>calls</b> about a late repair",
        whatHappened: "It worked",
      },
      preview: true,
      alreadyRecorded: false,
    });
    const before = await counts();
    const pressed = await call("POST", "/api/digest-actions", null, { token });
    expect(pressed.statusCode).toBe(409);
    expect(pressed.json().code).toBe("DIGEST_PREVIEW_LINK");
    const talked = await call("POST", "/api/digest-actions", null, {
      token: tokenAfter(preview.text, "We talked"),
    });
    expect(talked.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it("reads a real link without acting, then acts once when pressed", async () => {
    t.clock.now = nextMondayMorning(t.clock.now);
    expect(await sendDigests(t.database.db, "http://localhost:3000", t.clock.now)).toBe(1);
    const [mail] = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.template, "manager-digest"));
    const token = tokenAfter(mail!.textBody, "I saw it applied");
    const link = `/api/digest-actions/link?token=${encodeURIComponent(token)}`;
    expect((await call("GET", link, null)).json<DigestLinkView>()).toMatchObject({
      action: "confirm",
      learner: "Femke de Vries",
      preview: false,
      alreadyRecorded: false,
    });
    expect((await counts()).confirmations).toBe(0);
    expect((await call("POST", "/api/digest-actions", null, { token })).statusCode).toBe(200);
    expect((await call("GET", link, null)).json<DigestLinkView>()).toMatchObject({ alreadyRecorded: true });
  });

  it("refuses a changed link with a clear message", async () => {
    const token = tokenAfter(preview.text, "We talked");
    const [body, signature] = token.split(".");
    const payload = JSON.parse(Buffer.from(body!, "base64url").toString()) as Record<string, unknown>;
    delete payload.v;
    const changed = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
    const read = await call("GET", `/api/digest-actions/link?token=${encodeURIComponent(changed)}`, null);
    expect(read.statusCode).toBe(410);
    expect(read.json().code).toBe("TOKEN_INVALID");
  });
});
