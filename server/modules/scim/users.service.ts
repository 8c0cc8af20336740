import { type SQL, and, asc, count, eq, isNull, or, sql } from "drizzle-orm";
import { recordAudit } from "../../audit.ts";
import { personRoles, persons, scimUsers } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { endAllSessions } from "../auth/index.ts";
import { assertAnotherCoordinatorRemains } from "../organisations/index.ts";
import { type Paging, type ScimContext, once, viaScim } from "./context.ts";
import { parseFilter } from "./filter.ts";
import { type Operation, patchUser as applyPatch } from "./patch.ts";
import { type UserState, joinedName, parseUser, personEmail, personName } from "./resources.ts";
import { ScimError, notFoundScim, taken } from "./scim-errors.ts";
import { presentList, presentUser } from "./scim.presenter.ts";

/**
 * People through SCIM (decision 0027). Every person of the organisation is a User (so a directory that
 * matches by `userName eq` before creating finds the people Beklijf already has, and adopts them instead
 * of making a second one); erased people and users the directory deleted are not. A User's id is the
 * person's id. New people are learners; SCIM never grants or removes a role.
 */

const USER_FILTERS = ["username", "externalid", "emails.value"] as const;

const userFields = {
  id: persons.id,
  email: persons.email,
  name: persons.name,
  status: persons.status,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
  hasPassword: sql<boolean>`${persons.passwordHash} IS NOT NULL`,
  userName: scimUsers.userName,
  externalId: scimUsers.externalId,
  givenName: scimUsers.givenName,
  familyName: scimUsers.familyName,
};

const visible = (tenant: Tenant, ...conditions: (SQL | undefined)[]) =>
  tenant.where(persons, isNull(persons.erasedAt), isNull(scimUsers.deletedAt), ...conditions);

function selectUsers(tenant: Tenant, ...conditions: (SQL | undefined)[]) {
  return tenant.db
    .select(userFields)
    .from(persons)
    .leftJoin(scimUsers, tenant.refersTo(scimUsers.personId, persons))
    .where(visible(tenant, ...conditions));
}

function countUsers(tenant: Tenant, condition: SQL | undefined) {
  return tenant.db
    .select({ total: count() })
    .from(persons)
    .leftJoin(scimUsers, tenant.refersTo(scimUsers.personId, persons))
    .where(visible(tenant, condition));
}

type UserRow = Awaited<ReturnType<typeof selectUsers>>[number];

function filterCondition(filter: string | undefined): SQL | undefined {
  const parsed = parseFilter(filter, USER_FILTERS);
  if (!parsed) return undefined;
  const value = parsed.value.trim().toLowerCase();
  if (parsed.attribute === "externalid") return eq(scimUsers.externalId, parsed.value);
  if (parsed.attribute === "emails.value") return eq(persons.email, value);
  // userName: the directory's own name where it wrote one, else the person's address.
  return or(eq(scimUsers.userNameKey, value), and(isNull(scimUsers.userName), eq(persons.email, value)));
}

/** `GET /Users`, with an optional `eq` filter and paging. */
export async function listUsers(context: ScimContext, options: { filter?: string; paging: Paging }) {
  const condition = filterCondition(options.filter);
  const [counted] = await countUsers(context.tenant, condition);
  const rows =
    options.paging.count === 0
      ? []
      : await selectUsers(context.tenant, condition)
          .orderBy(asc(persons.createdAt), asc(persons.id))
          .limit(options.paging.count)
          .offset(options.paging.startIndex - 1);
  return presentList(
    rows.map((row) => presentUser(row, context.base)),
    { startIndex: options.paging.startIndex, totalResults: Number(counted?.total ?? 0) },
  );
}

async function loadUser(tenant: Tenant, userId: string): Promise<UserRow> {
  if (!UUID.test(userId)) throw notFoundScim("User");
  const [row] = await selectUsers(tenant, eq(persons.id, userId));
  if (!row) throw notFoundScim("User");
  return row;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getUser(context: ScimContext, userId: string) {
  return presentUser(await loadUser(context.tenant, userId), context.base);
}

const stateOf = (row: UserRow): UserState => ({
  userName: row.userName ?? row.email,
  externalId: row.externalId,
  active: row.status !== "deactivated",
  email: row.email,
  givenName: row.givenName,
  familyName: row.familyName,
  // A name made from the parts is not a display name of its own: a new given name must change it.
  displayName: row.name === joinedName(row.givenName, row.familyName) ? null : row.name,
});

/** A person in this organisation with the address, not (or no longer) linked to a live SCIM user. */
async function adoptable(tenant: Tenant, email: string): Promise<string | null> {
  const [row] = await tenant.db
    .select({ id: persons.id, userName: scimUsers.userName, deletedAt: scimUsers.deletedAt })
    .from(persons)
    .leftJoin(scimUsers, tenant.refersTo(scimUsers.personId, persons))
    .where(tenant.where(persons, eq(persons.email, email), isNull(persons.erasedAt)));
  if (!row) return null;
  if (row.userName !== null && row.deletedAt === null)
    throw taken("a user with this email address already exists");
  return row.id;
}

async function assertUserNameFree(tenant: Tenant, userName: string, personId: string | null) {
  const [row] = await tenant.select(
    scimUsers,
    { personId: scimUsers.personId, deletedAt: scimUsers.deletedAt },
    eq(scimUsers.userNameKey, userName.toLowerCase()),
  );
  if (row && row.personId !== personId && row.deletedAt === null) throw taken("userName is already in use");
  // A deleted user's name may be given to someone else: the old link keeps the name but lets go of the key.
  if (row && row.personId !== personId)
    await tenant.db
      .update(scimUsers)
      .set({ userNameKey: `#deleted:${row.personId}` })
      .where(tenant.where(scimUsers, eq(scimUsers.personId, row.personId)));
}

/** `POST /Users`: a new learner, or a person Beklijf already has with that address (history kept). */
export async function createUser(context: ScimContext, body: unknown) {
  const state = parseUser(body);
  const email = personEmail(state);
  const personId = await once(
    () =>
      context.tenant.transaction(async (tx) => {
        const existing = await adoptable(tx, email);
        await assertUserNameFree(tx, state.userName, existing);
        if (existing) {
          await saveUser(tx, context, await loadAnyUser(tx, existing), state);
          await recordAudit(tx, null, "person.linked", { type: "person", id: existing }, viaScim(context));
          return existing;
        }
        const [created] = await tx.db
          .insert(persons)
          .values(
            tx.row({
              email,
              name: personName(state),
              status: state.active ? ("invited" as const) : ("deactivated" as const),
              createdAt: context.now,
              updatedAt: context.now,
            }),
          )
          .returning({ id: persons.id });
        const id = created!.id;
        await tx.db.insert(personRoles).values(tx.row({ personId: id, role: "learner" as const }));
        await writeLink(tx, context, id, state);
        await recordAudit(tx, null, "person.created", { type: "person", id }, viaScim(context));
        return id;
      }),
    "a user with this userName or email address already exists",
  );
  return getUser(context, personId);
}

/** The person's row whether or not SCIM sees them (for adopting a deleted user). */
async function loadAnyUser(tenant: Tenant, personId: string): Promise<UserRow> {
  const [row] = await tenant.db
    .select(userFields)
    .from(persons)
    .leftJoin(scimUsers, tenant.refersTo(scimUsers.personId, persons))
    .where(tenant.where(persons, eq(persons.id, personId)));
  return row!;
}

async function writeLink(tenant: Tenant, context: ScimContext, personId: string, state: UserState) {
  const link = {
    userName: state.userName,
    userNameKey: state.userName.toLowerCase(),
    externalId: state.externalId,
    givenName: state.givenName,
    familyName: state.familyName,
    updatedAt: context.now,
    deletedAt: null,
  };
  await tenant.db
    .insert(scimUsers)
    .values(tenant.row({ personId, createdAt: context.now, ...link }))
    .onConflictDoUpdate({ target: [scimUsers.organisationId, scimUsers.personId], set: link });
}

/**
 * Writes a user's new state onto the person: an address change updates the same person (their
 * history stays theirs), a deactivation ends every session at once, a reactivation lets them in again.
 */
async function saveUser(tenant: Tenant, context: ScimContext, before: UserRow, state: UserState) {
  const email = personEmail(state);
  const name = personName(state);
  const deactivating = !state.active && before.status !== "deactivated";
  const reactivating = state.active && before.status === "deactivated";
  if (email !== before.email) await assertEmailFree(tenant, email, before.id);
  if (state.userName.toLowerCase() !== (before.userName ?? before.email).toLowerCase())
    await assertUserNameFree(tenant, state.userName, before.id);
  if (deactivating) await assertCoordinatorRemains(tenant, before.id);
  const status = deactivating
    ? ("deactivated" as const)
    : reactivating
      ? before.hasPassword
        ? ("active" as const)
        : ("invited" as const)
      : before.status;
  const fields = changedFields(before, { email, name, status });
  if (fields.length > 0) {
    await tenant.db
      .update(persons)
      .set({ email, name, status, updatedAt: context.now })
      .where(tenant.where(persons, eq(persons.id, before.id)));
  }
  await writeLink(tenant, context, before.id, state);
  if (deactivating) await endAllSessions(tenant, before.id);
  // Directories resend unchanged users on every cycle; only a real change is worth an audit line.
  if (fields.length === 0) return;
  const action = deactivating ? "person.deactivated" : reactivating ? "person.reactivated" : "person.updated";
  await recordAudit(tenant, null, action, { type: "person", id: before.id }, viaScim(context, { fields }));
}

function changedFields(before: UserRow, after: { email: string; name: string; status: string }): string[] {
  return (["email", "name", "status"] as const).filter((field) => before[field] !== after[field]);
}

async function assertEmailFree(tenant: Tenant, email: string, personId: string) {
  const [other] = await tenant.select(persons, { id: persons.id }, eq(persons.email, email));
  if (other && other.id !== personId) throw taken("another person has this email address");
}

/** The organisation keeps someone who can manage people: the directory cannot lock everyone out. */
async function assertCoordinatorRemains(tenant: Tenant, personId: string) {
  try {
    await assertAnotherCoordinatorRemains(tenant, personId);
  } catch (error) {
    if (error instanceof AppError && error.code === "LAST_COORDINATOR")
      throw new ScimError(
        400,
        "the organisation's last active coordinator cannot be deactivated",
        "mutability",
      );
    throw error;
  }
}

async function changeUser(context: ScimContext, userId: string, next: (state: UserState) => UserState) {
  await once(
    () =>
      context.tenant.transaction(async (tx) => {
        const before = await loadUser(tx, userId);
        await saveUser(tx, context, before, next(stateOf(before)));
      }),
    "another user has this userName or email address",
  );
  return getUser(context, userId);
}

/** `PUT /Users/{id}`: the whole user as the directory has it now. */
export function replaceUser(context: ScimContext, userId: string, body: unknown) {
  const state = parseUser(body);
  return changeUser(context, userId, () => state);
}

/** `PATCH /Users/{id}`: Entra ID's usual way to change an address or a name, or to deactivate. */
export function patchUser(context: ScimContext, userId: string, operations: Operation[]) {
  return changeUser(context, userId, (state) => applyPatch(state, operations));
}

/**
 * `DELETE /Users/{id}`: the person is deactivated (signed out everywhere) and gone for SCIM; their
 * history stays for the organisation's figures. Erasing personal data is the coordinator's act (GDPR).
 */
export async function deleteUser(context: ScimContext, userId: string): Promise<void> {
  await context.tenant.transaction(async (tx) => {
    const before = await loadUser(tx, userId);
    if (before.status !== "deactivated") await assertCoordinatorRemains(tx, before.id);
    await tx.db
      .update(persons)
      .set({ status: "deactivated", updatedAt: context.now })
      .where(tx.where(persons, eq(persons.id, before.id)));
    await writeLink(tx, context, before.id, stateOf(before));
    await tx.db
      .update(scimUsers)
      .set({ deletedAt: context.now })
      .where(tx.where(scimUsers, eq(scimUsers.personId, before.id)));
    await endAllSessions(tx, before.id);
    await recordAudit(
      tx,
      null,
      "person.deactivated",
      { type: "person", id: before.id },
      viaScim(context, { deleted: true }),
    );
  });
}
