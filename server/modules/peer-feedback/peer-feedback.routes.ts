import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  answerFeedbackBody,
  askFeedbackBody,
  colleaguesView,
  feedbackParams,
  isAttachmentType,
  MAX_ATTACHMENT_BYTES,
  myFeedbackView,
} from "../../../common/schemas/peer-feedback.ts";
import { AppError } from "../../errors.ts";
import { scopeOf } from "../../http/scope.ts";
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

/** The attachment travels as base64 (4 bytes per 3) inside JSON, with room for the other fields. */
export const MAX_REQUEST_BYTES = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

/**
 * Refuses a request whose announced size is over the limit before a byte of its body is read, so a
 * 50 MB video is not uploaded in full to be refused. The message names the attachment limit in MB.
 */
export function refuseOversizedBody(headers: { "content-length"?: string | undefined }): void {
  const announced = Number(headers["content-length"] ?? 0);
  if (Number.isFinite(announced) && announced > MAX_REQUEST_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `request of ${announced} bytes`, {
      context: "limit",
      limit: MAX_ATTACHMENT_BYTES / (1024 * 1024),
    });
}

/** Feedback requests to a colleague in the same cohort, answered once in a fixed form. */
export const peerFeedbackRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => colleaguesOf(scopeOf(request)),
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
    async (request) => myFeedback(scopeOf(request)),
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
      bodyLimit: MAX_REQUEST_BYTES,
      // onRequest runs before the body is parsed (preValidation would be too late: after the upload).
      onRequest: async (request) => refuseOversizedBody(request.headers),
    },
    async (request, reply) => reply.status(201).send(await askFeedback(scopeOf(request), request.body)),
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
      await answerFeedback(scopeOf(request), { ...request.params, ...request.body });
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
      const file = await attachmentOf(scopeOf(request), request.params);
      return reply.headers(userFileHeaders(file)).send(file.data);
    },
  );
};
