import type { RouteOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../test-support/app.ts";
import { buildRichOrganisation } from "../../test-support/rich-organisation.ts";
import { snapshotTenant } from "../../test-support/tenant-snapshot.ts";
import { type Fixture, probes } from "./cross-tenant.probes.ts";

/**
 * The write-once harness. Every signed-in route that creates something or sends email is sent twice at
 * the same moment with one Idempotency-Key, as a double click does: the handler must run once (one
 * answer, the other a replay of it), and a third send replays too. A signed-in POST that is not listed
 * here, as creating or as not creating with a reason, fails the harness.
 */

type As = "coordinator" | "learner";
interface Creating {
  as: As;
  /** The body, when the cross-tenant probe's body does not fit this organisation's own data. */
  body?: (a: Fixture) => unknown;
}

const creating: Record<string, Creating> = {
  "POST /api/people": {
    as: "coordinator",
    body: () => ({ name: "Dubbel Klik", email: `dubbel-${crypto.randomUUID()}@alpha.test` }),
  },
  "POST /api/people/:personId/invitation": { as: "coordinator" },
  "POST /api/people/import": {
    as: "coordinator",
    body: () => ({ csv: `email,name\nimport-${crypto.randomUUID()}@alpha.test,Import Persoon\n` }),
  },
  "POST /api/teams": { as: "coordinator", body: () => ({ name: `Team ${crypto.randomUUID()}` }) },
  "POST /api/trajectories": { as: "coordinator" },
  "POST /api/cohorts": {
    as: "coordinator",
    body: (a) => ({
      trajectoryId: a.trajectoryId,
      name: "Dubbel",
      sessionDates: ["2099-01-05"],
      personIds: [a.personId],
    }),
  },
  "POST /api/cohorts/:cohortId/assessments": { as: "coordinator" },
  "POST /api/culture-scans": {
    as: "coordinator",
    body: (a) => ({ title: "Dubbel", teamIds: [a.teamId], opensOn: "2099-01-01", closesOn: "2099-02-01" }),
  },
  "POST /api/culture-scans/:scanId/actions": { as: "coordinator" },
  "POST /api/culture-scans/:scanId/reminders": { as: "coordinator" },
  "POST /api/trajectories/:trajectoryId/questions": { as: "coordinator" },
  "POST /api/trajectories/:trajectoryId/questions/import": { as: "coordinator" },
  "POST /api/trajectories/:trajectoryId/achievements": { as: "coordinator" },
  "POST /api/trajectories/:trajectoryId/kpis": { as: "coordinator" },
  "POST /api/trajectories/:trajectoryId/success-cases/interviews": { as: "coordinator" },
  "POST /api/action-plans": { as: "learner" },
  "POST /api/action-plans/:planId/applications": { as: "learner" },
  "POST /api/applications/:applicationId/confirmations": { as: "coordinator" },
  "POST /api/team/check-ins": { as: "coordinator" },
  "POST /api/coaching/relations": { as: "coordinator" },
  "POST /api/coaching/sessions": { as: "coordinator" },
  "POST /api/feedback-requests": { as: "learner" },
  "POST /api/feedback-requests/:requestId/answer": { as: "coordinator" },
  "POST /api/practice-answers": { as: "learner" },
  "POST /api/me/activities/:cohortId/:activityId/progress": { as: "learner" },
  "POST /api/me/activities/:cohortId/:activityId/test": { as: "learner" },
  "POST /api/me/activities/:cohortId/:activityId/survey": { as: "learner" },
  "POST /api/me/extra-material/:cohortId/:competenceId/done": { as: "learner" },
  // Refused here (no zip in the body): the harness checks that the refusal stores nothing.
  "POST /api/trajectories/:trajectoryId/packages": { as: "coordinator" },
  // Refused here (AI drafting is off in this organisation; the draft ids are not drafts): nothing may
  // change. Accepting once under concurrency, with AI on, is in ai-review.int.test.ts.
  "POST /api/trajectories/:trajectoryId/question-drafts": { as: "coordinator" },
  "POST /api/trajectories/:trajectoryId/question-drafts/:draftId/accept": { as: "coordinator" },
  "POST /api/trajectories/:trajectoryId/question-drafts/:draftId/reject": { as: "coordinator" },
};

/** Signed-in POSTs that create nothing and send nothing, or that are one-time by nature. */
const notCreating: Record<string, string> = {
  "POST /api/auth/sign-out": "ends the session; twice is the same as once",
  "POST /api/people/import/preview": "reads a file, stores nothing",
  "POST /api/credentials/verify": "checks a credential, stores nothing",
  "POST /api/trajectories/:trajectoryId/design-check":
    "checks a saved trajectory with its bank, stores nothing",
  "POST /api/sso/test":
    "starts a test at the provider (a sealed cookie, no row); a second start replaces the first, the result is one row per organisation",
  "POST /api/culture-scans/:scanId/close": "a state change that is the same when repeated",
  "POST /api/cohorts/:cohortId/cancel": "a state change that is the same when repeated; sends no email",
  "POST /api/trajectories/:trajectoryId/archive": "a state change that is the same when repeated",
  "POST /api/trajectories/:trajectoryId/restore": "a state change that is the same when repeated",
  "POST /api/trajectories/:trajectoryId/success-cases/interviews/:interviewId/final":
    "a state change: marking an interview final twice leaves it final",
  "POST /api/action-plans/:planId/archive": "archiving twice leaves the plan archived",
  "POST /api/action-plans/:planId/restore": "restoring twice leaves the plan restored",
  "POST /api/coaching/relations/:relationId/answer": "accepting twice is accepting",
  "POST /api/me/password": "changing to the same password twice leaves one password",
  "POST /api/me/sessions/sign-out-others": "ending other sessions twice ends them once",
  "POST /api/me/notices/:noticeId/read": "marking a notice read twice keeps the first time",
  "POST /api/me/notices/read": "marking all read twice leaves them read",
  "POST /api/xapi-clients":
    "creates once per key, but a replay cannot show the secret again (not stored): xapi-clients.int.test.ts",
  "POST /api/xapi-forwarding/test": "asks the external LRS's /about; stores and sends nothing",
  "POST /api/scim-tokens":
    "creates once per key, but a replay cannot show the token again (not stored): scim/tokens.int.test.ts",
  "POST /api/me/activities/:cohortId/:activityId/launch": "a signed address to play from; stores nothing",
  "POST /api/me/activities/:cohortId/:activityId/cmi":
    "the package's latest CMI state: the same commit twice leaves the same state (SCORM runtimes send no key)",
  "POST /api/cohorts/:cohortId/packages/:activityId/waive":
    "a waived AU stays waived: a repeat finds it so and issues no second statement (cmi5.int.test.ts)",
  "POST /api/auth/second-factor/start":
    "reads which factors the person has, or settles a remembered device once (the half session ends with it)",
  "POST /api/auth/second-factor/totp":
    "settles the session once: a second send finds it settled and the code spent (second-factor.int.test.ts)",
  "POST /api/auth/second-factor/recovery-code": "settles the session once and spends the code once",
  "POST /api/auth/second-factor/passkey": "settles the session once; the challenge is spent with it",
  "POST /api/auth/second-factor/passkey/options": "one challenge per session, replaced when asked again",
  "POST /api/me/second-factors/passkey/options": "one challenge per session, replaced when asked again",
  "POST /api/me/second-factors/totp":
    "one unconfirmed app per person (unique index): a new secret replaces the last, shown once",
  "POST /api/me/second-factors/totp/confirm":
    "confirms the one app once, but a replay cannot show the recovery codes again (not stored)",
  "POST /api/me/second-factors/passkey":
    "adds the passkey once (unique credential id), but a replay cannot show the recovery codes again",
  "POST /api/me/second-factors/recovery-codes":
    "replaces the person's set; a replay cannot show the new codes again (only hashes are kept)",
  "POST /api/people/:personId/sign-in-card":
    "runs once per key (one card), but a replay cannot repeat the PDF: its token is kept nowhere (decision 0024; sign-in-cards.int.test.ts)",
};

/** Tables that record the request itself, not what it does. */
const bookkeeping = ["idempotency_keys", "sessions"];

function signedInPosts(routes: RouteOptions[]): string[] {
  return routes
    .filter(
      (r) => r.url.startsWith("/api/") && (r.config as { access?: string } | undefined)?.access !== "public",
    )
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => `${m} ${r.url}`))
    .filter((key) => key.startsWith("POST "))
    .sort();
}

/** A refusal before the handler (validation) is not stored; its two answers differ only in requestId. */
const withoutRequestId = (body: string) => body.replace(/"requestId":"[^"]*"/, "");

function fillPath(url: string, a: Fixture): string {
  const ids: Record<string, string> = { ...a } as unknown as Record<string, string>;
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? "x");
}

describe("every write once", () => {
  const t = useTestApp();
  let a: Fixture;
  const cookies: Partial<Record<As, string>> = {};

  beforeAll(async () => {
    a = (await buildRichOrganisation(t.database.db)).fixture;
    cookies.coordinator = await t.signIn("coord@alpha.test");
    cookies.learner = await t.signIn("learner@alpha.test");
  });

  it("lists every signed-in POST as creating or not", () => {
    expect(signedInPosts(t.routes)).toEqual([...Object.keys(creating), ...Object.keys(notCreating)].sort());
  });

  it("runs a creating request once when it is sent twice at once with one key, and replays it after", async () => {
    const organisationId = (await t.database.db.query.organisations.findFirst({
      where: (o, { eq }) => eq(o.name, a.organisationName),
    }))!.id;
    const failures: string[] = [];
    let succeeded = 0;
    for (const [key, route] of Object.entries(creating)) {
      const url = fillPath(key.slice("POST ".length), a);
      const body = (route.body ?? probes[key]?.body)?.(a);
      const send = () =>
        t.app.inject({
          method: "POST",
          url,
          headers: {
            origin: TEST_ORIGIN,
            cookie: cookies[route.as]!,
            "idempotency-key": `double-click-${key.replace(/[^A-Za-z0-9]+/g, "-")}`,
          },
          ...(body === undefined ? {} : { payload: body as object }),
        });
      const before = await snapshotTenant(t.database.db, organisationId, bookkeeping);
      const [first, second] = await Promise.all([send(), send()]);
      const afterPair = await snapshotTenant(t.database.db, organisationId, bookkeeping);
      const third = await send();
      const afterThird = await snapshotTenant(t.database.db, organisationId, bookkeeping);
      const where = `${key} → ${first.statusCode}/${second.statusCode}`;
      if (
        first.statusCode !== second.statusCode ||
        withoutRequestId(first.body) !== withoutRequestId(second.body)
      )
        failures.push(`${where}: two different answers`);
      if (afterThird !== afterPair) failures.push(`${where}: the third send changed something`);
      if (first.statusCode < 300) {
        if (third.headers["idempotency-replayed"] !== "true")
          failures.push(`${where}: the third send was not a replay`);
        succeeded++;
        const replayed = [first, second].filter((r) => r.headers["idempotency-replayed"] === "true");
        if (replayed.length !== 1) failures.push(`${where}: ${replayed.length} replays in the pair`);
      } else if (afterPair !== before) failures.push(`${where}: refused, yet something changed`);
    }
    expect(failures).toEqual([]);
    // Seven fixtures do not fit this organisation's data (an assessment needs a competence-proof activity,
    // an interview consent, …); they are refused, and the harness then checks that nothing changed.
    expect(succeeded).toBeGreaterThanOrEqual(21);
  }, 180_000);

  it("refuses the same key with another request", async () => {
    const send = (name: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/teams",
        headers: {
          origin: TEST_ORIGIN,
          cookie: cookies.coordinator!,
          "idempotency-key": "same-key-other-body",
        },
        payload: { name },
      });
    expect((await send("Team Een")).statusCode).toBe(201);
    const other = await send("Team Twee");
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});
