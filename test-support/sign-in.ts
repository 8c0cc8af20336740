import type { Db } from "../server/db/client.ts";
import type { SharedTestApp } from "./app.ts";
import { buildCoordinator, buildOrganisation } from "./factories.ts";

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
