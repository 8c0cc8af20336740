import { describe, expect, it } from "vitest";
import { parseFilter } from "./filter.ts";
import { parseOperations, patchGroup, patchUser } from "./patch.ts";
import { type UserState, parseUser, personEmail, personName } from "./resources.ts";
import { ScimError } from "./scim-errors.ts";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ops = (...Operations: unknown[]) => parseOperations({ schemas: [PATCH], Operations });

const anouk: UserState = {
  userName: "anouk@example.test",
  externalId: null,
  active: true,
  email: "anouk@example.test",
  givenName: "Anouk",
  familyName: "Jansen",
  displayName: null,
};

const scimTypeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof ScimError ? error.scimType : "not a SCIM error";
  }
  return "no error";
};

describe("PATCH of a user (Entra ID's shapes)", () => {
  it('reads Entra\'s capitalised "Replace" with the string "False" as a deactivation', () => {
    expect(patchUser(anouk, ops({ op: "Replace", path: "active", value: "False" })).active).toBe(false);
    expect(patchUser(anouk, ops({ op: "replace", path: "active", value: "True" })).active).toBe(true);
  });

  it("takes a pathless value object, with dotted keys", () => {
    const next = patchUser(anouk, ops({ op: "Replace", value: { active: false, "name.givenName": "Noor" } }));
    expect(next).toMatchObject({ active: false, givenName: "Noor" });
    expect(personName(next)).toBe("Noor Jansen");
  });

  it("changes the work address through the filtered path", () => {
    const next = patchUser(
      anouk,
      ops({ op: "Replace", path: 'emails[type eq "work"].value', value: "new@example.test" }),
    );
    expect(personEmail(next)).toBe("new@example.test");
  });

  it("ignores attributes Beklijf does not keep, so a default mapping does not fail the sync", () => {
    const next = patchUser(
      anouk,
      ops(
        { op: "Add", path: "title", value: "Monteur" },
        {
          op: "Replace",
          path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
          value: "Noord",
        },
      ),
    );
    expect(next).toEqual(anouk);
  });

  it("refuses malformed operations", () => {
    expect(scimTypeOf(() => ops({ op: "Move", path: "active" }))).toBe("invalidSyntax");
    expect(scimTypeOf(() => ops({ op: "Replace", value: "x" }))).toBe("invalidSyntax");
    expect(scimTypeOf(() => parseOperations({ schemas: [PATCH], Operations: [] }))).toBe("invalidSyntax");
    expect(scimTypeOf(() => parseOperations({ Operations: [{ op: "add" }] }))).toBe("invalidSyntax");
    expect(scimTypeOf(() => patchUser(anouk, ops({ op: "Replace", path: "active", value: "maybe" })))).toBe(
      "invalidValue",
    );
    expect(scimTypeOf(() => patchUser(anouk, ops({ op: "Remove", path: "userName" })))).toBe("invalidValue");
  });
});

describe("PATCH of a group", () => {
  const group = { displayName: "Noord", externalId: null, memberIds: ["a", "b"] };

  it("adds, removes by value, removes by filter, and replaces members", () => {
    expect(
      patchGroup(group, ops({ op: "Add", path: "members", value: [{ value: "c" }, { value: "a" }] }))
        .memberIds,
    ).toEqual(["a", "b", "c"]);
    expect(
      patchGroup(group, ops({ op: "Remove", path: "members", value: [{ value: "a" }] })).memberIds,
    ).toEqual(["b"]);
    expect(patchGroup(group, ops({ op: "Remove", path: 'members[value eq "b"]' })).memberIds).toEqual(["a"]);
    expect(
      patchGroup(group, ops({ op: "Replace", path: "members", value: [{ value: "z" }] })).memberIds,
    ).toEqual(["z"]);
    expect(patchGroup(group, ops({ op: "Remove", path: "members" })).memberIds).toEqual([]);
  });

  it("renames through a path or a value object", () => {
    expect(patchGroup(group, ops({ op: "Replace", path: "displayName", value: "Zuid" })).displayName).toBe(
      "Zuid",
    );
    expect(
      patchGroup(group, ops({ op: "Replace", value: { displayName: "Oost", externalId: "x1" } })),
    ).toMatchObject({ displayName: "Oost", externalId: "x1" });
    expect(scimTypeOf(() => patchGroup(group, ops({ op: "Remove", path: "displayName" })))).toBe(
      "invalidValue",
    );
  });
});

describe("users as POSTed", () => {
  it("names the person from the display name, else the name parts, else the formatted name", () => {
    const base = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "x@example.test" };
    expect(personName(parseUser({ ...base, displayName: "Mo", name: { givenName: "M" } }))).toBe("Mo");
    expect(
      personName(parseUser({ ...base, name: { givenName: "Anouk", familyName: "Jansen", formatted: "AJ" } })),
    ).toBe("Anouk Jansen");
    expect(personName(parseUser({ ...base, name: { formatted: "A. Jansen" } }))).toBe("A. Jansen");
    expect(personName(parseUser(base))).toBe("x@example.test");
  });

  it("takes the primary address, else the work one, else the user name when it is an address", () => {
    const base = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "upn@example.test" };
    const emails = [
      { value: "home@example.test", type: "home" },
      { value: "work@example.test", type: "work" },
    ];
    expect(personEmail(parseUser({ ...base, emails }))).toBe("work@example.test");
    expect(
      personEmail(parseUser({ ...base, emails: [...emails, { value: "p@example.test", primary: "True" }] })),
    ).toBe("p@example.test");
    expect(personEmail(parseUser(base))).toBe("upn@example.test");
  });
});

describe("filters", () => {
  it('reads attribute eq "value" with any case of the attribute and escaped quotes', () => {
    expect(parseFilter('userName eq "a@b.test"', ["username"])).toEqual({
      attribute: "username",
      value: "a@b.test",
    });
    expect(parseFilter('UserName EQ "say \\"hi\\""', ["username"])).toEqual({
      attribute: "username",
      value: 'say "hi"',
    });
    expect(parseFilter(undefined, ["username"])).toBeNull();
  });

  it("refuses what it does not support rather than guessing", () => {
    for (const filter of [
      'userName co "a"',
      'userName eq "a" and active eq true',
      'title eq "x"',
      "userName eq a",
      'userName eq "a',
    ])
      expect(scimTypeOf(() => parseFilter(filter, ["username"]))).toBe("invalidFilter");
  });
});
