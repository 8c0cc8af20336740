import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { LaunchView } from "../../../common/schemas/packages.ts";
import type { Db } from "../../db/client.ts";
import { cmi5Sessions } from "../../db/schema/index.ts";
import type { Cmi5LaunchMode, PackageUnit } from "../../db/schema/packages.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import { issueLaunchCredentials, storeLmsStatement, writeLmsState } from "../xapi/index.ts";
import {
  abandonOpenSessions,
  type Cmi5Registration,
  learnerAgent,
  metUnits,
  registrationFor,
  satisfyWhatIsMet,
} from "./cmi5-progress.ts";
import { CMI5, derivedId, lmsStatement } from "./cmi5-vocabulary.ts";
import { contentAddress, LAUNCH_LIFETIME_SECONDS, launchKey, signLaunch } from "./launch-token.ts";
import type { packageRow } from "./packages.service.ts";

/**
 * cmi5 launch (Quartz §8): the LMS keeps one registration per learner and activity, writes the
 * `LMS.LaunchData` state document and the `launched` statement, then gives the AU a URL with
 * `endpoint`, `fetch`, `actor`, `registration` and `activityId`. The AU trades the one-time fetch URL
 * for short-lived LRS credentials that speak only for this learner and registration (decision 0025).
 */

type PackageRow = Awaited<ReturnType<typeof packageRow>>;

const fetchHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The next AU to play: the first whose moveOn is not yet met; when all are, the first (to review). */
async function nextUnit(tenant: Tenant, reg: Cmi5Registration, units: PackageUnit[]) {
  const met = await metUnits(tenant, reg.registration, units);
  const open = units.find((u) => !met.has(u.id));
  return { unit: open ?? units[0]!, launchMode: (open ? "Normal" : "Review") as Cmi5LaunchMode };
}

/** The AU's address: in the package on the content origin, or where an absolute AU URL points. */
function auAddress(contentOrigin: string, contentToken: string, href: string): URL {
  return /^[a-z][a-z0-9+.-]*:/i.test(href)
    ? new URL(href)
    : new URL(`${contentOrigin}${contentAddress(contentToken, href)}`);
}

export async function launchCmi5(
  scope: Scope,
  options: { cohortId: string; activityId: string; pkg: PackageRow; contentOrigin: string },
): Promise<LaunchView> {
  const { tenant, actor, now, site } = scope;
  const { pkg, contentOrigin } = options;
  const personId = actor.personId;
  const reg = await registrationFor(tenant, { ...options, personId, packageId: pkg.id, now });
  await abandonOpenSessions(tenant, site, { registration: reg.registration, before: now, now });
  const { unit, launchMode } = await nextUnit(tenant, reg, pkg.units);
  const agent = learnerAgent(site, personId);
  const sessionId = randomUUID();
  const credentials = await issueLaunchCredentials(tenant, {
    personId,
    registration: reg.registration,
    activityId: unit.id,
    expiresInMinutes: LAUNCH_LIFETIME_SECONDS / 60,
    site,
    now,
  });
  const fetchToken = randomBytes(32).toString("base64url");
  await tenant.db.insert(cmi5Sessions).values(
    tenant.row({
      id: sessionId,
      personId,
      registration: reg.registration,
      auId: unit.id,
      launchMode,
      fetchTokenHash: fetchHash(fetchToken),
      authToken: credentials.authorization,
      fetchExpiresAt: credentials.expiresAt,
      launchedAt: now,
    }),
  );
  const contentToken = signLaunch(await launchKey(tenant.db), {
    o: tenant.organisationId,
    p: pkg.id,
    e: Math.floor(now.getTime() / 1000) + LAUNCH_LIFETIME_SECONDS,
  });
  const url = auAddress(contentOrigin, contentToken, unit.href);
  const returnURL = `${site}/today`;
  await writeLaunchData(tenant, site, { unit, agent, reg, sessionId, launchMode, returnURL, now });
  await recordLaunched(tenant, site, { unit, agent, reg, sessionId, launchMode, url: url.href, now });
  url.searchParams.set("endpoint", `${site}/xapi/`);
  url.searchParams.set("fetch", `${contentOrigin}/cmi5/fetch/${fetchToken}`);
  url.searchParams.set("actor", JSON.stringify(agent));
  url.searchParams.set("registration", reg.registration);
  url.searchParams.set("activityId", unit.id);
  // A NotApplicable AU (or a course of them) is satisfied by being launched (cmi5 §10).
  await satisfyWhatIsMet(tenant, site, { registration: reg, sessionId, now });
  return { url: url.href, standard: "cmi5", contentOrigin, title: pkg.title, cmi: null };
}

interface LaunchFacts {
  unit: PackageUnit;
  agent: ReturnType<typeof learnerAgent>;
  reg: Cmi5Registration;
  sessionId: string;
  launchMode: Cmi5LaunchMode;
  now: Date;
}

const contextTemplate = (facts: LaunchFacts) => ({
  contextActivities: {
    grouping: [{ objectType: "Activity", id: facts.unit.cmi5?.courseId ?? facts.unit.id }],
  },
  extensions: { [CMI5.sessionId]: facts.sessionId },
});

/** `LMS.LaunchData` (cmi5 §10.2), written through the LRS's own document store before the AU starts. */
async function writeLaunchData(
  tenant: Tenant,
  site: string,
  facts: LaunchFacts & { returnURL: string },
): Promise<void> {
  const { unit } = facts;
  await writeLmsState(tenant, site, {
    activityId: unit.id,
    agent: facts.agent,
    registration: facts.reg.registration,
    stateId: "LMS.LaunchData",
    now: facts.now,
    content: {
      contextTemplate: contextTemplate(facts),
      launchMode: facts.launchMode,
      launchMethod: unit.cmi5?.launchMethod ?? "AnyWindow",
      moveOn: unit.cmi5?.moveOn ?? "NotApplicable",
      returnURL: facts.returnURL,
      ...(unit.masteryScore !== null && { masteryScore: unit.masteryScore }),
      ...(unit.cmi5?.launchParameters && { launchParameters: unit.cmi5.launchParameters }),
      ...(unit.cmi5?.entitlementKey && { entitlementKey: { courseStructure: unit.cmi5.entitlementKey } }),
    },
  });
}

/** The LMS's `launched` statement (cmi5 §9.3.1), with how the AU was launched in its context. */
async function recordLaunched(tenant: Tenant, site: string, facts: LaunchFacts & { url: string }) {
  const { unit } = facts;
  const statement = lmsStatement({
    id: derivedId(facts.sessionId, "launched"),
    actor: facts.agent,
    verb: "launched",
    object: { id: unit.id },
    registration: facts.reg.registration,
    sessionId: facts.sessionId,
    extensions: {
      "https://w3id.org/xapi/cmi5/context/extensions/launchmode": facts.launchMode,
      "https://w3id.org/xapi/cmi5/context/extensions/launchurl": facts.url,
      "https://w3id.org/xapi/cmi5/context/extensions/moveon": unit.cmi5?.moveOn ?? "NotApplicable",
      ...(unit.cmi5?.launchParameters && {
        "https://w3id.org/xapi/cmi5/context/extensions/launchparameters": unit.cmi5.launchParameters,
      }),
    },
  });
  statement.context.contextActivities = {
    ...statement.context.contextActivities,
    ...contextTemplate(facts).contextActivities,
  };
  await storeLmsStatement(tenant, site, statement, facts.now);
}

/** What the fetch URL answers (cmi5 §8.2.3): the auth token once, then an error. */
export type FetchAnswer = { status: number; body: Record<string, string> };

/**
 * The AU's one POST to its fetch URL: the token names the session across the installation (like an
 * xAPI key), so it is looked up without an organisation. Claimed in one UPDATE, so two calls at once
 * cannot both get the token; the token is cleared from the row as it is handed out.
 */
export async function fetchAuthToken(db: Db, token: string, now: Date): Promise<FetchAnswer> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token))
    return { status: 404, body: { "error-code": "2", "error-text": "Unknown fetch URL" } };
  const hash = fetchHash(token);
  const [session] = await db
    .select({ authToken: cmi5Sessions.authToken })
    .from(cmi5Sessions)
    .where(eq(cmi5Sessions.fetchTokenHash, hash));
  if (!session) return { status: 404, body: { "error-code": "2", "error-text": "Unknown fetch URL" } };
  const [claimed] = await db
    .update(cmi5Sessions)
    .set({ authToken: null, fetchedAt: now })
    .where(
      and(
        eq(cmi5Sessions.fetchTokenHash, hash),
        isNull(cmi5Sessions.fetchedAt),
        gt(cmi5Sessions.fetchExpiresAt, now),
      ),
    )
    .returning({ authToken: cmi5Sessions.authToken });
  if (!claimed)
    return { status: 403, body: { "error-code": "1", "error-text": "The fetch URL was used already" } };
  return { status: 200, body: { "auth-token": session.authToken ?? "" } };
}
