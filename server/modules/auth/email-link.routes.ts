import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  emailLinkBody,
  emailLinkRedeemBody,
  printSignInCardBody,
  signInCardView,
  tokenBody,
} from "../../../common/schemas/auth.ts";
import { personParams } from "../../../common/schemas/people.ts";
import type { AppDeps } from "../../http/context.ts";
import type { PasswordGate } from "./auth.service.ts";
import { attachment, defineRoutes, publicRoute, route, withHeaders } from "../../http/route-table.ts";
import { EMAIL_LINK_MINUTES, PENDING_COOKIE, redeemWith, requestEmailLink } from "./email-link.service.ts";
import { setSessionCookie } from "./sessions.ts";
import { getSignInCard, printSignInCard, revokeSignInCard, signInWithCard } from "./sign-in-cards.service.ts";
import { perOfficeAddress } from "../../http/rate-limits.ts";

const ok = z.object({ ok: z.literal(true) });
const PENDING_PATH = "/api/auth/email-link";

/**
 * Sign-in emails per client (IP): enough for a whole office on one router. Per address, whoever asks,
 * the worker sends at most three in 15 minutes (`EMAILS_PER_WINDOW`), so no inbox is flooded from one
 * IP or many.
 */
const emailLimit = perOfficeAddress;
/** Link, code and card redemption per client: tokens are 256-bit; codes have their own five tries. */
const redeemLimit = perOfficeAddress;

/** Email-link sign-in with a six-digit code, and printed QR sign-in cards (decision 0024). */
export const emailLinkRoutes = defineRoutes(
  ["auth"],
  ({
    config,
    database,
    jobs,
    clock,
    passwordSignInAllowed,
  }: Pick<AppDeps, "config" | "database" | "jobs" | "clock"> & { passwordSignInAllowed?: PasswordGate }) => {
    const { db } = database;
    const userAgentOf = (request: FastifyRequest) => request.headers["user-agent"] ?? null;
    const signedIn = (reply: FastifyReply, token: string) => {
      setSessionCookie(reply, token, config.cookieSecure);
      return { ok: true as const };
    };
    const submissionKey = (request: FastifyRequest) => {
      const key = request.headers["idempotency-key"];
      return typeof key === "string" && key.length >= 8 && key.length <= 255 ? key : null;
    };

    return [
      publicRoute.post(
        "/api/auth/email-link",
        {
          summary: "Email a one-time sign-in link and code (always answers 202, for any address)",
          body: emailLinkBody,
          response: ok,
          status: 202,
          rateLimit: emailLimit,
        },
        async (request, { body }, reply) => {
          // The same work for every address: store the request, answer. The worker looks it up.
          const { pendingSecret } = await requestEmailLink(db, {
            email: body.email,
            locale: request.locale,
            now: clock(),
            submissionKey: submissionKey(request),
          });
          await jobs.send("auth.send-sign-in-links");
          // Ties the code in the email to this browser; strict, so no other site can send it along.
          reply.setCookie(PENDING_COOKIE, pendingSecret, {
            httpOnly: true,
            sameSite: "strict",
            secure: config.cookieSecure,
            path: PENDING_PATH,
            maxAge: EMAIL_LINK_MINUTES * 60,
          });
          return { ok: true as const };
        },
      ),

      publicRoute.post(
        "/api/auth/email-link/redeem",
        {
          summary:
            "Sign in with the emailed link ({token}) or its code ({email, code}, on the asking browser)",
          body: emailLinkRedeemBody,
          response: ok,
          rateLimit: redeemLimit,
        },
        async (request, { body }, reply) => {
          const { token } = await redeemWith(db, body, {
            pendingSecret: request.cookies[PENDING_COOKIE],
            now: clock(),
            userAgent: userAgentOf(request),
            passwordAllowed: passwordSignInAllowed,
          });
          reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
          return signedIn(reply, token);
        },
      ),

      publicRoute.post(
        "/api/auth/sign-in-card",
        {
          summary: "Sign in with the token of a printed QR sign-in card",
          body: tokenBody,
          response: ok,
          rateLimit: redeemLimit,
        },
        async (request, { body }, reply) =>
          signedIn(
            reply,
            (
              await signInWithCard(db, {
                token: body.token,
                now: clock(),
                userAgent: userAgentOf(request),
                passwordAllowed: passwordSignInAllowed,
              })
            ).token,
          ),
      ),

      route.get(
        "/api/people/:personId/sign-in-card",
        {
          tags: ["people"],
          summary: "The person's live sign-in card, if any (never its token)",
          params: personParams,
          response: signInCardView,
        },
        (scope, { params }) => getSignInCard(scope, params),
      ),

      route.post(
        "/api/people/:personId/sign-in-card",
        {
          tags: ["people"],
          summary: "Print a new QR sign-in card (PDF); the older card stops working",
          params: personParams,
          body: printSignInCardBody,
        },
        async (scope, { params, body }) => {
          const file = await printSignInCard(scope, {
            ...params,
            validMonths: body.validMonths,
            publicUrl: config.publicUrl,
          });
          return withHeaders(attachment(file.fileName, "application/pdf"), file.body);
        },
      ),

      route.delete(
        "/api/people/:personId/sign-in-card",
        {
          tags: ["people"],
          summary: "Block the person's sign-in card",
          params: personParams,
          status: 204,
        },
        (scope, { params }) => revokeSignInCard(scope, params),
      ),
    ];
  },
);
