import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  forgotPasswordBody,
  signInBody,
  tokenBody,
  tokenInfo,
  tokenPasswordBody,
} from "../../../common/schemas/auth.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { LoginThrottle } from "./login-throttle.ts";
import { describeInvitation, redeemToken, requestPasswordReset, signIn } from "./auth.service.ts";
import { endSession, SESSION_COOKIE, SESSION_DAYS } from "./sessions.ts";

const ok = z.object({ ok: z.literal(true) });

/** Emails sent on request (reset links) are limited per IP and address, so nobody can flood an inbox. */
const mailLimit = {
  max: 5,
  timeWindow: "15 minutes",
  keyGenerator: (request: { ip: string; body?: unknown }) =>
    `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase()}`,
};
/** Link redemption is limited per IP: tokens are 256-bit, this only keeps the noise down. */
const linkLimit = { max: 30, timeWindow: "15 minutes" };

export const authRoutes: FastifyPluginAsyncZod<
  Pick<AppDeps, "config" | "database" | "jobs" | "clock">
> = async (app, { config, database, jobs, clock }) => {
  const { db } = database;
  // Guessing one address is slowed after 10 failures; spraying many addresses from one IP after 50.
  const perAddress = new LoginThrottle({ maxFailures: 10 });
  const perIp = new LoginThrottle({ maxFailures: 50 });
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: config.cookieSecure,
      path: "/",
      maxAge: SESSION_DAYS * 86_400,
    });

  app.post(
    "/api/auth/sign-in",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password",
        body: signInBody,
        response: { 200: ok },
      },
      config: { access: "public" },
    },
    async (request, reply) => {
      const keys = [`${request.ip}|${request.body.email}`, request.ip];
      const now = clock();
      const wait = Math.max(
        perAddress.retryAfterSeconds(keys[0]!, now.getTime()),
        perIp.retryAfterSeconds(keys[1]!, now.getTime()),
      );
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw new AppError("TOO_MANY_REQUESTS");
      }
      try {
        const { token } = await signIn(db, request.body.email, request.body.password, now);
        perAddress.recordSuccess(keys[0]!);
        setSessionCookie(reply, token);
        return { ok: true as const };
      } catch (error) {
        if (error instanceof AppError && error.code === "INVALID_CREDENTIALS") {
          perAddress.recordFailure(keys[0]!, now.getTime());
          perIp.recordFailure(keys[1]!, now.getTime());
        }
        throw error;
      }
    },
  );

  app.post(
    "/api/auth/sign-out",
    {
      schema: { tags: ["auth"], summary: "Sign out", response: { 200: ok } },
      config: { access: "signed-in" },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await endSession(new Tenant(db, actor.organisationId), actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/forgot-password",
    {
      schema: {
        tags: ["auth"],
        summary: "Email a one-time password reset link (always answers 202)",
        body: forgotPasswordBody,
        response: { 202: ok },
      },
      config: { access: "public", rateLimit: mailLimit },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.body.email, config.publicUrl, request.locale, clock());
      await jobs.send("notifications.deliver-outbox");
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    "/api/auth/reset-password",
    {
      schema: {
        tags: ["auth"],
        summary: "Choose a new password with a reset link",
        body: tokenPasswordBody,
        response: { 200: ok },
      },
      config: { access: "public", rateLimit: linkLimit },
    },
    async (request, reply) => {
      const { token } = await redeemToken(
        db,
        request.body.token,
        "password-reset",
        request.body.password,
        clock(),
      );
      setSessionCookie(reply, token);
      return { ok: true as const };
    },
  );

  // POST, not GET with the token in the path: a secret in a URL ends up in logs and proxies.
  app.post(
    "/api/auth/invitations/lookup",
    {
      schema: {
        tags: ["auth"],
        summary: "Who an invitation link is for (before choosing a password)",
        body: tokenBody,
        response: { 200: tokenInfo },
      },
      config: { access: "public", rateLimit: linkLimit },
    },
    async (request) => describeInvitation(db, request.body.token, clock()),
  );

  app.post(
    "/api/auth/invitations/accept",
    {
      schema: {
        tags: ["auth"],
        summary: "Accept an invitation by choosing a password",
        body: tokenPasswordBody,
        response: { 200: ok },
      },
      config: { access: "public", rateLimit: linkLimit },
    },
    async (request, reply) => {
      const { token } = await redeemToken(
        db,
        request.body.token,
        "invitation",
        request.body.password,
        clock(),
      );
      setSessionCookie(reply, token);
      return { ok: true as const };
    },
  );
};
