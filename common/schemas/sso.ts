import { z } from "zod";
import { emailSchema, idSchema } from "./common.ts";

/** An email domain as people type it after the @ ("bouwbedrijf-jansen.nl"), stored lower-cased. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(253)
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "invalid_format");

/**
 * The issuer identifier or discovery address. HTTPS, except a loopback address (an identity provider on
 * the same machine, for trying things out); the server refuses loopback in production.
 */
export const issuerUrlSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url())
  .refine((value) => {
    // zod still runs this after the address failed as a URL; that failure is reported on its own.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
  }, "https_required");

export function isLoopbackHost(hostname: string): boolean {
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/** What a coordinator saves. An empty secret keeps the stored one (it is never shown again). */
export const ssoConfigurationBody = z.object({
  issuerUrl: issuerUrlSchema,
  oidcClientId: z.string().trim().min(1).max(300),
  oidcClientSecret: z.string().max(2000).default(""),
  allowedDomains: z.array(domainSchema).min(1).max(20),
  allowJustInTime: z.boolean().default(false),
  requireSso: z.boolean().default(false),
  breakGlassPersonId: idSchema.nullable().default(null),
});
export type SsoConfigurationBody = z.input<typeof ssoConfigurationBody>;

export const ssoEnabledBody = z.object({ enabled: z.boolean() });

/** The last test sign-in, in words the page turns into a sentence. */
export const ssoTestView = z.object({
  outcome: z.enum(["ok", "failed"]),
  code: z.string(),
  detail: z.string().nullable(),
  email: z.string().nullable(),
  testedAt: z.string(),
});
export type SsoTestView = z.infer<typeof ssoTestView>;

/** The organisation's sign-in as its coordinator sees it: never the secret itself. */
export const ssoConfigurationView = z.object({
  /** Where the provider sends people back: the address to register at the provider. */
  redirectUri: z.string(),
  /** The organisation's own sign-in link for an intranet page or a bookmark (it follows a rename). */
  signInLink: z.string(),
  configuration: z
    .object({
      issuerUrl: z.string(),
      oidcClientId: z.string(),
      hasClientSecret: z.boolean(),
      allowedDomains: z.array(z.string()),
      allowJustInTime: z.boolean(),
      requireSso: z.boolean(),
      breakGlassPersonId: idSchema.nullable(),
      enabled: z.boolean(),
      lastTest: ssoTestView.nullable(),
    })
    .nullable(),
  /** The active coordinators, to choose the break-glass account from. */
  coordinators: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type SsoConfigurationView = z.infer<typeof ssoConfigurationView>;

/** The answer to "test": the provider's page to go to, or (when the provider cannot be reached) none. */
export const ssoTestStart = z.object({ redirectTo: z.string().nullable() });

export const ssoStartQuery = z.object({ email: emailSchema });

/** An organisation's name as an address part (`slugOf`), in its own sign-in link. */
export const ssoSlugParams = z.object({
  organisationSlug: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9-]+$/),
});

/** The ways of signing in an address may use; the same for every address of a domain. */
export const signInMethodsView = z.object({
  methods: z.array(z.enum(["password", "email-link", "oidc"])),
  oidcRequired: z.boolean(),
});

export { ssoFailureReasons, type SsoFailureReason } from "../sso-failures.ts";

export const ssoPersonParams = z.object({ personId: idSchema });

/** The provider accounts linked to a person (issuer only: the subject is the provider's business). */
export const linkedAccountsView = z.object({
  accounts: z.array(
    z.object({ issuer: z.string(), linkedAt: z.string(), lastUsedAt: z.string().nullable() }),
  ),
});
export type LinkedAccountsView = z.infer<typeof linkedAccountsView>;
