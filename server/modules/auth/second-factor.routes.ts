import type { FastifyReply } from "fastify";
import { z } from "zod";
import { personParams } from "../../../common/schemas/people.ts";
import {
  authenticatorAppSetup,
  confirmAuthenticatorAppBody,
  factorAdded,
  factorParams,
  mySecondFactors,
  personSecondFactor,
  recoveryCodesView,
  registerPasskeyBody,
  renameFactorBody,
  secondFactorChallenge,
  secondFactorPolicy,
  verifyPasskeyBody,
  verifyRecoveryCodeBody,
  verifyTotpBody,
} from "../../../common/schemas/second-factor.ts";
import { secretSealer } from "../../crypto/secrets.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import type { Scope } from "../../http/scope.ts";
import { AccountThrottle } from "./login-throttle.ts";
import {
  getPersonSecondFactor,
  getSecondFactorPolicy,
  resetPersonSecondFactor,
  setSecondFactorPolicy,
} from "./second-factor-admin.service.ts";
import {
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  relyingPartyOf,
} from "./second-factor-passkeys.ts";
import {
  confirmAuthenticatorApp,
  type FactorAddedResult,
  forgetRememberedDevices,
  listMySecondFactors,
  registerPasskey,
  removeFactor,
  renameFactor,
  renewRecoveryCodes,
  startAuthenticatorApp,
} from "./second-factor-profile.service.ts";
import {
  REMEMBERED_DEVICE_COOKIE,
  REMEMBERED_DEVICE_DAYS,
  REMEMBERED_DEVICE_PATH,
  type SettledSession,
} from "./second-factor-session.ts";
import { beginSecondFactor, verifyPasskey, verifyRecoveryCode, verifyTotp } from "./second-factor.service.ts";
import { setSessionCookie } from "./sessions.ts";
import { perOfficeAddress } from "../../http/rate-limits.ts";

const ok = z.object({ ok: z.literal(true) });
/** WebAuthn options go to the browser as @simplewebauthn/server made them. */
const webauthnOptions = z.looseObject({ challenge: z.string() });
/** Per IP; the per-person throttle below is what stops guessing six digits. */
const verifyLimit = perOfficeAddress;

export const secondFactorRoutes = defineRoutes(
  ["auth"],
  ({ config, database }: Pick<AppDeps, "config" | "database">) => {
    const { db } = database;
    const sealer = () => secretSealer(db, config.secretsKey);
    const rp = relyingPartyOf(config.publicUrl);
    // Six digits are guessable with enough tries: after 5 wrong ones a person waits, doubling (decision 0010's delay).
    const wrongCodes = new AccountThrottle({ freeFailures: 5 });

    /** Puts the full session (and the remembered-device cookie) on the browser. */
    const settle = (reply: FastifyReply, settled: SettledSession | null) => {
      if (!settled) return;
      setSessionCookie(reply, settled.sessionToken, config.cookieSecure);
      if (settled.deviceToken)
        reply.setCookie(REMEMBERED_DEVICE_COOKIE, settled.deviceToken, {
          httpOnly: true,
          sameSite: "strict",
          secure: config.cookieSecure,
          path: REMEMBERED_DEVICE_PATH,
          maxAge: REMEMBERED_DEVICE_DAYS * 86_400,
        });
    };
    /** Runs a proof of the factor under the per-person throttle. */
    const throttled = async (scope: Scope, reply: FastifyReply, proof: () => Promise<SettledSession>) => {
      const key = `${scope.tenant.organisationId}|${scope.actor.personId}`;
      const wait = wrongCodes.retryAfterSeconds(key, scope.now.getTime());
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw new AppError("TOO_MANY_REQUESTS");
      }
      try {
        settle(reply, await proof());
        wrongCodes.recordSuccess(key);
        return { ok: true as const };
      } catch (error) {
        if (error instanceof AppError && error.code !== "SECOND_FACTOR_NOT_PENDING")
          wrongCodes.recordFailure(key, scope.now.getTime());
        throw error;
      }
    };
    const added = (reply: FastifyReply, result: FactorAddedResult) => {
      settle(reply, result.settled);
      return { recoveryCodes: result.recoveryCodes };
    };

    return [
      // Proving the factor after the first step of signing in.
      route.post(
        "/api/auth/second-factor/start",
        {
          summary: "What the second sign-in step offers (a remembered device settles it at once)",
          response: secondFactorChallenge,
          secondFactorStep: "verify",
        },
        async (scope, _input, reply) => {
          const request = reply.request;
          const { challenge, settled } = await beginSecondFactor(scope, {
            deviceToken: request.cookies[REMEMBERED_DEVICE_COOKIE],
          });
          settle(reply, settled);
          return challenge;
        },
      ),
      route.post(
        "/api/auth/second-factor/totp",
        {
          summary: "Finish signing in with a code from the authenticator app",
          body: verifyTotpBody,
          response: ok,
          rateLimit: verifyLimit,
          secondFactorStep: "verify",
        },
        async (scope, { body }, reply) =>
          throttled(scope, reply, async () => verifyTotp(scope, body, await sealer())),
      ),
      route.post(
        "/api/auth/second-factor/recovery-code",
        {
          summary: "Finish signing in with a recovery code (spent)",
          body: verifyRecoveryCodeBody,
          response: ok,
          rateLimit: verifyLimit,
          secondFactorStep: "verify",
        },
        async (scope, { body }, reply) => throttled(scope, reply, () => verifyRecoveryCode(scope, body)),
      ),
      route.post(
        "/api/auth/second-factor/passkey/options",
        {
          summary: "A challenge for signing in with a passkey",
          response: webauthnOptions,
          secondFactorStep: "verify",
        },
        async (scope) => ({ ...(await passkeyAuthenticationOptions(scope, rp)) }),
      ),
      route.post(
        "/api/auth/second-factor/passkey",
        {
          summary: "Finish signing in with a passkey",
          body: verifyPasskeyBody,
          response: ok,
          rateLimit: verifyLimit,
          secondFactorStep: "verify",
        },
        async (scope, { body }, reply) => throttled(scope, reply, () => verifyPasskey(scope, body, rp)),
      ),

      // The person's own factors, also reached by a session the organisation's rule sent to set one up.
      route.get(
        "/api/me/second-factors",
        {
          summary: "My second factors, recovery codes left and remembered devices",
          response: mySecondFactors,
          secondFactorStep: "enrol",
        },
        (scope) => listMySecondFactors(scope),
      ),
      route.post(
        "/api/me/second-factors/totp",
        {
          summary: "Start setting up an authenticator app (a new secret, shown once)",
          response: authenticatorAppSetup,
          answerHoldsSecret: true,
          secondFactorStep: "enrol",
        },
        async (scope) => startAuthenticatorApp(scope, await sealer()),
      ),
      route.post(
        "/api/me/second-factors/totp/confirm",
        {
          summary: "Finish the authenticator app with a code from it",
          body: confirmAuthenticatorAppBody,
          response: factorAdded,
          status: 201,
          answerHoldsSecret: true,
          secondFactorStep: "enrol",
        },
        async (scope, { body }, reply) =>
          added(reply, await confirmAuthenticatorApp(scope, body, await sealer())),
      ),
      route.post(
        "/api/me/second-factors/passkey/options",
        {
          summary: "A challenge for making a new passkey",
          response: webauthnOptions,
          secondFactorStep: "enrol",
        },
        async (scope) => ({ ...(await passkeyRegistrationOptions(scope, rp)) }),
      ),
      route.post(
        "/api/me/second-factors/passkey",
        {
          summary: "Add the passkey the browser made",
          body: registerPasskeyBody,
          response: factorAdded,
          status: 201,
          answerHoldsSecret: true,
          secondFactorStep: "enrol",
        },
        async (scope, { body }, reply) => added(reply, await registerPasskey(scope, body, rp)),
      ),
      route.patch(
        "/api/me/second-factors/:factorId",
        {
          summary: "Rename one of my second factors",
          params: factorParams,
          body: renameFactorBody,
          response: ok,
        },
        async (scope, { params, body }) => {
          await renameFactor(scope, { ...params, ...body });
          return { ok: true as const };
        },
      ),
      route.delete(
        "/api/me/second-factors/:factorId",
        { summary: "Remove one of my second factors", params: factorParams, status: 204 },
        (scope, { params }) => removeFactor(scope, params),
      ),
      route.post(
        "/api/me/second-factors/recovery-codes",
        {
          summary: "New recovery codes (the old ones stop working), shown once",
          response: recoveryCodesView,
          answerHoldsSecret: true,
        },
        async (scope) => ({ recoveryCodes: await renewRecoveryCodes(scope) }),
      ),
      route.delete(
        "/api/me/remembered-devices",
        { summary: "Forget every remembered device: each asks for the second factor again", status: 204 },
        (scope) => forgetRememberedDevices(scope),
      ),

      // The coordinator's side.
      route.get(
        "/api/organisation/second-factor",
        {
          summary: "Whether coordinators and designers must use a second factor",
          response: secondFactorPolicy,
        },
        (scope) => getSecondFactorPolicy(scope),
      ),
      route.put(
        "/api/organisation/second-factor",
        {
          summary: "Require (or stop requiring) a second factor of coordinators and designers",
          body: secondFactorPolicy,
          response: secondFactorPolicy,
        },
        (scope, { body }) => setSecondFactorPolicy(scope, body),
      ),
      route.get(
        "/api/people/:personId/second-factor",
        {
          summary: "Whether a colleague has a second factor",
          params: personParams,
          response: personSecondFactor,
        },
        (scope, { params }) => getPersonSecondFactor(scope, params),
      ),
      route.delete(
        "/api/people/:personId/second-factor",
        {
          summary: "Reset a colleague's lost second factor (signs them out everywhere; audited)",
          params: personParams,
          status: 204,
        },
        (scope, { params }) => resetPersonSecondFactor(scope, params),
      ),
    ];
  },
);
