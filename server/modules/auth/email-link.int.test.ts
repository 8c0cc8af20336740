import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionsView } from "../../../common/schemas/auth.ts";
import { caller, publicPost, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../../test-support/factories.ts";
import { useSmtpPeer } from "../../../test-support/shared.ts";
import { type ReceivedMail, tokenIn } from "../../../test-support/smtp-peer.ts";
import { auditEvents, emailLinkRequests, outboxEmails, persons, signInLinks } from "../../db/schema/index.ts";
import { createMailer, deliverOutbox } from "../notifications/index.ts";
import { createLogger } from "../../logger.ts";
import { sendRequestedSignInLinks } from "./email-link.service.ts";

const MINUTE = 60_000;

describe("email-link sign-in", () => {
  const t = useTestApp();
  const peer = useSmtpPeer();
  const call = caller(t, "en");
  let nextIp = 1;
  let nextKey = 1;

  beforeAll(async () => {
    const org = await buildOrganisation(t.database.db, { name: "Kappa Klimaat" });
    await buildCoordinator(t.database.db, org.id, { email: "coord@kappa.test" });
    for (const name of ["van", "code", "reuse", "late", "guess", "twice", "flood", "gone"])
      await buildLearner(t.database.db, org.id, { email: `${name}@kappa.test`, withPassword: false });
    await buildLearner(t.database.db, org.id, { email: "monteur@kappa.test", locale: "nl" });
    await buildLearner(t.database.db, org.id, {
      email: "invited@kappa.test",
      status: "invited",
      withPassword: false,
    });
  });
  beforeEach(() => {
    t.clock.now = new Date();
  });

  /** Asks for a link as the sign-in page does; returns the answer and the browser's pending cookie. */
  async function ask(email: string, { ip = `10.9.0.${nextIp++}`, key = `submission-${nextKey++}` } = {}) {
    const response = await publicPost(
      t,
      "/api/auth/email-link",
      { email },
      { remoteAddress: ip, headers: { "idempotency-key": key } },
    );
    const pending = response.cookies.find((c) => c.name === "beklijf_sign_in_request");
    return { response, pending: pending ? `beklijf_sign_in_request=${pending.value}` : "" };
  }
  /** What the worker does next: look the address up, queue the mail, send it to the SMTP peer. */
  let delivered = 0;
  async function work(): Promise<void> {
    await sendRequestedSignInLinks(t.database.db, TEST_ORIGIN, t.clock.now);
    const { sent } = await deliverOutbox(
      t.database.db,
      createMailer(peer.url, "Beklijf <noreply@example.test>"),
    );
    delivered += sent;
    await peer.waitFor(() => peer.messages.length >= delivered);
  }
  const mailsTo = (email: string) => peer.messages.filter((m) => m.to.includes(email));
  const latestMail = async (email: string): Promise<ReceivedMail> => mailsTo(email).at(-1)!;
  const codeIn = (mail: ReceivedMail) => /^(\d{3} \d{3})$/m.exec(mail.text)![1]!;
  const redeem = (payload: object, cookie = "") =>
    publicPost(t, "/api/auth/email-link/redeem", payload, {
      remoteAddress: `10.9.1.${nextIp++}`,
      headers: { "accept-language": "en", ...(cookie ? { cookie } : {}) },
    });
  const sessionOf = (response: { cookies: { name: string; value: string }[] }) =>
    `beklijf_session=${response.cookies.find((c) => c.name === "beklijf_session")!.value}`;

  it("mails a link and a code in the person's language, and the link signs in once", async () => {
    const { response, pending } = await ask("monteur@kappa.test");
    expect(response.statusCode).toBe(202);
    expect(pending).not.toBe("");
    await work();
    const mail = await latestMail("monteur@kappa.test");
    expect(mail.subject).toBe("Je inloglink voor Beklijf");
    expect(mail.text).toContain("15 minuten geldig");
    const signedIn = await redeem({ token: tokenIn(mail.text) });
    expect(signedIn.statusCode).toBe(200);
    const cookie = sessionOf(signedIn);
    expect((await call("GET", "/api/me", cookie)).json().person.email).toBe("monteur@kappa.test");
    const [session] = (await call("GET", "/api/me/sessions", cookie)).json<SessionsView>().sessions;
    expect(session).toMatchObject({ method: "email-link", current: true });
  });

  it("lets an invited person without a password in, and makes them active", async () => {
    await ask("invited@kappa.test");
    await work();
    const signedIn = await redeem({ token: tokenIn(mailsTo("invited@kappa.test").at(-1)!.text) });
    expect(signedIn.statusCode).toBe(200);
    const [person] = await t.database.db
      .select()
      .from(persons)
      .where(eq(persons.email, "invited@kappa.test"));
    expect(person!.status).toBe("active");
  });

  it("refuses the same link a second time", async () => {
    await ask("reuse@kappa.test");
    await work();
    const token = tokenIn((await latestMail("reuse@kappa.test")).text);
    expect((await redeem({ token })).statusCode).toBe(200);
    const again = await redeem({ token });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe("TOKEN_INVALID");
  });

  it("refuses the link and the code after 15 minutes", async () => {
    const { pending } = await ask("late@kappa.test");
    await work();
    const mail = await latestMail("late@kappa.test");
    t.clock.now = new Date(t.clock.now.getTime() + 15 * MINUTE + 1000);
    expect((await redeem({ token: tokenIn(mail.text) })).statusCode).toBe(410);
    const code = await redeem({ email: "late@kappa.test", code: codeIn(mail) }, pending);
    expect(code.json().code).toBe("SIGN_IN_REQUEST_GONE");
  });

  it("signs in with the code only on the browser that asked", async () => {
    const { pending } = await ask("code@kappa.test");
    await work();
    const code = codeIn(await latestMail("code@kappa.test"));
    const elsewhere = await redeem({ email: "code@kappa.test", code });
    expect(elsewhere.statusCode).toBe(410);
    expect(elsewhere.json().code).toBe("SIGN_IN_REQUEST_GONE");
    const here = await redeem({ email: "code@kappa.test", code: code.replace(" ", "") }, pending);
    expect(here.statusCode).toBe(200);
    expect((await call("GET", "/api/me", sessionOf(here))).statusCode).toBe(200);
    // The code spent the link in the same email too.
    expect((await redeem({ token: tokenIn((await latestMail("code@kappa.test")).text) })).statusCode).toBe(
      410,
    );
  });

  it("allows five tries at the code, then refuses even the right one", async () => {
    const { pending } = await ask("guess@kappa.test");
    await work();
    const right = codeIn(await latestMail("guess@kappa.test")).replace(" ", "");
    const wrong = right === "000000" ? "111111" : "000000";
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await redeem({ email: "guess@kappa.test", code: wrong }, pending));
    expect(answers.map((a) => a.statusCode)).toEqual([400, 400, 400, 400, 410]);
    expect(answers[0]!.json().errors[0]).toMatchObject({
      field: "code",
      message: "Code does not match the code in your latest email. Tries left: 4.",
    });
    const late = await redeem({ email: "guess@kappa.test", code: right }, pending);
    expect(late.statusCode).toBe(410);
  });

  it("answers an unknown address exactly like a known one, and mails nobody", async () => {
    const known = await ask("van@kappa.test");
    const unknown = await ask("nobody@kappa.test");
    expect(unknown.response.statusCode).toBe(known.response.statusCode);
    expect(unknown.response.body).toBe(known.response.body);
    expect(unknown.response.cookies.map((c) => c.name)).toEqual(known.response.cookies.map((c) => c.name));
    const rows = await t.database.db.select().from(emailLinkRequests);
    expect(rows.filter((r) => r.email === "nobody@kappa.test")).toHaveLength(1);
    await work();
    expect(mailsTo("nobody@kappa.test")).toEqual([]);
    // A code typed for the unknown address is refused in the same words as a wrong one for a known one.
    const forUnknown = await redeem({ email: "nobody@kappa.test", code: "123456" }, unknown.pending);
    const forKnown = await redeem({ email: "van@kappa.test", code: "123456" }, known.pending);
    if (forKnown.statusCode !== 200) {
      expect(forUnknown.statusCode).toBe(forKnown.statusCode);
      expect(forUnknown.json().errors).toEqual(forKnown.json().errors);
    }
  });

  it("sends one email for a submission sent twice at once", async () => {
    const key = "double-click-key";
    const [first, second] = await Promise.all([
      ask("twice@kappa.test", { key }),
      ask("twice@kappa.test", { key }),
    ]);
    expect(first.pending).toBe(second.pending);
    await work();
    expect(mailsTo("twice@kappa.test")).toHaveLength(1);
  });

  it("lets a whole office on one address ask, limits scripted noise, and caps emails per address", async () => {
    const answers = [];
    for (let i = 0; i < 301; i++)
      answers.push((await ask(`office-${i}@kappa.test`, { ip: "10.9.9.9" })).response);
    expect(answers.slice(0, 300).every((a) => a.statusCode === 202)).toBe(true);
    expect(answers[300]!.statusCode).toBe(429);

    for (let i = 0; i < 5; i++) await ask("flood@kappa.test");
    await work();
    expect(mailsTo("flood@kappa.test")).toHaveLength(3);
  });

  it("does not sign in a deactivated person, with a new link or one sent before", async () => {
    await ask("gone@kappa.test");
    await work();
    const token = tokenIn((await latestMail("gone@kappa.test")).text);
    await t.database.db
      .update(persons)
      .set({ status: "deactivated" })
      .where(eq(persons.email, "gone@kappa.test"));
    expect((await redeem({ token })).statusCode).toBe(410);
    const before = mailsTo("gone@kappa.test").length;
    await ask("gone@kappa.test");
    await work();
    expect(mailsTo("gone@kappa.test")).toHaveLength(before);
  });

  it("keeps only hashes, audits each sign-in, and hides links and codes in the development mailbox", async () => {
    await ask("van@kappa.test");
    await work();
    const mail = await latestMail("van@kappa.test");
    const token = tokenIn(mail.text);
    const stored = JSON.stringify(await t.database.db.select().from(signInLinks));
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(codeIn(mail).replace(" ", ""));
    await redeem({ token });
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "person.signed-in-by-email"));
    expect(audited.length).toBeGreaterThan(0);

    const coordinator = await t.signIn("coord@kappa.test");
    const mailbox = (await call("GET", "/api/outbox", coordinator)).json<{ to: string; text: string }[]>();
    const shown = mailbox.find((m) => m.to === "van@kappa.test")!;
    expect(shown.text).not.toContain(token);
    expect(shown.text).not.toContain(codeIn(mail));
    expect(shown.text).toContain("[sign-in link or code: only the recipient sees it]");
  });
});

describe("email-link sign-in in the logs", () => {
  const lines: string[] = [];
  const logger = createLogger(
    "info",
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  const t = useTestApp({ logger });

  it("never holds the link, the code or the browser's pending secret", async () => {
    const org = await buildOrganisation(t.database.db);
    await buildLearner(t.database.db, org.id, { email: "logged@example.test" });
    const asked = await publicPost(t, "/api/auth/email-link", { email: "logged@example.test" });
    const pending = asked.cookies.find((c) => c.name === "beklijf_sign_in_request")!.value;
    await sendRequestedSignInLinks(t.database.db, TEST_ORIGIN, t.clock.now);
    const [mail] = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, "logged@example.test"));
    const token = tokenIn(mail!.textBody);
    const code = /^(\d{3}) (\d{3})$/m.exec(mail!.textBody)!.slice(1).join("");
    const cookie = `beklijf_sign_in_request=${pending}`;
    await publicPost(
      t,
      "/api/auth/email-link/redeem",
      { email: "logged@example.test", code: "999999" },
      { headers: { cookie } },
    );
    await publicPost(
      t,
      "/api/auth/email-link/redeem",
      { email: "logged@example.test", code },
      { headers: { cookie } },
    );
    await publicPost(t, "/api/auth/email-link/redeem", { token });
    const written = lines.join("");
    expect(written).toContain("/api/auth/email-link/redeem");
    // The code as a value of its own (a bare six-digit run could occur inside a timestamp).
    for (const secret of [token, pending, `"${code}"`, `${code.slice(0, 3)} ${code.slice(3)}`])
      expect(written).not.toContain(secret);
  });
});
