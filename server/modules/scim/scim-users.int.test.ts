import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import { auditEvents, persons, scimUsers, sessions } from "../../db/schema/index.ts";
import {
  ERROR,
  USER,
  entraUser,
  organisationWithScimToken,
  patchOps,
  scimCaller,
} from "../../../test-support/scim.ts";

type ScimUser = {
  id: string;
  userName: string;
  active: boolean;
  displayName: string;
  emails: { value: string }[];
};
type ListResponse<T> = { totalResults: number; Resources: T[] };

describe("/scim/v2/Users", () => {
  const t = useTestApp();
  const call = caller(t);
  let setup: Awaited<ReturnType<typeof organisationWithScimToken>>;
  let scim: ReturnType<typeof scimCaller>;

  beforeAll(async () => {
    setup = await organisationWithScimToken(t);
    scim = scimCaller(t, setup.token);
  });

  it("requires a valid Bearer token, answered as a SCIM error", async () => {
    for (const token of [null, "not-a-token-but-long-enough", `${setup.token}x`]) {
      const response = await scimCaller(t, token)("GET", "/Users");
      expect(response.statusCode).toBe(401);
      expect(response.headers["content-type"]).toContain("application/scim+json");
      expect(response.json()).toMatchObject({ schemas: [ERROR], status: "401" });
    }
    // The session cookie is no way in.
    const cookie = await t.app.inject({
      method: "GET",
      url: "/scim/v2/Users",
      headers: { cookie: setup.cookie },
    });
    expect(cookie.statusCode).toBe(401);
  });

  it("hides other organisations' data: another organisation's token finds none of these people", async () => {
    const created = (await scim("POST", "/Users", entraUser("hidden@a.test"))).json<ScimUser>();
    const other = await organisationWithScimToken(t);
    const outsider = scimCaller(t, other.token);
    expect((await outsider("GET", `/Users/${created.id}`)).statusCode).toBe(404);
    const list = (
      await outsider("GET", `/Users?filter=${encodeURIComponent('userName eq "hidden@a.test"')}`)
    ).json<ListResponse<ScimUser>>();
    expect(list.totalResults).toBe(0);
    expect(
      (
        await outsider(
          "PATCH",
          `/Users/${created.id}`,
          patchOps({ op: "Replace", path: "active", value: "False" }),
        )
      ).statusCode,
    ).toBe(404);
    expect((await outsider("DELETE", `/Users/${created.id}`)).statusCode).toBe(404);
    expect((await scim("GET", `/Users/${created.id}`)).json()).toMatchObject({ active: true });
  });

  it("creates a learner from Entra ID's documented request and finds them by userName eq", async () => {
    const response = await scim("POST", "/Users", entraUser("Anouk.Jansen@Example.test"));
    expect(response.statusCode).toBe(201);
    const user = response.json<ScimUser>();
    expect(response.headers.location).toBe(`http://localhost:3000/scim/v2/Users/${user.id}`);
    expect(user).toMatchObject({
      schemas: [USER],
      userName: "Anouk.Jansen@Example.test",
      externalId: "ext-Anouk.Jansen@Example.test",
      active: true,
      displayName: "Anouk Jansen",
      emails: [{ value: "anouk.jansen@example.test", primary: true }],
    });
    // Entra asks with its own capitals; user names compare without case.
    const found = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "anouk.jansen@example.test"')}`,
    );
    expect(found.json()).toMatchObject({ totalResults: 1, Resources: [{ id: user.id }] });
    const none = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "nobody@example.test"')}`,
    );
    expect(none.json()).toMatchObject({ totalResults: 0, Resources: [] });
    const people = (await call("GET", "/api/people", setup.cookie)).json<{ id: string; roles: string[] }[]>();
    expect(people.find((p) => p.id === user.id)?.roles).toEqual(["learner"]);
  });

  it("makes one person for a repeated create: the second answers 409 uniqueness", async () => {
    const body = entraUser("twice@example.test");
    const [first, second] = await Promise.all([scim("POST", "/Users", body), scim("POST", "/Users", body)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const conflict = [first, second].find((r) => r.statusCode === 409)!;
    expect(conflict.json()).toMatchObject({ schemas: [ERROR], status: "409", scimType: "uniqueness" });
    const rows = await t.database.db.select().from(persons).where(eq(persons.email, "twice@example.test"));
    expect(rows).toHaveLength(1);
  });

  it("adopts a person Beklijf already has with that address, keeping their id", async () => {
    const existing = await buildLearner(t.database.db, setup.organisation.id, {
      email: "existing@example.test",
    });
    const found = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "existing@example.test"')}`,
    );
    expect(found.json()).toMatchObject({ totalResults: 1, Resources: [{ id: existing.id, active: true }] });
    const created = await scim("POST", "/Users", entraUser("existing@example.test"));
    expect(created.statusCode).toBe(201);
    expect(created.json<ScimUser>().id).toBe(existing.id);
  });

  it("deactivates on Entra's PATCH replace active \"False\" and ends the person's sessions at once", async () => {
    const learner = await buildLearner(t.database.db, setup.organisation.id, {
      email: "leaver@example.test",
    });
    const cookie = await t.signIn(learner.email);
    expect((await call("GET", "/api/me", cookie)).statusCode).toBe(200);
    const response = await scim(
      "PATCH",
      `/Users/${learner.id}`,
      patchOps({ op: "Replace", path: "active", value: "False" }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ active: false });
    expect((await call("GET", "/api/me", cookie)).statusCode).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.personId, learner.id))).toEqual([]);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, learner.id));
    expect(audit).toMatchObject({ action: "person.deactivated", actorId: null, details: { via: "scim" } });
    const again = await scim(
      "PATCH",
      `/Users/${learner.id}`,
      patchOps({ op: "replace", value: { active: true } }),
    );
    expect(again.json()).toMatchObject({ active: true });
  });

  it("changes the address on the same person, so their history stays theirs", async () => {
    const user = (await scim("POST", "/Users", entraUser("old.name@example.test"))).json<ScimUser>();
    const response = await scim(
      "PATCH",
      `/Users/${user.id}`,
      patchOps(
        { op: "Replace", path: 'emails[type eq "work"].value', value: "new.name@example.test" },
        { op: "Replace", path: "userName", value: "new.name@example.test" },
        { op: "Replace", path: "name.givenName", value: "Noor" },
      ),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: user.id,
      userName: "new.name@example.test",
      displayName: "Noor Jansen",
      emails: [{ value: "new.name@example.test" }],
    });
    const [person] = await t.database.db.select().from(persons).where(eq(persons.id, user.id));
    expect(person).toMatchObject({ email: "new.name@example.test", name: "Noor Jansen" });
  });

  it("refuses an address another person has, and changes nothing", async () => {
    await buildLearner(t.database.db, setup.organisation.id, { email: "taken@example.test" });
    const user = (await scim("POST", "/Users", entraUser("free@example.test"))).json<ScimUser>();
    const response = await scim(
      "PATCH",
      `/Users/${user.id}`,
      patchOps({ op: "Replace", path: "emails", value: [{ value: "taken@example.test", primary: true }] }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ scimType: "uniqueness" });
    expect((await scim("GET", `/Users/${user.id}`)).json()).toMatchObject({
      emails: [{ value: "free@example.test" }],
    });
  });

  it("replaces a whole user with PUT", async () => {
    const user = (await scim("POST", "/Users", entraUser("put@example.test"))).json<ScimUser>();
    const response = await scim(
      "PUT",
      `/Users/${user.id}`,
      entraUser("put@example.test", { displayName: "Pim Put", active: false }),
    );
    expect(response.json()).toMatchObject({ displayName: "Pim Put", active: false });
  });

  it("never lets the directory deactivate the last active coordinator", async () => {
    const response = await scim(
      "PATCH",
      `/Users/${setup.coordinator.id}`,
      patchOps({ op: "Replace", path: "active", value: false }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ schemas: [ERROR], scimType: "mutability" });
    expect((await call("GET", "/api/me", setup.cookie)).statusCode).toBe(200);
  });

  it("deletes a user: deactivated and gone for SCIM, history kept, and provisioned again on a new create", async () => {
    const user = (await scim("POST", "/Users", entraUser("gone@example.test"))).json<ScimUser>();
    expect((await scim("DELETE", `/Users/${user.id}`)).statusCode).toBe(204);
    expect((await scim("GET", `/Users/${user.id}`)).statusCode).toBe(404);
    const [person] = await t.database.db.select().from(persons).where(eq(persons.id, user.id));
    expect(person).toMatchObject({ status: "deactivated", email: "gone@example.test" });
    const back = await scim("POST", "/Users", entraUser("gone@example.test"));
    expect(back.json()).toMatchObject({ id: user.id, active: true });
    // A deleted user's name may go to a new person; the deleted one stays gone for SCIM.
    const left = (await scim("POST", "/Users", entraUser("left@example.test"))).json<ScimUser>();
    await scim("DELETE", `/Users/${left.id}`);
    const reused = await scim(
      "POST",
      "/Users",
      entraUser("left@example.test", { emails: [{ value: "newcomer@example.test", primary: true }] }),
    );
    expect(reused.statusCode).toBe(201);
    expect(reused.json<ScimUser>().id).not.toBe(left.id);
    expect((await scim("GET", `/Users/${left.id}`)).statusCode).toBe(404);
  });

  it("puts the directory's names in the person's data export and forgets them on erasure", async () => {
    const user = (await scim("POST", "/Users", entraUser("gdpr@example.test"))).json<ScimUser>();
    const exported = await call("GET", `/api/people/${user.id}/export`, setup.cookie);
    expect(exported.json()).toMatchObject({
      directoryAccounts: [{ userName: "gdpr@example.test", externalId: "ext-gdpr@example.test" }],
    });
    expect((await call("DELETE", `/api/people/${user.id}`, setup.cookie)).statusCode).toBe(204);
    expect(await t.database.db.select().from(scimUsers).where(eq(scimUsers.personId, user.id))).toEqual([]);
    expect((await scim("GET", `/Users/${user.id}`)).statusCode).toBe(404);
    const found = await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "gdpr@example.test"')}`);
    expect(found.json()).toMatchObject({ totalResults: 0 });
  });

  it("pages the list with startIndex and count", async () => {
    const page = (await scim("GET", "/Users?startIndex=2&count=1")).json<
      ListResponse<ScimUser> & { startIndex: number; itemsPerPage: number }
    >();
    expect(page).toMatchObject({ startIndex: 2, itemsPerPage: 1 });
    expect(page.totalResults).toBeGreaterThan(2);
    const counted = (await scim("GET", "/Users?count=0")).json<ListResponse<ScimUser>>();
    expect(counted.Resources).toEqual([]);
  });

  describe("malformed requests get SCIM errors, never a 5xx, and change nothing", () => {
    const cases: [string, () => ReturnType<ReturnType<typeof scimCaller>>, number, string?][] = [
      ["bad JSON", () => scim("POST", "/Users", '{"schemas": ['), 400, "invalidSyntax"],
      ["a body that is not an object", () => scim("POST", "/Users", "[1,2]"), 400, "invalidSyntax"],
      [
        "the wrong schema",
        () => scim("POST", "/Users", { ...entraUser("x@example.test"), schemas: ["urn:nope"] }),
        400,
        "invalidSyntax",
      ],
      [
        "no userName",
        () => scim("POST", "/Users", { ...entraUser("y@example.test"), userName: undefined }),
        400,
        "invalidValue",
      ],
      [
        "a userName that is a number",
        () => scim("POST", "/Users", { ...entraUser("z@example.test"), userName: 42 }),
        400,
        "invalidValue",
      ],
      [
        "no address anywhere",
        () => scim("POST", "/Users", { schemas: [USER], userName: "no-address" }),
        400,
        "invalidValue",
      ],
      [
        "active that is not a boolean",
        () => scim("POST", "/Users", { ...entraUser("w@example.test"), active: "maybe" }),
        400,
        "invalidValue",
      ],
      [
        "an unknown filter operator",
        () => scim("GET", `/Users?filter=${encodeURIComponent('userName co "a"')}`),
        400,
        "invalidFilter",
      ],
      [
        "a filter on an unknown attribute",
        () => scim("GET", `/Users?filter=${encodeURIComponent('title eq "x"')}`),
        400,
        "invalidFilter",
      ],
      [
        "a filter with a broken string",
        () => scim("GET", `/Users?filter=${encodeURIComponent('userName eq "a')}`),
        400,
        "invalidFilter",
      ],
      ["a count that is not a number", () => scim("GET", "/Users?count=many"), 400, "invalidValue"],
      [
        "a startIndex beyond any page",
        () => scim("GET", "/Users?startIndex=100000000000000000000"),
        400,
        "invalidValue",
      ],
      [
        "a NUL character",
        () => scim("POST", "/Users", { ...entraUser("n@example.test"), displayName: "a\u0000b" }),
        400,
        "invalidValue",
      ],
      [
        "a PATCH without Operations",
        () =>
          scim("PATCH", `/Users/${setup.coordinator.id}`, {
            schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          }),
        400,
        "invalidSyntax",
      ],
      [
        "a PATCH with an unknown op",
        () =>
          scim(
            "PATCH",
            `/Users/${setup.coordinator.id}`,
            patchOps({ op: "Move", path: "active", value: true }),
          ),
        400,
        "invalidSyntax",
      ],
      [
        "a body over a megabyte",
        () =>
          scim(
            "POST",
            "/Users",
            JSON.stringify({ ...entraUser("big@example.test"), displayName: "x".repeat(1_100_000) }),
          ),
        413,
      ],
      ["a text body", () => scim("POST", "/Users", "hello", { "content-type": "text/plain" }), 415],
      ["an id that is no id", () => scim("GET", "/Users/not-an-id"), 404],
      ["an unknown resource", () => scim("GET", "/Widgets"), 404],
      ["an unsupported method", () => scim("PUT", "/Users", entraUser("m@example.test")), 405],
    ];
    it.each(cases)("%s", async (_name, send, status, scimType) => {
      const before = await t.database.db.select().from(persons);
      const response = await send();
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toContain("application/scim+json");
      expect(response.json()).toMatchObject({
        schemas: [ERROR],
        status: String(status),
        ...(scimType ? { scimType } : {}),
      });
      expect(await t.database.db.select().from(persons)).toEqual(before);
    });
  });
});
