import { describe, expect, it } from "vitest";
import { achievementCredentialProblems } from "../../../test-support/open-badges-schema.ts";
import {
  CREDENTIALS_V2,
  issuerProfile,
  keyDocuments,
  OPEN_BADGES_V3,
  signCredential,
  verifyOpenBadge,
  withProofArray,
} from "./open-badges.ts";

/**
 * The official Open Badges 3.0 test vector (1EdTech, OB 3.0 implementation guide, "Linked Data Proof
 * Test Vector for Open Badges 3.0"): the key pair, the credential and the proof date from the guide;
 * the proofValue it publishes must come out bit for bit.
 */
const vectorKey = {
  id: "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
  controller: "https://example.edu/issuers/565049",
  publicKeyMultibase: "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
  secretKeyMultibase:
    "zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx",
};

const vectorCredential = {
  "@context": [CREDENTIALS_V2, OPEN_BADGES_V3],
  id: "http://example.com/credentials/3527",
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  issuer: {
    id: "https://example.edu/issuers/565049",
    type: ["Profile"],
    url: "https://www.imsglobal.org",
    name: "Example Corp",
  },
  validFrom: "2010-01-01T00:00:00Z",
  name: "Teamwork Badge",
  credentialSubject: {
    id: "did:example:ebfeb1f712ebc6f1c276e12ec21",
    type: ["AchievementSubject"],
    achievement: {
      id: "https://example.com/achievements/21st-century-skills/teamwork",
      type: ["Achievement"],
      criteria: {
        narrative:
          "Team members are nominated for this badge by their peers and recognized upon review by Example Corp management.",
      },
      description:
        "This badge recognizes the development of the capacity to collaborate within a group environment.",
      name: "Teamwork",
    },
  },
};

const published = "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr";

const documents = keyDocuments(vectorKey);
const resolve = async (url: string) =>
  url === documents.method.id
    ? documents.method
    : url === documents.controller.id
      ? documents.controller
      : null;

describe("Open Badges 3.0 with eddsa-rdfc-2022", () => {
  it("reproduces the official test vector's proofValue bit for bit", async () => {
    const signed = await signCredential(vectorCredential, vectorKey, { date: "2010-01-01T19:23:24Z" });
    expect(signed.proof).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      proofPurpose: "assertionMethod",
      verificationMethod: vectorKey.id,
      created: "2010-01-01T19:23:24Z",
      proofValue: published,
    });
  });

  it("verifies the signed vector and rejects a tampered copy", async () => {
    const signed = await signCredential(vectorCredential, vectorKey, { date: "2010-01-01T19:23:24Z" });
    expect(await verifyOpenBadge(signed, resolve, new Date())).toEqual({ verified: true, problems: [] });
    const tampered = { ...signed, name: "Leadership Badge" };
    const result = await verifyOpenBadge(tampered, resolve, new Date());
    expect(result.verified).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it("never fetches from the network: an unknown issuer cannot be verified", async () => {
    const signed = await signCredential(vectorCredential, vectorKey, { date: "2010-01-01T19:23:24Z" });
    const result = await verifyOpenBadge(signed, async () => null, new Date());
    expect(result.verified).toBe(false);
  });

  it("meets 1EdTech's AchievementCredential schema with its proof as an array, still verifying", async () => {
    const signed = await signCredential(vectorCredential, vectorKey, { date: "2010-01-01T19:23:24Z" });
    expect(achievementCredentialProblems(signed)).toEqual(["proof must be an array"]);
    const badge = withProofArray(signed);
    expect(achievementCredentialProblems(badge)).toEqual([]);
    expect(badge.proof).toEqual([signed.proof]);
    expect(await verifyOpenBadge(badge, resolve, new Date())).toEqual({ verified: true, problems: [] });
    expect(withProofArray(badge)).toEqual(badge);
  });

  it("verifies against an issuer Profile that is also its key's controller document", async () => {
    const profile = issuerProfile({ id: vectorKey.controller, name: "Example Corp" }, vectorKey);
    expect(profile).toMatchObject({ id: vectorKey.controller, type: ["Profile"], name: "Example Corp" });
    const viaProfile = async (url: string) =>
      url === documents.method.id ? documents.method : url === vectorKey.controller ? profile : null;
    const badge = withProofArray(
      await signCredential(vectorCredential, vectorKey, { date: "2010-01-01T19:23:24Z" }),
    );
    expect(await verifyOpenBadge(badge, viaProfile, new Date())).toEqual({ verified: true, problems: [] });
  });
});
