import { createHash, randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import {
  achievements,
  badgeAwards,
  issuerKeys,
  organisations,
  persons,
  trajectories,
} from "../../db/schema/index.ts";
import type { Db } from "../../db/client.ts";
import { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { notify } from "../notices/index.ts";
import { authorize } from "../trajectories/index.ts";
import {
  CREDENTIALS_V2,
  generateIssuerKey,
  type IssuerKey,
  issuerProfile,
  keyDocuments,
  OPEN_BADGES_V3,
  signCredential,
  verifyOpenBadge,
  withProofArray,
} from "./open-badges.ts";
import { evidenceOf } from "./badge-evidence.ts";
import { badgeProgress } from "./badge-progress.ts";

type Achievement = typeof achievements.$inferSelect;
type AchievementInput = Pick<
  Achievement,
  "competenceId" | "name" | "description" | "criteria" | "requiresProof" | "minConfirmedApplications"
>;

export const issuerUrl = (site: string, organisationId: string) => `${site}/api/issuers/${organisationId}`;
/** Answered by the public achievement route: an Achievement's id must resolve to its definition. */
const achievementUrl = (site: string, organisationId: string, id: string) =>
  `${site}/api/achievements/${organisationId}/${id}`;

/** The OB 3.0 Achievement of a badge: inside every credential, and at its own id URL. */
function achievementDocument(site: string, achievement: Achievement) {
  return {
    id: achievementUrl(site, achievement.organisationId, achievement.id),
    type: ["Achievement"],
    achievementType: "Competency",
    name: achievement.name,
    description: achievement.description,
    criteria: { narrative: achievement.criteria },
  };
}

async function issuerKey(tenant: Tenant, site: string, now: Date): Promise<IssuerKey> {
  const issuerId = issuerUrl(site, tenant.organisationId);
  const [found] = await tenant.selectRows(issuerKeys);
  if (found) return { id: `${issuerId}#${found.publicKeyMultibase}`, controller: issuerId, ...found };
  const key = await generateIssuerKey(issuerId);
  await tenant.db
    .insert(issuerKeys)
    .values(
      tenant.row({
        publicKeyMultibase: key.publicKeyMultibase,
        secretKeyMultibase: key.secretKeyMultibase,
        createdAt: now,
      }),
    )
    .onConflictDoNothing();
  // Two awards at once may race; whichever key was stored is the organisation's key.
  return issuerKey(tenant, site, now);
}

/**
 * The public documents behind an issuer address: its Profile (also the controller document of its key)
 * and the key. Only an organisation that has issued a badge has them.
 */
export async function issuerDocuments(db: Db, site: string, organisationId: string) {
  const tenant = new Tenant(db, organisationId);
  const [key] = await tenant.selectRows(issuerKeys);
  if (!key) return null;
  const [org] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const issuerId = issuerUrl(site, organisationId);
  const keyId = `${issuerId}#${key.publicKeyMultibase}`;
  const { method } = keyDocuments({
    id: keyId,
    controller: issuerId,
    publicKeyMultibase: key.publicKeyMultibase,
  });
  return {
    method,
    profile: issuerProfile(
      { id: issuerId, name: org?.name ?? "" },
      { id: keyId, publicKeyMultibase: key.publicKeyMultibase },
    ),
  };
}

/** A badge's definition at its id URL, public like the credentials that carry it. */
export async function publicAchievement(db: Db, site: string, organisationId: string, achievementId: string) {
  const tenant = new Tenant(db, organisationId);
  const [achievement] = await tenant.selectRows(achievements, eq(achievements.id, achievementId));
  if (!achievement) throw notFound("achievement");
  const [org] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return {
    "@context": [CREDENTIALS_V2, OPEN_BADGES_V3],
    ...achievementDocument(site, achievement),
    creator: { id: issuerUrl(site, organisationId), type: ["Profile"], name: org?.name ?? "" },
  };
}

/** A trajectory's badge definitions and how often each was awarded (designers only). */
export async function listAchievements({ tenant, actor }: Scope, { trajectoryId }: { trajectoryId: string }) {
  authorize(actor, "trajectory.write");
  const [trajectory] = await tenant.select(
    trajectories,
    { id: trajectories.id },
    eq(trajectories.id, trajectoryId),
  );
  if (!trajectory) throw notFound("trajectory");
  const rows = await tenant
    .selectRows(achievements, eq(achievements.trajectoryId, trajectoryId))
    .orderBy(achievements.createdAt);
  const awarded = await tenant
    .select(badgeAwards, { achievementId: badgeAwards.achievementId, n: count() })
    .groupBy(badgeAwards.achievementId);
  return rows.map((row) => ({
    id: row.id,
    competenceId: row.competenceId,
    name: row.name,
    description: row.description,
    criteria: row.criteria,
    requiresProof: row.requiresProof,
    minConfirmedApplications: row.minConfirmedApplications,
    awarded: awarded.find((a) => a.achievementId === row.id)?.n ?? 0,
  }));
}

/** Defines a badge on one of the trajectory's competences; its rule needs a proof or applications. */
export async function createAchievement(
  scope: Scope,
  { trajectoryId, ...input }: AchievementInput & { trajectoryId: string },
) {
  const { tenant, actor, now } = scope;
  authorize(actor, "trajectory.write");
  const [trajectory] = await tenant.select(
    trajectories,
    { document: trajectories.document },
    eq(trajectories.id, trajectoryId),
  );
  if (!trajectory) throw notFound("trajectory");
  if (!trajectory.document.competences.some((c) => c.id === input.competenceId))
    throw invalid("competenceId", "unknown_competence");
  if (!input.requiresProof && input.minConfirmedApplications === 0)
    throw invalid("minConfirmedApplications", "rule_needs_evidence");
  await tenant.db.insert(achievements).values(tenant.row({ ...input, trajectoryId, createdAt: now }));
  return listAchievements(scope, { trajectoryId });
}

/** The learner is identified by a salted hash of their email, not in the clear (OB 3.0 IdentityObject). */
function identityOf(email: string) {
  const salt = randomBytes(8).toString("hex");
  return {
    type: "IdentityObject",
    identityHash: `sha256$${createHash("sha256")
      .update(email + salt)
      .digest("hex")}`,
    identityType: "emailAddress",
    hashed: true,
    salt,
  };
}

async function issueFor(tenant: Tenant, personId: string, achievement: Achievement, site: string, now: Date) {
  const [person] = await tenant.selectRows(persons, eq(persons.id, personId));
  const [org] = await tenant.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  const key = await issuerKey(tenant, site, now);
  const awardId = crypto.randomUUID();
  const credential = {
    "@context": [CREDENTIALS_V2, OPEN_BADGES_V3],
    id: `urn:uuid:${awardId}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: key.controller, type: ["Profile"], name: org!.name },
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    name: achievement.name,
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [identityOf(person!.email)],
      achievement: achievementDocument(site, achievement),
    },
  };
  const signed = withProofArray(await signCredential(credential, key));
  await tenant.transaction(async (tx) => {
    await tx.db
      .insert(badgeAwards)
      .values(
        tx.row({
          id: awardId,
          achievementId: achievement.id,
          personId,
          awardedAt: now,
          credential: signed,
        }),
      )
      .onConflictDoNothing();
    await notify(tx, {
      personId,
      kind: "badge-awarded",
      params: { badge: achievement.name },
      href: "/passport",
      key: `badge:${achievement.id}`,
      now,
      site,
    });
  });
}

/** Awards every badge whose evidence rule the learner now meets; call after new evidence arrives. */
export async function awardEarnedBadges(
  tenant: Tenant,
  personId: string,
  site: string,
  now: Date,
): Promise<number> {
  const candidates = await tenant.selectRows(achievements);
  const held = await tenant.select(
    badgeAwards,
    { achievementId: badgeAwards.achievementId },
    eq(badgeAwards.personId, personId),
  );
  const evidence = await evidenceOf(tenant, personId);
  let awarded = 0;
  for (const achievement of candidates.filter((a) => !held.some((h) => h.achievementId === a.id))) {
    if (badgeProgress(achievement, evidence(achievement.competenceId)).met) {
      await issueFor(tenant, personId, achievement, site, now);
      awarded += 1;
    }
  }
  return awarded;
}

/** The person's credentials as Open Badges 3.0 JSON; those stored before proofs were arrays get one now. */
export async function credentialsOf(tenant: Tenant, personId: string) {
  const rows = await tenant
    .selectRows(badgeAwards, eq(badgeAwards.personId, personId))
    .orderBy(badgeAwards.awardedAt);
  return rows.map((row) => withProofArray(row.credential));
}

/** Verifies an uploaded credential. Only this installation's issuers resolve; nothing is fetched. */
export async function verifyUploaded(
  db: Db,
  { site, credential, now }: { site: string; credential: Record<string, unknown>; now: Date },
) {
  const prefix = `${site}/api/issuers/`;
  const resolve = async (url: string) => {
    if (!url.startsWith(prefix)) return null;
    const organisationId = url.slice(prefix.length).split("#")[0]!;
    if (!/^[0-9a-f-]{36}$/.test(organisationId)) return null;
    const documents = await issuerDocuments(db, site, organisationId);
    if (!documents) return null;
    return url.includes("#") ? (url === documents.method.id ? documents.method : null) : documents.profile;
  };
  const result = await verifyOpenBadge(credential, resolve, now);
  const issuer = credential.issuer as { name?: string; id?: string } | string | undefined;
  const subject = credential.credentialSubject as { achievement?: { name?: string } } | undefined;
  return {
    verified: result.verified,
    issuer: typeof issuer === "string" ? issuer : (issuer?.name ?? issuer?.id ?? null),
    achievement: subject?.achievement?.name ?? null,
    problems: result.problems,
  };
}
