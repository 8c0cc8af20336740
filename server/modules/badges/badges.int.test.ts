import { beforeAll, describe, expect, it } from "vitest";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildLearner, buildOrganisation, buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { type CohortFixture, organisationWithCohort } from "../../../test-support/learning.ts";
import { achievementCredentialProblems } from "../../../test-support/open-badges-schema.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";

describe("competence badges as Open Badges 3.0 credentials", () => {
  const t = useTestApp();
  const call = caller(t);
  let designer: string;
  let learner: string;
  let manager: string;
  let organisationId: string;
  let setup: CohortFixture;

  beforeAll(async () => {
    const db = t.database.db;
    setup = await organisationWithCohort(t, {
      organisation: { name: "Gamma Service" },
      learners: [{ email: "lena@badges.test" }],
    });
    organisationId = setup.organisation.id;
    designer = setup.designer.cookie;
    learner = setup.learners[0]!.cookie;
    const managerRow = await buildPerson(db, {
      organisationId,
      roles: ["manager"],
      email: "max@badges.test",
    });
    await buildTeam(db, organisationId, { managerIds: [managerRow.id], memberIds: [setup.learners[0]!.id] });
    manager = await t.signIn(managerRow.email);
  });

  it("lets a designer define a badge with an evidence rule, and refuses a rule without evidence", async () => {
    const url = `/api/trajectories/${setup.trajectory.id}/achievements`;
    const badge = {
      competenceId: setup.competenceIds[0],
      name: "Calm under pressure",
      description: "Calms an upset customer and agrees a next step.",
      criteria: "One application of an if-then plan, seen and confirmed by the manager.",
      requiresProof: false,
      minConfirmedApplications: 1,
    };
    const empty = await call("POST", url, designer, { ...badge, minConfirmedApplications: 0 }, "nl");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].code).toBe("rule_needs_evidence");
    expect((await call("POST", url, learner, badge)).statusCode).toBe(403);
    const created = await call("POST", url, designer, badge);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject([{ name: "Calm under pressure", awarded: 0 }]);
  });

  it("awards the badge when the manager confirms an application, as a verifiable OB 3.0 credential", async () => {
    const before = (await call("GET", "/api/me/credentials", learner)).json();
    expect(before).toEqual({
      credentials: [],
      inProgress: [
        expect.objectContaining({
          name: "Calm under pressure",
          met: false,
          rules: [{ rule: "confirmed-applications", met: false, have: 0, needed: 1 }],
        }),
      ],
    });
    const plan = await call("POST", "/api/action-plans", learner, {
      situation: "When a customer calls about a late repair",
      action: "I first name the frustration",
      firstMoment: t.clock.now.toISOString(),
      cohortId: setup.cohortId,
      competenceId: setup.competenceIds[0],
    });
    // The plan's moment has come: Today reminds the learner to log it.
    const todayBefore = (await call("GET", "/api/me/today", learner)).json<{
      items: { kind: string; href: string }[];
    }>();
    expect(todayBefore.items).toContainEqual(expect.objectContaining({ kind: "plan", href: "/plans" }));
    const applied = await call(
      "POST",
      `/api/action-plans/${plan.json<{ id: string }>().id}/applications`,
      learner,
      {
        occurredAt: t.clock.now.toISOString(),
        whatHappened: "It worked",
        outcome: "went-well",
      },
    );
    // Logged but not yet confirmed: still one confirmed application to go, and no badge.
    expect((await call("GET", "/api/me/credentials", learner)).json()).toMatchObject({
      credentials: [],
      inProgress: [{ rules: [{ have: 0, needed: 1 }] }],
    });
    const todayAfter = (await call("GET", "/api/me/today", learner)).json<{ items: { kind: string }[] }>();
    expect(todayAfter.items.map((item) => item.kind)).not.toContain("plan");
    await call("POST", `/api/applications/${applied.json<{ id: string }>().id}/confirmations`, manager);
    const { credentials, inProgress } = (await call("GET", "/api/me/credentials", learner)).json<{
      credentials: Record<string, unknown>[];
      inProgress: unknown[];
    }>();
    expect(credentials).toHaveLength(1);
    // Nothing remains, so the badge is awarded: it leaves the badges in progress.
    expect(inProgress).toEqual([]);
    const [credential] = credentials;
    expect(credential).toMatchObject({
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: `${TEST_ORIGIN}/api/issuers/${organisationId}`, name: "Gamma Service" },
      name: "Calm under pressure",
      proof: [
        { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", proofPurpose: "assertionMethod" },
      ],
    });
    expect(achievementCredentialProblems(credential!)).toEqual([]);
    expect(JSON.stringify(credential)).not.toContain("lena@badges.test");
    const verified = await call("POST", "/api/credentials/verify", learner, { credential });
    expect(verified.json()).toEqual({
      verified: true,
      issuer: "Gamma Service",
      achievement: "Calm under pressure",
      problems: [],
    });
    const tampered = await call("POST", "/api/credentials/verify", learner, {
      credential: { ...credential, name: "CEO" },
    });
    expect(tampered.json().verified).toBe(false);
    const issuer = await t.app.inject({ method: "GET", url: `/api/issuers/${organisationId}` });
    expect(issuer.json()).toMatchObject({ id: `${TEST_ORIGIN}/api/issuers/${organisationId}` });
    expect(JSON.stringify(issuer.json())).not.toContain("secretKey");
  });

  it("resolves the credential's issuer id to a Profile and its achievement id to the Achievement", async () => {
    const [credential] = (await call("GET", "/api/me/credentials", learner)).json<{
      credentials: {
        issuer: { id: string };
        credentialSubject: { achievement: { id: string } };
        proof: { verificationMethod: string }[];
      }[];
    }>().credentials;
    const get = (url: string) => t.app.inject({ method: "GET", url: url.slice(TEST_ORIGIN.length) });
    const issuer = await get(credential!.issuer.id);
    expect(issuer.statusCode).toBe(200);
    expect(issuer.json()).toMatchObject({
      id: credential!.issuer.id,
      type: ["Profile"],
      name: "Gamma Service",
      assertionMethod: [credential!.proof[0]!.verificationMethod],
    });
    const achievement = await get(credential!.credentialSubject.achievement.id);
    expect(achievement.statusCode).toBe(200);
    expect(achievement.json()).toMatchObject({
      id: credential!.credentialSubject.achievement.id,
      type: ["Achievement"],
      name: "Calm under pressure",
      description: "Calms an upset customer and agrees a next step.",
      criteria: { narrative: "One application of an if-then plan, seen and confirmed by the manager." },
      creator: { id: credential!.issuer.id, type: ["Profile"], name: "Gamma Service" },
    });
    const elsewhere = await buildOrganisation(t.database.db);
    const wrongOrganisation = credential!.credentialSubject.achievement.id.replace(
      organisationId,
      elsewhere.id,
    );
    expect((await get(wrongOrganisation)).statusCode).toBe(404);
  });

  it("keeps credentials to their owner", async () => {
    const other = await outsiderCookie(t, buildLearner);
    expect((await call("GET", "/api/me/credentials", other)).json()).toEqual({
      credentials: [],
      inProgress: [],
    });
    expect((await call("GET", "/api/me/credentials", manager)).json()).toEqual({
      credentials: [],
      inProgress: [],
    });
  });
});
