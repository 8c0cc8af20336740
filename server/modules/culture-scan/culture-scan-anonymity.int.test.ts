import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildTeam,
} from "../../../test-support/factories.ts";
import { completeScanAnswers } from "../../../test-support/scan-answers.ts";
import { tokenIn } from "../../../test-support/smtp-peer.ts";
import { outboxEmails } from "../../db/schema/index.ts";

/** The attacks of issue 13, section 1, each through the API a coordinator (or anyone with the poster) has. */
describe("culture-scan anonymity", () => {
  const t = useTestApp();
  let run = 0;

  const call = (
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload: object | undefined,
    cookie: string | null,
    remoteAddress = "127.0.0.1",
  ) =>
    t.app.inject({
      method,
      url,
      remoteAddress,
      headers: { origin: TEST_ORIGIN, "accept-language": "en", ...(cookie ? { cookie } : {}) },
      ...(payload ? { payload } : {}),
    });

  /** An organisation with teams of the given sizes and an open scan for all of them. */
  async function scanFor(teamSizes: number[]) {
    const db = t.database.db;
    const name = `anon${++run}`;
    const org = await buildOrganisation(db, { name });
    await buildCoordinator(db, org.id, { email: `coord@${name}.test` });
    const teams: { id: string; emails: string[] }[] = [];
    for (const [index, size] of teamSizes.entries()) {
      const emails = Array.from({ length: size }, (_, i) => `t${index}p${i}@${name}.test`);
      const members = await Promise.all(emails.map((email) => buildLearner(db, org.id, { email })));
      const team = await buildTeam(db, org.id, {
        name: `Team ${index}`,
        memberIds: members.map((m) => m.id),
      });
      teams.push({ id: team.id, emails });
    }
    const cookie = await t.signIn(`coord@${name}.test`);
    const created = await call(
      "POST",
      "/api/culture-scans",
      { title: name, teamIds: teams.map((x) => x.id), opensOn: "2020-01-01", closesOn: "2099-12-31" },
      cookie,
    );
    expect(created.statusCode).toBe(201);
    const scanId: string = created.json().id;
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.organisationId, org.id));
    const token = (email: string) => tokenIn(mails.find((m) => m.toAddress === email)!.textBody);
    const list = (await call("GET", "/api/culture-scans", undefined, cookie)).json();
    const shared = /#shared=([\w-]+)/.exec(list[0].sharedLink)![1]!;
    const results = async () =>
      (await call("GET", `/api/culture-scans/${scanId}/results`, undefined, cookie)).json();
    return { orgId: org.id, cookie, scanId, teams, token, shared, results };
  }

  const answer = (token: string, score: number, remoteAddress?: string, teamId?: string) =>
    call(
      "POST",
      "/api/scan/submit",
      { token, answers: completeScanAnswers(score), teamId },
      null,
      remoteAddress,
    );

  /** Everything a reading shows except counts: the figures that could be subtracted between readings. */
  const figures = (r: {
    groups: { teamId: string | null; figures: unknown }[];
    overall: unknown;
    heatmap: unknown;
    comments: unknown;
    recommendations: unknown;
  }) =>
    JSON.stringify([
      r.groups.filter((g) => g.figures !== null).map((g) => [g.teamId, g.figures]),
      r.overall,
      r.heatmap,
      r.comments,
      r.recommendations,
    ]);

  describe("the shared poster link", () => {
    it("cannot lift a team over the threshold with padded answers", async () => {
      const scan = await scanFor([6, 9]);
      const [verkoop, service] = scan.teams;
      expect((await answer(scan.token(verkoop!.emails[0]!), 1)).statusCode).toBe(200);
      for (const email of service!.emails) await answer(scan.token(email), 3);
      for (let i = 0; i < 4; i++)
        expect((await answer(scan.shared, 5, undefined, verkoop!.id)).statusCode, `padding ${i}`).toBe(200);
      await call("POST", `/api/culture-scans/${scan.scanId}/close`, undefined, scan.cookie);
      const results = await scan.results();
      expect(results).toMatchObject({ responses: 14, sharedLinkResponses: 4 });
      const team = results.groups.find((g: { teamId: string }) => g.teamId === verkoop!.id);
      // 5 · mean − 12 would be the real answer: the team holds only its one tied answer and stays hidden.
      expect(team).toMatchObject({ responses: 1, figures: null });
      for (const group of results.groups.filter((g: { teamId: string | null }) => g.teamId))
        expect(group.figures === null || group.teamId === service!.id).toBe(true);
    });

    it("takes no more shared answers than the scan has invited people", async () => {
      const scan = await scanFor([2]);
      expect((await answer(scan.shared, 3, "10.0.0.1")).statusCode).toBe(200);
      expect((await answer(scan.shared, 3, "10.0.0.2")).statusCode).toBe(200);
      const third = await answer(scan.shared, 3, "10.0.0.3");
      expect(third.statusCode).toBe(409);
      expect(third.json().code).toBe("SCAN_SHARED_LINK_FULL");
      expect(third.json().detail).toContain("shared link");
    });

    it("limits how often one address sends through the same link", async () => {
      const scan = await scanFor([9]);
      for (let i = 0; i < 5; i++) expect((await answer(scan.shared, 3, "10.0.1.1")).statusCode).toBe(200);
      const sixth = await answer(scan.shared, 3, "10.0.1.1");
      expect(sixth.statusCode).toBe(429);
      expect((await answer(scan.shared, 3, "10.0.1.2")).statusCode).toBe(200);
    });
  });

  it("keeps the threshold a scan opened with when the organisation lowers it, and takes a raise", async () => {
    const scan = await scanFor([9, 7, 6, 3]);
    for (const team of scan.teams) for (const email of team.emails) await answer(scan.token(email), 3);
    await call("POST", `/api/culture-scans/${scan.scanId}/close`, undefined, scan.cookie);
    const small = scan.teams[3]!.id;
    const hidden = (r: { groups: { teamId: string; figures: unknown }[] }) =>
      r.groups.find((g) => g.teamId === small)!.figures;
    expect(hidden(await scan.results())).toBeNull();

    const lowered = await call("PATCH", "/api/organisation", { anonymityThreshold: 3 }, scan.cookie);
    expect(lowered.statusCode).toBe(200);
    const after = await scan.results();
    expect(after.threshold).toBe(5);
    expect(hidden(after)).toBeNull();
    const csv = await call("GET", `/api/culture-scans/${scan.scanId}/results.csv`, undefined, scan.cookie);
    expect(csv.body).toMatch(/Team 3;3;not shown/);

    await call("PATCH", "/api/organisation", { anonymityThreshold: 8 }, scan.cookie);
    const raised = await scan.results();
    expect(raised.threshold).toBe(8);
    expect(raised.groups.find((g: { teamId: string }) => g.teamId === scan.teams[1]!.id).figures).toBeNull();
  });

  it("never lets two readings differ by one answer, for random organisations, orders and readings", async () => {
    for (let seed = 1; seed <= 3; seed++) {
      let state = seed * 7919;
      const random = (n: number) => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return Math.floor((state / 2_147_483_648) * n);
      };
      const scan = await scanFor(Array.from({ length: 2 + random(2) }, () => 2 + random(6)));
      const everyone = scan.teams.flatMap((team) => team.emails);
      const order = everyone.map((email) => ({ email, key: random(1000) })).sort((a, b) => a.key - b.key);
      const late = order.pop()!.email;
      await call("PUT", "/api/scan/draft", { token: scan.token(late), answers: { tasks: 2 } }, null);
      const readings: { responses: number; heldUntilClose: boolean; shown: string }[] = [];
      const read = async () => {
        const r = await scan.results();
        readings.push({ responses: r.responses, heldUntilClose: r.heldUntilClose, shown: figures(r) });
      };
      for (const [i, { email }] of order.entries()) {
        expect((await answer(scan.token(email), 1 + random(5))).statusCode).toBe(200);
        if (random(4) === 0)
          expect((await answer(scan.shared, 1 + random(5), `10.9.${seed}.${i}`)).statusCode).toBe(200);
        if (random(3) === 0) await read();
      }
      await read();
      const open = readings.map((r) => r.shown);
      // While open, every reading shows the same (no) figures, however many answers came in between.
      expect(new Set(open).size, `seed ${seed}`).toBe(1);
      expect(readings.every((r) => r.heldUntilClose)).toBe(true);

      await call("POST", `/api/culture-scans/${scan.scanId}/close`, undefined, scan.cookie);
      const final = await scan.results();
      expect(final.heldUntilClose).toBe(false);
      // The late answer was started before closing, but the results are final now: it no longer counts.
      const lateAnswer = await answer(scan.token(late), 5);
      expect(lateAnswer.json().code, `seed ${seed}`).toBe("SCAN_CLOSED");
      expect(figures(await scan.results()), `seed ${seed}`).toBe(figures(final));
    }
  });

  it("reminds the same people before and after an answer, and exports show the same mail", async () => {
    const scan = await scanFor([3]);
    const [first, second] = scan.teams[0]!.emails;
    const remind = async () =>
      (await call("POST", `/api/culture-scans/${scan.scanId}/reminders`, undefined, scan.cookie)).json();
    expect(await remind()).toEqual({ reminded: 3 });
    await answer(scan.token(first!), 4);
    expect(await remind()).toEqual({ reminded: 3 });
    const people = (await call("GET", "/api/people", undefined, scan.cookie)).json();
    const list = Array.isArray(people) ? people : people.items;
    const exported = async (email: string) => {
      const id = list.find((p: { email: string }) => p.email === email).id;
      const data = (await call("GET", `/api/people/${id}/export`, undefined, scan.cookie)).json();
      return data.emails.map((m: { subject: string }) => m.subject).sort();
    };
    expect(await exported(first!)).toEqual(await exported(second!));
  });

  it("hides personal scan links in the development mailbox, so no draft can be read", async () => {
    const scan = await scanFor([3]);
    await call(
      "PUT",
      "/api/scan/draft",
      { token: scan.token(scan.teams[0]!.emails[0]!), answers: { tasks: 2 } },
      null,
    );
    await call("POST", `/api/culture-scans/${scan.scanId}/reminders`, undefined, scan.cookie);
    const mailbox = await call("GET", "/api/outbox", undefined, scan.cookie);
    expect(mailbox.statusCode).toBe(200);
    const scanMail = mailbox.json().filter((m: { text: string }) => m.text.includes("[personal scan link"));
    expect(scanMail).toHaveLength(6);
    expect(mailbox.body).not.toMatch(/scan#token=/);
  });
});
