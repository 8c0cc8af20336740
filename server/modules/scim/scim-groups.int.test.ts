import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildTeam } from "../../../test-support/factories.ts";
import { teamMemberships, teams } from "../../db/schema/index.ts";
import {
  ERROR,
  GROUP,
  entraUser,
  organisationWithScimToken,
  patchOps,
  scimCaller,
} from "../../../test-support/scim.ts";

type ScimGroup = { id: string; displayName: string; members?: { value: string; display: string }[] };

describe("/scim/v2/Groups", () => {
  const t = useTestApp();
  const call = caller(t);
  let setup: Awaited<ReturnType<typeof organisationWithScimToken>>;
  let scim: ReturnType<typeof scimCaller>;
  let anouk: string;
  let bram: string;

  beforeAll(async () => {
    setup = await organisationWithScimToken(t);
    scim = scimCaller(t, setup.token);
    anouk = (await scim("POST", "/Users", entraUser("anouk@example.test"))).json<{ id: string }>().id;
    bram = (await scim("POST", "/Users", entraUser("bram@example.test", { displayName: "Bram" }))).json<{
      id: string;
    }>().id;
  });

  const membersOf = async (teamId: string) =>
    (await t.database.db.select().from(teamMemberships).where(eq(teamMemberships.teamId, teamId)))
      .map((m) => m.personId)
      .sort();

  it("requires a valid Bearer token", async () => {
    const response = await scimCaller(t, null)("GET", "/Groups");
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ schemas: [ERROR] });
  });

  it("hides other organisations' data: another token neither finds nor changes a team", async () => {
    const team = await buildTeam(t.database.db, setup.organisation.id, { name: "Hidden team" });
    const other = scimCaller(t, (await organisationWithScimToken(t)).token);
    expect((await other("GET", `/Groups/${team.id}`)).statusCode).toBe(404);
    expect(
      (await other("GET", `/Groups?filter=${encodeURIComponent('displayName eq "Hidden team"')}`)).json(),
    ).toMatchObject({ totalResults: 0 });
    expect(
      (
        await other(
          "PATCH",
          `/Groups/${team.id}`,
          patchOps({ op: "Replace", path: "displayName", value: "Taken" }),
        )
      ).statusCode,
    ).toBe(404);
    expect((await other("DELETE", `/Groups/${team.id}`)).statusCode).toBe(404);
    const [still] = await t.database.db.select().from(teams).where(eq(teams.id, team.id));
    expect(still?.name).toBe("Hidden team");
  });

  it("creates a team with members, as Entra ID sends a group", async () => {
    const response = await scim("POST", "/Groups", {
      schemas: [GROUP],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Monteurs Noord",
      members: [{ value: anouk }],
    });
    expect(response.statusCode).toBe(201);
    const group = response.json<ScimGroup>();
    expect(group).toMatchObject({
      displayName: "Monteurs Noord",
      members: [{ value: anouk, display: "Anouk Jansen" }],
    });
    const list = (await call("GET", "/api/teams", setup.cookie)).json<{ id: string; name: string }[]>();
    expect(list.some((team) => team.id === group.id && team.name === "Monteurs Noord")).toBe(true);
    const found = await scim(
      "GET",
      `/Groups?filter=${encodeURIComponent('displayName eq "Monteurs Noord"')}&excludedAttributes=members`,
    );
    expect(found.json()).toMatchObject({ totalResults: 1, Resources: [{ id: group.id }] });
    expect(found.json<{ Resources: ScimGroup[] }>().Resources[0]!.members).toBeUndefined();
    const again = await scim("POST", "/Groups", { schemas: [GROUP], displayName: "Monteurs Noord" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ scimType: "uniqueness" });
  });

  it("adds and removes members with PATCH (204), and keeps a manager who stays", async () => {
    const team = await buildTeam(t.database.db, setup.organisation.id, {
      name: "Kantoor",
      managerIds: [setup.coordinator.id],
    });
    const add = await scim(
      "PATCH",
      `/Groups/${team.id}`,
      patchOps({ op: "Add", path: "members", value: [{ value: anouk }, { value: bram }] }),
    );
    expect(add.statusCode).toBe(204);
    expect(await membersOf(team.id)).toEqual([anouk, bram, setup.coordinator.id].sort());
    const remove = await scim(
      "PATCH",
      `/Groups/${team.id}`,
      patchOps({ op: "Remove", path: "members", value: [{ value: anouk }] }),
    );
    expect(remove.statusCode).toBe(204);
    await scim(
      "PATCH",
      `/Groups/${team.id}`,
      patchOps({ op: "Remove", path: `members[value eq "${bram}"]` }),
    );
    expect(await membersOf(team.id)).toEqual([setup.coordinator.id]);
    const [manager] = await t.database.db
      .select()
      .from(teamMemberships)
      .where(eq(teamMemberships.teamId, team.id));
    expect(manager?.isManager).toBe(true);
    const rename = await scim(
      "PATCH",
      `/Groups/${team.id}`,
      patchOps({ op: "Replace", path: "displayName", value: "Kantoor Zuid" }),
    );
    expect(rename.statusCode).toBe(204);
    expect((await scim("GET", `/Groups/${team.id}`)).json()).toMatchObject({ displayName: "Kantoor Zuid" });
  });

  it("refuses an unknown member and changes nothing", async () => {
    const team = await buildTeam(t.database.db, setup.organisation.id, { memberIds: [anouk] });
    for (const value of ["not-an-id", "00000000-0000-4000-8000-000000000000"]) {
      const response = await scim(
        "PATCH",
        `/Groups/${team.id}`,
        patchOps({ op: "Add", path: "members", value: [{ value: bram }, { value }] }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ schemas: [ERROR], scimType: "invalidValue" });
    }
    expect(await membersOf(team.id)).toEqual([anouk]);
  });

  it("deletes a team; its people stay", async () => {
    const team = await buildTeam(t.database.db, setup.organisation.id, { memberIds: [anouk] });
    expect((await scim("DELETE", `/Groups/${team.id}`)).statusCode).toBe(204);
    expect((await scim("GET", `/Groups/${team.id}`)).statusCode).toBe(404);
    expect((await scim("GET", `/Users/${anouk}`)).statusCode).toBe(200);
  });

  it("answers malformed groups with SCIM errors", async () => {
    const bad = [
      await scim("POST", "/Groups", "{nope"),
      await scim("POST", "/Groups", { schemas: [GROUP] }),
      await scim("POST", "/Groups", {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        displayName: "X",
      }),
      await scim("POST", "/Groups", {
        schemas: [GROUP],
        displayName: "Y",
        members: [{ display: "no value" }],
      }),
      await scim("GET", `/Groups?filter=${encodeURIComponent('members eq "x"')}`),
    ];
    expect(bad.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400]);
    for (const response of bad) expect(response.json()).toMatchObject({ schemas: [ERROR], status: "400" });
  });
});

describe("/scim/v2 discovery", () => {
  const t = useTestApp();

  it("describes what is supported: PATCH and filters, no bulk, a Bearer token", async () => {
    const scim = scimCaller(t, (await organisationWithScimToken(t)).token);
    expect((await scim("GET", "/ServiceProviderConfig")).json()).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true },
      authenticationSchemes: [{ type: "oauthbearertoken" }],
    });
    expect((await scim("GET", "/ResourceTypes")).json()).toMatchObject({ totalResults: 2 });
    expect((await scim("GET", "/ResourceTypes/User")).json()).toMatchObject({ endpoint: "/Users" });
    expect((await scim("GET", "/Schemas")).json()).toMatchObject({ totalResults: 2 });
    expect((await scim("GET", `/Schemas/${GROUP}`)).json()).toMatchObject({ name: "Group" });
    expect((await scim("GET", "/Schemas/urn:nope")).statusCode).toBe(404);
  });
});
