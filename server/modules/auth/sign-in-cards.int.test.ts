import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionsView, SignInCardView } from "../../../common/schemas/auth.ts";
import { caller, publicPost, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../../test-support/factories.ts";
import { pdfLinks, pdfPages } from "../../../test-support/pdf-text.ts";
import { auditEvents, persons, signInCards } from "../../db/schema/index.ts";

const DAY = 86_400_000;

describe("QR sign-in cards", () => {
  const t = useTestApp();
  const call = caller(t, "en");
  const ids: Record<string, string> = {};
  let coordinator = "";

  beforeAll(async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db, { name: "Lambda Installatie" });
    ids.coordinator = (await buildCoordinator(db, org.id, { email: "coord@lambda.test" })).id;
    ids.installer = (
      await buildLearner(db, org.id, {
        email: "ingrid@lambda.test",
        name: "Ingrid Installateur",
        locale: "nl",
      })
    ).id;
    ids.second = (await buildLearner(db, org.id, { email: "sem@lambda.test", name: "Sem" })).id;
    ids.leaver = (await buildLearner(db, org.id, { email: "leaver@lambda.test" })).id;
    const other = await buildOrganisation(db, { name: "Mu Metaal" });
    await buildCoordinator(db, other.id, { email: "coord@mu.test" });
  });
  beforeEach(async () => {
    t.clock.now = new Date();
    coordinator = await t.signIn("coord@lambda.test");
  });

  const cardUrl = (personId: string) => `/api/people/${personId}/sign-in-card`;
  /** Prints a card and gives the link in its QR code (also a link annotation in the PDF). */
  async function print(personId: string, validMonths: 3 | 6 | 12 | null = null) {
    const response = await call("POST", cardUrl(personId), coordinator, { validMonths });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("application/pdf");
    const bytes = response.rawPayload;
    const [link] = await pdfLinks(bytes);
    return { bytes, link: link!, token: new URL(link!).hash.replace("#token=", "") };
  }
  const useCard = (token: string) =>
    publicPost(t, "/api/auth/sign-in-card", { token }, { headers: { "accept-language": "en" } });

  it("requires authentication, and a coordinator", async () => {
    expect((await call("GET", cardUrl(ids.installer!), null)).statusCode).toBe(401);
    expect((await call("POST", cardUrl(ids.installer!), null, { validMonths: null })).statusCode).toBe(401);
    const learner = await t.signIn("sem@lambda.test");
    expect((await call("POST", cardUrl(ids.installer!), learner, { validMonths: null })).statusCode).toBe(
      403,
    );
  });

  it("hides other organisations' people", async () => {
    const outsider = await t.signIn("coord@mu.test");
    expect((await call("GET", cardUrl(ids.installer!), outsider)).statusCode).toBe(404);
    expect((await call("POST", cardUrl(ids.installer!), outsider, { validMonths: null })).statusCode).toBe(
      404,
    );
    expect((await call("DELETE", cardUrl(ids.installer!), outsider)).statusCode).toBe(404);
  });

  it("prints a card in the person's language whose QR link signs them in, counted and shown to them", async () => {
    const { bytes, link } = await print(ids.installer!, 12);
    expect(link).toMatch(new RegExp(`^${TEST_ORIGIN}/sign-in/card#token=[\\w-]{43}$`));
    const [text] = await pdfPages(bytes);
    expect(text).toContain("Beklijf-inlogkaart van Ingrid Installateur");
    expect(text).toContain("Lambda Installatie");
    expect(text).not.toContain(link);

    const signedIn = await useCard(new URL(link).hash.replace("#token=", ""));
    expect(signedIn.statusCode).toBe(200);
    const session = `beklijf_session=${signedIn.cookies.find((c) => c.name === "beklijf_session")!.value}`;
    const mine = (await call("GET", "/api/me/sessions", session)).json<SessionsView>().sessions;
    expect(mine[0]).toMatchObject({ method: "sign-in-card", current: true });

    const view = (await call("GET", cardUrl(ids.installer!), coordinator)).json<SignInCardView>();
    expect(view.card).toMatchObject({ uses: 1 });
    expect(view.card!.expiresAt).not.toBeNull();
    expect(JSON.stringify(view)).not.toContain("token");
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, ids.installer!));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["sign-in-card.printed", "sign-in-card.used"]),
    );
  });

  it("stops the old card when a new one is printed, and stops a blocked card", async () => {
    const first = await print(ids.second!);
    const second = await print(ids.second!);
    expect((await useCard(first.token)).statusCode).toBe(410);
    expect((await useCard(second.token)).statusCode).toBe(200);
    const stored = JSON.stringify(await t.database.db.select().from(signInCards));
    expect(stored).not.toContain(second.token);

    expect((await call("DELETE", cardUrl(ids.second!), coordinator)).statusCode).toBe(204);
    expect((await useCard(second.token)).statusCode).toBe(410);
    expect((await call("GET", cardUrl(ids.second!), coordinator)).json()).toEqual({ card: null });
  });

  it("prints one card for a submission sent twice at once; the replay holds no file", async () => {
    const send = () =>
      t.app.inject({
        method: "POST",
        url: cardUrl(ids.second!),
        headers: { origin: TEST_ORIGIN, cookie: coordinator, "idempotency-key": "print-card-twice" },
        payload: { validMonths: null },
      });
    const before = await t.database.db
      .select()
      .from(signInCards)
      .where(eq(signInCards.personId, ids.second!));
    const answers = await Promise.all([send(), send()]);
    const after = await t.database.db.select().from(signInCards).where(eq(signInCards.personId, ids.second!));
    expect(after.length - before.length).toBe(1);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const replay = answers.find((a) => a.headers["idempotency-replayed"] === "true")!;
    expect(replay.rawPayload.length).toBe(0);
  });

  it("stops a card after its chosen validity", async () => {
    const { token } = await print(ids.second!, 3);
    t.clock.now = new Date(t.clock.now.getTime() + 93 * DAY);
    expect((await useCard(token)).statusCode).toBe(410);
  });

  it("gives no card to a coordinator, and none to a deactivated person; a card stops when its person leaves", async () => {
    const refused = await call("POST", cardUrl(ids.coordinator!), coordinator, { validMonths: null });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("SIGN_IN_CARD_NOT_ALLOWED");

    const { token } = await print(ids.leaver!);
    await t.database.db.update(persons).set({ status: "deactivated" }).where(eq(persons.id, ids.leaver!));
    expect((await useCard(token)).statusCode).toBe(410);
    const again = await call("POST", cardUrl(ids.leaver!), coordinator, { validMonths: null });
    expect(again.statusCode).toBe(400);
  });
});
