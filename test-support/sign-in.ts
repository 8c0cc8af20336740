import type { Db } from "../server/db/client.ts";
import type { SharedTestApp } from "./app.ts";
import {
  type BuildPerson,
  buildCoordinator,
  buildOrganisation,
  buildPerson,
  buildTeam,
  type Person,
} from "./factories.ts";

/** A person's row with the Cookie header that makes requests as them. */
export type SignedIn<P> = P & { cookie: string };

/** `person`, signed in. */
export async function signedIn<P extends { email: string }>(
  t: Pick<SharedTestApp, "signIn">,
  person: P,
): Promise<SignedIn<P>> {
  return { ...person, cookie: await t.signIn(person.email) };
}

/**
 * The Cookie header of someone in a fresh organisation of their own (a coordinator, unless `build` says
 * otherwise): the other organisation of the "hides other organisations' data" tests.
 */
export async function outsiderCookie(
  t: Pick<SharedTestApp, "database" | "signIn">,
  build: (db: Db, organisationId: string) => Promise<{ email: string }> = buildCoordinator,
): Promise<string> {
  const db = t.database.db;
  return t.signIn((await build(db, (await buildOrganisation(db)).id)).email);
}

/**
 * An organisation of its own and the people a test needs in it, by the names the test calls them:
 * each built (a learner unless `roles` says otherwise) and signed in, in the order given.
 */
export async function organisationWithPeople<Name extends string>(
  t: Pick<SharedTestApp, "database" | "signIn">,
  people: Record<Name, Omit<BuildPerson, "organisationId">>,
  organisation: Parameters<typeof buildOrganisation>[1] = {},
) {
  const db = t.database.db;
  const created = await buildOrganisation(db, organisation);
  const signedInPeople = {} as Record<Name, SignedIn<Person>>;
  for (const name of Object.keys(people) as Name[]) {
    const person = await buildPerson(db, { organisationId: created.id, ...people[name] });
    signedInPeople[name] = await signedIn(t, person);
  }
  return { organisation: created, people: signedInPeople, cookies: cookiesOf(signedInPeople) };
}

/** Each signed-in person's Cookie header, by the same names. */
export function cookiesOf<Name extends string>(people: Record<Name, SignedIn<Person>>): Record<Name, string> {
  return Object.fromEntries(
    Object.entries<SignedIn<Person>>(people).map(([name, p]) => [name, p.cookie]),
  ) as Record<Name, string>;
}

/**
 * A learner in the team of their manager, and a colleague in no team of that manager, all signed in:
 * who writes a plan, logs it and confirms it. With `emailDomain`, their addresses are
 * learner@, colleague@ and manager@ that domain, for tests that read their mail.
 */
export async function learnerWithManager(
  t: Pick<SharedTestApp, "database" | "signIn">,
  emailDomain?: string,
) {
  const email = (name: string) => (emailDomain ? { email: `${name}@${emailDomain}` } : {});
  const scenario = await organisationWithPeople(t, {
    learner: email("learner"),
    colleague: email("colleague"),
    manager: { roles: ["manager"], ...email("manager") },
  });
  const { organisation, people } = scenario;
  await buildTeam(t.database.db, organisation.id, {
    managerIds: [people.manager.id],
    memberIds: [people.learner.id],
  });
  return scenario;
}
