import path from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { actorLookup } from "../modules/auth/actor-cache.ts";
import { authRoutes } from "../modules/auth/auth.routes.ts";
import { emailLinkRoutes } from "../modules/auth/email-link.routes.ts";
import { secondFactorRoutes } from "../modules/auth/second-factor.routes.ts";
import { certificateRoutes } from "../modules/certificates/certificates.routes.ts";
import { cohortRoutes } from "../modules/cohorts/cohorts.routes.ts";
import { designCheckRoutes } from "../modules/design-check/design-check.routes.ts";
import { evidenceRoutes } from "../modules/evidence/evidence.routes.ts";
import { trajectoryRoutes } from "../modules/trajectories/trajectories.routes.ts";
import { healthRoutes } from "../modules/health/health.routes.ts";
import { homeRoutes } from "../modules/home/home.routes.ts";
import { notificationRoutes } from "../modules/notifications/notifications.routes.ts";
import { organisationRoutes } from "../modules/organisations/organisations.routes.ts";
import { privacyRoutes } from "../modules/privacy/privacy.routes.ts";
import { impactRecordRoutes } from "../modules/impact/impact-records.routes.ts";
import { impactRoutes } from "../modules/impact/impact.routes.ts";
import { impactSurveyRoutes } from "../modules/impact/survey.routes.ts";
import { cultureScanRoutes } from "../modules/culture-scan/culture-scan.routes.ts";
import { learningRoutes } from "../modules/learning/learning.routes.ts";
import { practiceRoutes } from "../modules/practice/practice.routes.ts";
import { actionPlanRoutes } from "../modules/action-plans/action-plans.routes.ts";
import { teamRoutes } from "../modules/team/team.routes.ts";
import { digestRoutes } from "../modules/digest/digest.routes.ts";
import { badgeRoutes } from "../modules/badges/badges.routes.ts";
import { coachingRoutes } from "../modules/coaching/coaching.routes.ts";
import { noticeRoutes } from "../modules/notices/notices.routes.ts";
import { peerFeedbackRoutes } from "../modules/peer-feedback/peer-feedback.routes.ts";
import { contentRoutes, registerContentHost } from "../modules/packages/content.routes.ts";
import { cmi5StatementsListener } from "../modules/packages/cmi5-progress.ts";
import { cmi5StatementsGuard } from "../modules/packages/cmi5-rules.ts";
import { packageRoutes } from "../modules/packages/packages.routes.ts";
import { questionRoutes } from "../modules/questions/questions.routes.ts";
import { reminderRoutes } from "../modules/reminders/reminders.routes.ts";
import { lrsRoutes } from "../modules/xapi/lrs-http.ts";
import { xapiClientRoutes } from "../modules/xapi/xapi-clients.routes.ts";
import { xapiForwardingRoutes } from "../modules/xapi/forwarding.routes.ts";
import { passwordSignInAllowed } from "../modules/sso/index.ts";
import { ssoRoutes } from "../modules/sso/sso.routes.ts";
import { scimRoutes } from "../modules/scim/scim-http.ts";
import { scimTokenRoutes } from "../modules/scim/scim-tokens.routes.ts";
import { aiRoutes } from "../modules/ai/ai.routes.ts";
import type { Logger } from "pino";
import { createLogger } from "../logger.ts";
import { registerMetrics } from "../ops/metrics.ts";
import type { AppDeps } from "./context.ts";
import { frameworkErrorHandler, registerErrorHandler, registerNotFoundHandler } from "./error-handler.ts";
import { registerIdempotency } from "./idempotency.ts";
import { registerInputGuard } from "./input-guard.ts";
import { registerRequestContext } from "./request-context.ts";
import { registerScope } from "./scope.ts";
import { helmetOptions, registerSecurityHeaders } from "./security-headers.ts";
import { readWebAppPage } from "./web-app-page.ts";
import { webAppCacheControl } from "./web-app-cache.ts";

export interface BuildOptions {
  /** Serve the built web app from this folder (production); tests of the API leave it out. */
  webDist?: string | null;
  logger?: Logger;
  /** Called for every route as it is registered (the cross-tenant harness lists routes this way). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const page = options.webDist ? readWebAppPage(options.webDist) : null;
  const headers = helmetOptions(deps.config.cookieSecure, deps.config.contentOrigin, page?.styleHashes);
  const app = Fastify({
    loggerInstance: (options.logger ?? createLogger(deps.config.logLevel)) as FastifyBaseLogger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 256 * 1024,
    // Request ids in problem bodies let support find the log line without exposing anything else.
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkErrorHandler(headers),
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook("onRoute", options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await registerSecurityHeaders(app, headers);
  registerContentHost(app, deps.config.contentOrigin);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Beklijf API",
        version: "0.1.0",
        description:
          "Errors are application/problem+json with a stable `code` and a `detail` in the language of Accept-Language or the person's setting.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "beklijf_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  registerRequestContext(app, actorLookup(deps.database), deps.config.publicUrl, deps.clock);
  registerScope(app, deps.database.db, deps.config.publicUrl, deps.clock);
  registerErrorHandler(app);
  registerInputGuard(app);
  registerIdempotency(app);
  // Before the routes, so its timing hook sees every one of them (decision 0030).
  await registerMetrics(app, { token: deps.config.metricsToken, database: deps.database });

  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async () =>
    app.swagger(),
  );
  await app.register(healthRoutes, deps);
  // Password, link and card sign-in ask the sso module whether the organisation requires single sign-on.
  await app.register(authRoutes, { ...deps, passwordSignInAllowed });
  await app.register(emailLinkRoutes, { ...deps, passwordSignInAllowed });
  await app.register(secondFactorRoutes, deps);
  await app.register(ssoRoutes, deps);
  await app.register(organisationRoutes, deps);
  await app.register(homeRoutes);
  await app.register(notificationRoutes, deps);
  await app.register(trajectoryRoutes);
  await app.register(designCheckRoutes);
  await app.register(evidenceRoutes);
  await app.register(cohortRoutes, deps);
  await app.register(privacyRoutes);
  await app.register(impactRoutes);
  await app.register(impactRecordRoutes);
  await app.register(impactSurveyRoutes);
  await app.register(cultureScanRoutes, deps);
  await app.register(questionRoutes);
  await app.register(aiRoutes, deps);
  await app.register(learningRoutes, deps);
  await app.register(practiceRoutes);
  await app.register(reminderRoutes, deps);
  await app.register(actionPlanRoutes);
  await app.register(teamRoutes);
  await app.register(digestRoutes, deps);
  await app.register(badgeRoutes, deps);
  await app.register(coachingRoutes);
  await app.register(peerFeedbackRoutes);
  await app.register(noticeRoutes);
  await app.register(certificateRoutes);
  await app.register(xapiClientRoutes);
  await app.register(xapiForwardingRoutes, deps);
  await app.register(lrsRoutes, {
    db: deps.database.db,
    site: deps.config.publicUrl,
    clock: deps.clock,
    afterLaunchStatements: cmi5StatementsListener(deps.config.publicUrl),
    beforeLaunchStatements: cmi5StatementsGuard(),
  });
  await app.register(scimTokenRoutes);
  await app.register(scimRoutes, { db: deps.database.db, site: deps.config.publicUrl, clock: deps.clock });
  await app.register(packageRoutes, { contentOrigin: deps.config.contentOrigin });
  await app.register(
    contentRoutes({
      db: deps.database.db,
      appOrigin: new URL(deps.config.publicUrl).origin,
      contentOrigin: deps.config.contentOrigin,
      clock: deps.clock,
    }),
  );

  if (options.webDist) await serveWebApp(app, options.webDist);
  registerNotFoundHandler(app, page);
  return app;
}

/** Serves the built SPA's files; unknown non-API paths get its page (`registerNotFoundHandler`). */
async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    // The build writes .br and .gz copies (scripts/precompress.ts): sent as they are, by Accept-Encoding.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      const name = path.relative(webDist, file).split(path.sep).join("/");
      reply.header("cache-control", webAppCacheControl(name));
    },
  });
}
