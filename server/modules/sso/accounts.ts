import { and, eq } from "drizzle-orm";
import type { SsoFailureReason } from "../../../common/schemas/sso.ts";
import { isLocale } from "../../../common/locales.ts";
import { recordAudit } from "../../audit.ts";
import { organisations, personRoles, persons, ssoIdentities } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { type IdClaims, trustedEmail } from "./claims.ts";
import type { SsoConfiguration } from "./configuration.service.ts";

/** Who the ID token turns out to be in the organisation, or why nobody. */
export type AccountMatch =
  | { matched: true; personId: string; how: "linked" | "first-link" | "created" }
  | {
      matched: false;
      reason: Extract<SsoFailureReason, "unverified" | "domain" | "unknown" | "deactivated" | "conflict">;
    };

/** The provider's account: issuer and subject, stable across changes of address. */
const identityOf = (claims: IdClaims) => ({ issuer: String(claims.iss), subject: String(claims.sub) });

async function personById(tenant: Tenant, personId: string) {
  const [person] = await tenant.select(
    persons,
    { id: persons.id, status: persons.status },
    eq(persons.id, personId),
  );
  return person;
}

/** A person who was linked before: found by issuer and subject, whatever their address is now. */
async function linkedPerson(tenant: Tenant, claims: IdClaims) {
  const { issuer, subject } = identityOf(claims);
  const [identity] = await tenant.select(
    ssoIdentities,
    { id: ssoIdentities.id, personId: ssoIdentities.personId },
    eq(ssoIdentities.issuer, issuer),
    eq(ssoIdentities.subject, subject),
  );
  return identity;
}

/**
 * Finds (or, when allowed, creates) the person an ID token stands for, in one organisation:
 * 1. a person linked to this issuer and subject before, whatever address the token now carries;
 * 2. else the address the token vouches for (`trustedEmail`) in an allowed domain, matched to a person,
 *    who is linked now (and activated if only invited: the provider has just vouched for them);
 * 3. else a new learner, when the coordinator allowed just-in-time creation.
 * Deactivated people are refused, as is a person already linked to another account at this issuer.
 */
export async function matchAccount(
  tenant: Tenant,
  configuration: SsoConfiguration,
  claims: IdClaims,
  now: Date,
): Promise<AccountMatch> {
  const linked = await linkedPerson(tenant, claims);
  if (linked) {
    const person = await personById(tenant, linked.personId);
    if (!person || person.status === "deactivated") return { matched: false, reason: "deactivated" };
    await tenant.db
      .update(ssoIdentities)
      .set({ lastUsedAt: now })
      .where(tenant.where(ssoIdentities, eq(ssoIdentities.id, linked.id)));
    return { matched: true, personId: person.id, how: "linked" };
  }
  const verdict = trustedEmail(claims, configuration);
  if (!verdict.trusted) return { matched: false, reason: verdict.reason };
  const [person] = await tenant.select(
    persons,
    { id: persons.id, status: persons.status },
    eq(persons.email, verdict.email),
  );
  if (person) return linkKnownPerson(tenant, person, claims, now);
  if (!configuration.allowJustInTime) return { matched: false, reason: "unknown" };
  return createLearner(tenant, { email: verdict.email, name: verdict.name }, claims, now);
}

async function linkKnownPerson(
  tenant: Tenant,
  person: { id: string; status: string },
  claims: IdClaims,
  now: Date,
): Promise<AccountMatch> {
  if (person.status === "deactivated") return { matched: false, reason: "deactivated" };
  const { issuer, subject } = identityOf(claims);
  const linked = await tenant.db
    .insert(ssoIdentities)
    .values(tenant.row({ personId: person.id, issuer, subject, lastUsedAt: now }))
    .onConflictDoNothing()
    .returning({ id: ssoIdentities.id });
  // The person is linked to another account at this issuer already (an address handed on to a new
  // colleague, say): refused, so one person's history never passes to someone else unnoticed.
  if (linked.length === 0) return { matched: false, reason: "conflict" };
  if (person.status === "invited")
    await tenant.db
      .update(persons)
      .set({ status: "active", updatedAt: now })
      .where(tenant.where(persons, eq(persons.id, person.id)));
  await recordAudit(tenant, null, "sso.linked", { type: "person", id: person.id }, { issuer });
  return { matched: true, personId: person.id, how: "first-link" };
}

/** Just-in-time creation: a learner, active, in the organisation's language, linked to the account. */
async function createLearner(
  tenant: Tenant,
  { email, name }: { email: string; name: string | null },
  claims: IdClaims,
  now: Date,
): Promise<AccountMatch> {
  const [organisation] = await tenant.db
    .select({ defaultLocale: organisations.defaultLocale })
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  const [created] = await tenant.db
    .insert(persons)
    .values(
      tenant.row({
        email,
        name: (name ?? email.split("@")[0]!).slice(0, 120),
        locale: isLocale(organisation?.defaultLocale) ? organisation.defaultLocale : null,
        status: "active" as const,
        updatedAt: now,
      }),
    )
    .onConflictDoNothing()
    .returning({ id: persons.id });
  if (!created) {
    // Created by a second sign-in at the same moment: link that one.
    const [person] = await tenant.select(
      persons,
      { id: persons.id, status: persons.status },
      and(eq(persons.email, email)),
    );
    return person ? linkKnownPerson(tenant, person, claims, now) : { matched: false, reason: "unknown" };
  }
  await tenant.db.insert(personRoles).values(tenant.row({ personId: created.id, role: "learner" as const }));
  await recordAudit(
    tenant,
    null,
    "sso.person-created",
    { type: "person", id: created.id },
    { role: "learner" },
  );
  const { issuer, subject } = identityOf(claims);
  await tenant.db
    .insert(ssoIdentities)
    .values(tenant.row({ personId: created.id, issuer, subject, lastUsedAt: now }));
  return { matched: true, personId: created.id, how: "created" };
}
