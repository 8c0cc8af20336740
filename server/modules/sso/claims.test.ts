import { describe, expect, it } from "vitest";
import { issuerIdentifier, issuerKind, trustedEmail } from "./claims.ts";

const domains = ["jansen.nl"];
const standard = { issuerUrl: "https://id.example.com", allowedDomains: domains };
const entraSingle = {
  issuerUrl: "https://login.microsoftonline.com/4f3c9a7e-1111-4a2b-9c3d-5e6f7a8b9c0d/v2.0",
  allowedDomains: domains,
};
const entraMulti = {
  issuerUrl: "https://login.microsoftonline.com/organizations/v2.0",
  allowedDomains: domains,
};
const google = { issuerUrl: "https://accounts.google.com", allowedDomains: domains };

describe("which address an ID token vouches for", () => {
  it("trusts a verified address in an allowed domain, lower-cased, with the name", () => {
    expect(
      trustedEmail({ email: "Eva@Jansen.nl", email_verified: true, name: "Eva Jansen" }, standard),
    ).toEqual({ trusted: true, email: "eva@jansen.nl", name: "Eva Jansen" });
  });

  it("refuses an unverified address and one outside the allowed domains", () => {
    expect(trustedEmail({ email: "eva@jansen.nl", email_verified: false }, standard)).toEqual({
      trusted: false,
      reason: "unverified",
    });
    expect(trustedEmail({ email: "eva@other.nl", email_verified: true }, standard)).toEqual({
      trusted: false,
      reason: "domain",
    });
  });

  it("trusts a single-tenant Entra directory's address, also from preferred_username", () => {
    expect(trustedEmail({ preferred_username: "eva@jansen.nl" }, entraSingle)).toMatchObject({
      trusted: true,
      email: "eva@jansen.nl",
    });
  });

  it("asks a multi-tenant Entra token for Microsoft's domain-owner claim", () => {
    expect(trustedEmail({ email: "eva@jansen.nl" }, entraMulti)).toEqual({
      trusted: false,
      reason: "unverified",
    });
    expect(trustedEmail({ email: "eva@jansen.nl", xms_edov: true }, entraMulti)).toMatchObject({
      trusted: true,
    });
  });

  it("asks Google for the Workspace domain, not just an address", () => {
    const claims = { email: "eva@jansen.nl", email_verified: true };
    expect(trustedEmail(claims, google)).toEqual({ trusted: false, reason: "domain" });
    expect(trustedEmail({ ...claims, hd: "jansen.nl" }, google)).toMatchObject({ trusted: true });
  });

  it("tells the kinds of issuer apart and cuts a discovery address back to the issuer", () => {
    expect(issuerKind(entraSingle.issuerUrl)).toBe("entra-single");
    expect(issuerKind("https://login.microsoftonline.com/common/v2.0")).toBe("entra-multi");
    expect(issuerKind(google.issuerUrl)).toBe("google");
    expect(
      issuerIdentifier("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration").href,
    ).toBe("https://login.microsoftonline.com/common/v2.0");
  });
});
