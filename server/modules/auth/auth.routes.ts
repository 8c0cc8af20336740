import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  changePasswordBody,
  forgotPasswordBody,
  sessionParams,
  sessionsView,
  signInBody,
  tokenBody,
  tokenInfo,
  tokenPasswordBody,
} from "../../../common/schemas/auth.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, publicRoute, route } from "../../http/route-table.ts";
import { AppError } from "../../errors.ts";
import { AccountThrottle, LoginThrottle } from "./login-throttle.ts";
import {
  changePassword,
  describeInvitation,
  type PasswordGate,
  queuePasswordReset,
  redeemToken,
  signIn,
} from "./auth.service.ts";
import {
  endOtherSessions,
  endOwnSession,
  listOwnSessions,
  SESSION_COOKIE,
  setSessionCookie,
  signOut,
} from "./sessions.ts";
import { presentSessions } from "./sessions.presenter.ts";
import {
  DEVICE_COOKIE,
  DEVICE_DAYS,
  deviceKey,
  isTrustedDevice,
  issueDeviceToken,
} from "./trusted-devices.ts";
import { perOfficeAddress } from "../../http/rate-limits.ts";

const ok = z.object({ ok: z.literal(true) });

/** Emails sent on request (reset links) are limited per IP and address, so nobody can flood an inbox. */
const mailLimit = {
  max: 5,
  timeWindow: "15 minutes",
  keyGenerator: (request: { ip: string; body?: unknown }) =>
    `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase()}`,
};
/** Link lookup and redemption: tokens are 256-bit, so the limit only keeps the noise down. */
const linkLimit = perOfficeAddress;
/** Guessing the current password through a borrowed session is limited like sign-in. */
const passwordChangeLimit = { max: 10, timeWindow: "15 minutes" };

export const authRoutes = defineRoutes(
  ["auth"],
  ({
    config,
    database,
    jobs,
    clock,
    passwordSignInAllowed,
  }: Pick<AppDeps, "config" | "database" | "jobs" | "clock"> & { passwordSignInAllowed?: PasswordGate }) => {
    const { db } = database;
    // Guessing one address is slowed after 10 failures; spraying many addresses from one IP after 50.
    const perAddress = new LoginThrottle({ maxFailures: 10 });
    const perIp = new LoginThrottle({ maxFailures: 50 });
    // Guessing one account from many IPs: free for 20 failures, then a doubling delay (decision 0010).
    const perAccount = new AccountThrottle();
    const signedIn = (reply: FastifyReply, token: string) =>
      setSessionCookie(reply, token, config.cookieSecure);
    const userAgentOf = (request: FastifyRequest) => request.headers["user-agent"] ?? null;
    /** A link that is spent by choosing a password, and signs the person in on this device. */
    const redeemRoute = (url: string, purpose: "invitation" | "password-reset", summary: string) =>
      publicRoute.post(
        url,
        { summary, body: tokenPasswordBody, response: ok, rateLimit: linkLimit },
        async (request, { body }, reply) => {
          const { token } = await redeemToken(db, {
            ...body,
            purpose,
            now: clock(),
            userAgent: userAgentOf(request),
            passwordAllowed: passwordSignInAllowed,
          });
          signedIn(reply, token);
          return { ok: true as const };
        },
      );

    return [
      publicRoute.post(
        "/api/auth/sign-in",
        { summary: "Sign in with email and password", body: signInBody, response: ok },
        async (request, { body }, reply) => {
          const { email, password } = body;
          const keys = [`${request.ip}|${email}`, request.ip];
          const now = clock();
          const key = await deviceKey(db);
          // A browser that signed in to this account before is not held back by the account-wide delay.
          const trusted = isTrustedDevice(key, request.cookies[DEVICE_COOKIE], email);
          const wait = Math.max(
            perAddress.retryAfterSeconds(keys[0]!, now.getTime()),
            perIp.retryAfterSeconds(keys[1]!, now.getTime()),
            trusted ? 0 : perAccount.retryAfterSeconds(email, now.getTime()),
          );
          if (wait > 0) {
            reply.header("retry-after", String(wait));
            throw new AppError("TOO_MANY_REQUESTS");
          }
          try {
            // Rotation: the session this browser had before (if any) ends; the new one has a new id.
            const { token } = await signIn(db, {
              email,
              password,
              now,
              userAgent: userAgentOf(request),
              replacing: request.actor,
              passwordAllowed: passwordSignInAllowed,
            });
            perAddress.recordSuccess(keys[0]!);
            if (!trusted) perAccount.recordSuccess(email);
            signedIn(reply, token);
            reply.setCookie(DEVICE_COOKIE, issueDeviceToken(key, email), {
              httpOnly: true,
              sameSite: "strict",
              secure: config.cookieSecure,
              path: "/api/auth",
              maxAge: DEVICE_DAYS * 86_400,
            });
            return { ok: true as const };
          } catch (error) {
            if (error instanceof AppError && error.code === "INVALID_CREDENTIALS") {
              perAddress.recordFailure(keys[0]!, now.getTime());
              perIp.recordFailure(keys[1]!, now.getTime());
              if (!trusted) perAccount.recordFailure(email, now.getTime());
            }
            throw error;
          }
        },
      ),

      route.post(
        "/api/auth/sign-out",
        { summary: "Sign out", response: ok, secondFactorStep: "any" },
        async (scope, _input, reply) => {
          await signOut(scope);
          reply.clearCookie(SESSION_COOKIE, { path: "/" });
          return { ok: true as const };
        },
      ),

      publicRoute.post(
        "/api/auth/forgot-password",
        {
          summary: "Email a one-time password reset link (always answers 202)",
          body: forgotPasswordBody,
          response: ok,
          status: 202,
          rateLimit: mailLimit,
        },
        async (request, { body }) => {
          // The same work for every address: queue it, answer. The worker finds out whether it is anyone's.
          await queuePasswordReset(db, body.email, request.locale, clock());
          await jobs.send("auth.send-reset-links");
          return { ok: true as const };
        },
      ),

      redeemRoute("/api/auth/reset-password", "password-reset", "Choose a new password with a reset link"),

      // POST, not GET with the token in the path: a secret in a URL ends up in logs and proxies.
      publicRoute.post(
        "/api/auth/invitations/lookup",
        {
          summary: "Who an invitation link is for (before choosing a password)",
          body: tokenBody,
          response: tokenInfo,
          rateLimit: linkLimit,
        },
        (_request, { body }) => describeInvitation(db, body.token, clock()),
      ),

      redeemRoute(
        "/api/auth/invitations/accept",
        "invitation",
        "Accept an invitation by choosing a password",
      ),

      route.get(
        "/api/me/sessions",
        { summary: "Where I am signed in: my live sessions, this device marked", response: sessionsView },
        async (scope) => presentSessions(await listOwnSessions(scope), scope.actor.sessionId),
      ),

      route.delete(
        "/api/me/sessions/:sessionId",
        {
          summary: "Sign out one of my sessions (another device, or this one)",
          params: sessionParams,
          status: 204,
        },
        async (scope, { params }, reply) => {
          await endOwnSession(scope, params);
          if (params.sessionId === scope.actor.sessionId) reply.clearCookie(SESSION_COOKIE, { path: "/" });
        },
      ),

      route.post(
        "/api/me/sessions/sign-out-others",
        {
          summary: "Sign out everywhere except this device",
          response: z.object({ ended: z.number().int() }),
        },
        async (scope) => ({ ended: await endOtherSessions(scope) }),
      ),

      route.post(
        "/api/me/password",
        {
          summary: "Change my password (current password required); signs out my other sessions",
          body: changePasswordBody,
          response: z.object({ endedSessions: z.number().int() }),
          rateLimit: passwordChangeLimit,
        },
        (scope, { body }) => changePassword(scope, body),
      ),
    ];
  },
);
