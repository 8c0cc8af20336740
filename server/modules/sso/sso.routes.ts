import type { FastifyReply } from "fastify";
import {
  linkedAccountsView,
  signInMethodsView,
  ssoPersonParams,
  ssoConfigurationBody,
  ssoConfigurationView,
  ssoEnabledBody,
  ssoSlugParams,
  ssoStartQuery,
  ssoTestStart,
} from "../../../common/schemas/sso.ts";
import { secretSealer } from "../../crypto/secrets.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, publicRoute, route } from "../../http/route-table.ts";
import { setSessionCookie } from "../auth/index.ts";
import {
  deleteSsoConfiguration,
  getSsoConfiguration,
  saveSsoConfiguration,
  setSsoEnabled,
  type SsoDeps,
} from "./configuration.service.ts";
import { FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_MINUTES } from "./flow-state.ts";
import { listLinkedAccounts, unlinkAccounts } from "./identities.ts";
import { signInMethodsFor } from "./direct-start.ts";
import { completeCallback, startSignIn, startSignInBySlug, startTest } from "./sign-in.service.ts";
import { perOfficeAddress } from "../../http/rate-limits.ts";

/** Starting a sign-in costs the provider a page and us a discovery: limited per IP like link redemption. */
const startLimit = perOfficeAddress;

/**
 * Single sign-on through the organisation's OpenID provider (decision 0023): the public start and
 * callback under `/api/auth/oidc/`, and the coordinator's configuration under `/api/sso/`.
 */
export const ssoRoutes = defineRoutes(
  ["sso"],
  ({ config, database, clock }: Pick<AppDeps, "config" | "database" | "clock">) => {
    const { db } = database;
    const deps: SsoDeps = {
      sealer: () => secretSealer(db, config.secretsKey),
      publicUrl: config.publicUrl,
      production: config.nodeEnv === "production",
    };
    const setFlowCookie = (reply: FastifyReply, value: string) =>
      reply.setCookie(FLOW_COOKIE, value, {
        httpOnly: true,
        // Lax, not Strict: the provider's redirect back is a top-level navigation from its site.
        sameSite: "lax",
        secure: config.cookieSecure,
        path: FLOW_COOKIE_PATH,
        maxAge: FLOW_MINUTES * 60,
      });

    return [
      publicRoute.get(
        "/api/auth/oidc/start",
        {
          summary:
            "Sign in with the organisation account: redirects to the provider the email's domain names",
          query: ssoStartQuery,
          rateLimit: startLimit,
        },
        async (_request, { query }, reply) => {
          const answer = await startSignIn(db, deps, { email: query.email, now: clock() });
          if (answer.flowCookie) setFlowCookie(reply, answer.flowCookie);
          return reply.redirect(answer.redirectTo, 303);
        },
      ),

      publicRoute.get(
        "/api/auth/oidc/:organisationSlug/start",
        {
          summary:
            "Sign in with the organisation account from the organisation's own link (its name as an address part): redirects to its provider",
          params: ssoSlugParams,
          rateLimit: startLimit,
        },
        async (_request, { params }, reply) => {
          const answer = await startSignInBySlug(db, deps, { slug: params.organisationSlug, now: clock() });
          if (answer.flowCookie) setFlowCookie(reply, answer.flowCookie);
          return reply.redirect(answer.redirectTo, 302);
        },
      ),

      publicRoute.get(
        "/api/auth/methods",
        {
          summary:
            "Which ways of signing in apply to an address (password, email-link, oidc), judged by its domain only",
          query: ssoStartQuery,
          response: signInMethodsView,
          rateLimit: startLimit,
        },
        (_request, { query }) => signInMethodsFor(db, query.email),
      ),

      publicRoute.get(
        "/api/auth/oidc/callback",
        { summary: "Where the provider sends the browser back (code and state in the query)" },
        async (request, _input, reply) => {
          const answer = await completeCallback(db, deps, {
            callbackUrl: new URL(request.url, config.publicUrl),
            flowCookie: request.cookies[FLOW_COOKIE],
            actor: request.actor,
            now: clock(),
            userAgent: request.headers["user-agent"] ?? null,
          });
          // One use: the flow's checks are gone whatever happened.
          reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
          if (answer.sessionToken) setSessionCookie(reply, answer.sessionToken, config.cookieSecure);
          return reply.redirect(answer.redirectTo, 303);
        },
      ),

      route.get(
        "/api/sso/configuration",
        { summary: "The organisation's single sign-on (never the secret)", response: ssoConfigurationView },
        (scope) => getSsoConfiguration(scope, deps),
      ),

      route.put(
        "/api/sso/configuration",
        {
          summary: "Save the organisation's single sign-on; a changed connection needs a new test",
          body: ssoConfigurationBody,
          response: ssoConfigurationView,
        },
        async (scope, { body }) => {
          await saveSsoConfiguration(scope, deps, body);
          return getSsoConfiguration(scope, deps);
        },
      ),

      route.post(
        "/api/sso/test",
        {
          summary: "Start a test sign-in at the provider (the result shows on the organisation page)",
          response: ssoTestStart,
        },
        async (scope, _input, reply) => {
          const answer = await startTest(scope, deps);
          if ("flowCookie" in answer && answer.flowCookie) setFlowCookie(reply, answer.flowCookie);
          return { redirectTo: answer.redirectTo };
        },
      ),

      route.put(
        "/api/sso/enabled",
        {
          summary: "Switch single sign-on on (after a successful test) or off",
          body: ssoEnabledBody,
          response: ssoConfigurationView,
        },
        async (scope, { body }) => {
          await setSsoEnabled(scope, body);
          return getSsoConfiguration(scope, deps);
        },
      ),

      route.delete(
        "/api/sso/configuration",
        { summary: "Remove the organisation's single sign-on", status: 204 },
        (scope) => deleteSsoConfiguration(scope),
      ),

      route.get(
        "/api/sso/people/:personId/accounts",
        {
          summary: "The provider accounts that sign a person in",
          params: ssoPersonParams,
          response: linkedAccountsView,
        },
        (scope, { params }) => listLinkedAccounts(scope, params),
      ),

      route.delete(
        "/api/sso/people/:personId/accounts",
        {
          summary: "Unlink a person's provider accounts (the next sign-in links anew)",
          params: ssoPersonParams,
          status: 204,
        },
        (scope, { params }) => unlinkAccounts(scope, params),
      ),
    ];
  },
);
