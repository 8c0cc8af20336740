import type { Db } from "../server/db/client.ts";
import type { SharedTestApp } from "./app.ts";
import {
  type BuildPerson,
  buildCoordinator,
  buildOrganisation,
  buildPerson,
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
  return { organisation: created, people: signedInPeople };
}
