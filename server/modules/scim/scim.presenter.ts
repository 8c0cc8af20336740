import { GROUP_SCHEMA, USER_SCHEMA } from "./resources.ts";

/** What the directory sees of people and teams (RFC 7643): never a row, never a hash or a role. */

export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export interface UserView {
  id: string;
  email: string;
  name: string;
  status: "invited" | "active" | "deactivated";
  createdAt: Date;
  updatedAt: Date;
  userName: string | null;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
}

export function presentUser(user: UserView, base: string) {
  return {
    schemas: [USER_SCHEMA],
    id: user.id,
    ...(user.externalId ? { externalId: user.externalId } : {}),
    // A person the directory has not written yet answers with their address (so `userName eq` finds them).
    userName: user.userName ?? user.email,
    name: {
      formatted: user.name,
      ...(user.givenName ? { givenName: user.givenName } : {}),
      ...(user.familyName ? { familyName: user.familyName } : {}),
    },
    displayName: user.name,
    emails: [{ value: user.email, type: "work", primary: true }],
    active: user.status !== "deactivated",
    meta: {
      resourceType: "User",
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${base}/Users/${user.id}`,
    },
  };
}

export interface GroupView {
  id: string;
  name: string;
  externalId: string | null;
  createdAt: Date;
  members: { id: string; name: string }[];
}

export function presentGroup(group: GroupView, base: string, options: { members: boolean }) {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.name,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    ...(options.members
      ? {
          members: group.members.map((m) => ({
            value: m.id,
            display: m.name,
            $ref: `${base}/Users/${m.id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: group.createdAt.toISOString(),
      lastModified: group.createdAt.toISOString(),
      location: `${base}/Groups/${group.id}`,
    },
  };
}

export function presentList<T>(resources: T[], page: { startIndex: number; totalResults: number }) {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: page.totalResults,
    startIndex: page.startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
