import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  answerFeedbackBody,
  askFeedbackBody,
  colleaguesView,
  feedbackParams,
  isAttachmentType,
  myFeedbackView,
} from "../../../common/schemas/peer-feedback.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  answerFeedback,
  askFeedback,
  attachmentOf,
  colleaguesOf,
  myFeedback,
} from "./peer-feedback.service.ts";

const signedIn = { access: "signed-in" } as const;

/**
 * Headers for a file a person uploaded. Only a photo or video of a known raster type is shown inline;
 * anything else (an SVG stored before uploads were limited, a mislabelled file) is a download. The
 * browser may not guess another type (nosniff), and if it renders the file anyway, it does so in a
 * sandbox without script, plugins, forms or same-origin access.
 */
export function userFileHeaders(file: { name: string; type: string }): Record<string, string> {
  const safe = isAttachmentType(file.type);
  const name = file.name.replace(/[^\w.-]/g, "_");
  return {
    "content-type": safe ? file.type : "application/octet-stream",
    "content-disposition": `${safe ? "inline" : "attachment"}; filename="${name}"`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'",
    "cache-control": "private, no-store",
  };
}
const tags = ["peer-feedback"];

export const peerFeedbackRoutes: FastifyPluginAsyncZod<
  Pick<AppDeps, "database" | "clock" | "config">
> = async (app, { database, clock, config }) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);

  app.get(
    "/api/me/cohort-colleagues",
    {
      schema: {
        tags,
        summary: "The colleagues in my cohorts I can ask for feedback",
        response: { 200: colleaguesView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return colleaguesOf(tenantOf(actor.organisationId), actor);
    },
  );

  app.get(
    "/api/me/feedback",
    {
      schema: {
        tags,
        summary: "Feedback I asked for, and requests waiting for my answer",
        response: { 200: myFeedbackView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return myFeedback(tenantOf(actor.organisationId), actor);
    },
  );

  app.post(
    "/api/feedback-requests",
    {
      schema: {
        tags,
        summary:
          "Ask a colleague from the cohort for feedback on an application or assignment (optionally a photo or video)",
        body: askFeedbackBody,
      },
      config: signedIn,
      bodyLimit: 12 * 1024 * 1024,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await askFeedback(
        tenantOf(actor.organisationId),
        actor,
        request.body,
        clock(),
        config.publicUrl,
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/api/feedback-requests/:requestId/answer",
    {
      schema: {
        tags,
        summary: "Answer a feedback request: what went well, one thing to try",
        params: feedbackParams,
        body: answerFeedbackBody,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await answerFeedback(
        tenantOf(actor.organisationId),
        actor,
        request.params.requestId,
        request.body,
        clock(),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/feedback-requests/:requestId/attachment",
    {
      schema: {
        tags,
        summary: "The photo or video with a request (asker and colleague only)",
        params: feedbackParams,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await attachmentOf(tenantOf(actor.organisationId), actor, request.params.requestId);
      return reply.headers(userFileHeaders(file)).send(file.data);
    },
  );
};
