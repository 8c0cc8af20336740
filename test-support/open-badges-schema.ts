/**
 * The requirements 1EdTech's AchievementCredential JSON schema (Open Badges 3.0,
 * `ob_v3p0_achievementcredential_schema.json`) puts on a credential, as plain checks: no copy of the
 * schema ships in an npm package and tests never reach the network. Returns the problems found, in the
 * schema's words, so a failing test names the property.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const typesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
const OPEN_BADGES_V3 = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.0\.\d+)?\.json$/;
/** AchievementSubject allows no other properties. */
const SUBJECT_PROPERTIES = new Set([
  "id",
  "type",
  "activityEndDate",
  "activityStartDate",
  "creditsEarned",
  "achievement",
  "identifier",
  "image",
  "licenseNumber",
  "narrative",
  "result",
  "role",
  "source",
  "term",
]);

export function achievementCredentialProblems(credential: Json): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const context = credential["@context"];
  need(Array.isArray(context) && context[0] === CREDENTIALS_V2, "@context must start with credentials v2");
  need(
    Array.isArray(context) && context.some((c) => typeof c === "string" && OPEN_BADGES_V3.test(c)),
    "@context must include the Open Badges 3.0 context",
  );
  need(typeof credential.id === "string", "id is required");
  const types = typesOf(credential.type);
  need(types.includes("VerifiableCredential"), "type must include VerifiableCredential");
  need(
    types.includes("AchievementCredential") || types.includes("OpenBadgeCredential"),
    "type must include AchievementCredential or OpenBadgeCredential",
  );
  need(typeof credential.name === "string", "name is required");
  need(
    typeof credential.validFrom === "string" && DATE_TIME.test(credential.validFrom),
    "validFrom: date-time",
  );

  const issuer = credential.issuer;
  need(isObject(issuer), "issuer must be a Profile object");
  if (isObject(issuer)) {
    need(typeof issuer.id === "string", "issuer.id is required");
    need(typesOf(issuer.type).includes("Profile"), "issuer.type must include Profile");
  }

  const subject = credential.credentialSubject;
  need(isObject(subject), "credentialSubject must be an AchievementSubject object");
  if (isObject(subject)) {
    need(typesOf(subject.type).includes("AchievementSubject"), "credentialSubject.type: AchievementSubject");
    need(
      typeof subject.id === "string" || (Array.isArray(subject.identifier) && subject.identifier.length > 0),
      "credentialSubject needs an id or an identifier",
    );
    for (const key of Object.keys(subject))
      need(SUBJECT_PROPERTIES.has(key), `credentialSubject.${key} is not allowed`);
    for (const identity of Array.isArray(subject.identifier) ? subject.identifier : []) {
      need(
        isObject(identity) &&
          identity.type === "IdentityObject" &&
          typeof identity.hashed === "boolean" &&
          typeof identity.identityHash === "string" &&
          typeof identity.identityType === "string",
        "credentialSubject.identifier: IdentityObject with hashed, identityHash, identityType",
      );
    }
    const achievement = subject.achievement;
    need(isObject(achievement), "credentialSubject.achievement is required");
    if (isObject(achievement)) {
      for (const key of ["id", "name", "description"])
        need(typeof achievement[key] === "string", `achievement.${key} is required`);
      need(typesOf(achievement.type).includes("Achievement"), "achievement.type must include Achievement");
      need(
        isObject(achievement.criteria) &&
          (typeof achievement.criteria.id === "string" || typeof achievement.criteria.narrative === "string"),
        "achievement.criteria needs an id or a narrative",
      );
    }
  }

  const proof = credential.proof;
  need(proof === undefined || Array.isArray(proof), "proof must be an array");
  for (const item of Array.isArray(proof) ? proof : [])
    need(isObject(item) && typeof item.type === "string", "every proof needs a type");
  return problems;
}
