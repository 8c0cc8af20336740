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
import { defineRoutes, route, withHeaders } from "../../http/route-table.ts";
import {
  answerFeedback,
  askFeedback,
  attachmentOf,
  colleaguesOf,
  myFeedback,
} from "./peer-feedback.service.ts";

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
export const peerFeedbackRoutes = defineRoutes(
  ["peer-feedback"],
  [
    route.get(
      "/api/me/cohort-colleagues",
      { summary: "The colleagues in my cohorts I can ask for feedback", response: colleaguesView },
      (scope) => colleaguesOf(scope),
    ),

    route.get(
      "/api/me/feedback",
      { summary: "Feedback I asked for, and requests waiting for my answer", response: myFeedbackView },
      (scope) => myFeedback(scope),
    ),

    route.post(
      "/api/feedback-requests",
      {
        summary:
          "Ask a colleague from the cohort for feedback on an application or assignment (optionally a photo or video)",
        body: askFeedbackBody,
        status: 201,
        bodyLimit: MAX_REQUEST_BYTES,
        // onRequest runs before the body is parsed (preValidation would be too late: after the upload).
        onRequest: async (request) => refuseOversizedBody(request.headers),
      },
      (scope, { body }) => askFeedback(scope, body),
    ),

    route.post(
      "/api/feedback-requests/:requestId/answer",
      {
        summary: "Answer a feedback request: what went well, one thing to try",
        params: feedbackParams,
        body: answerFeedbackBody,
        status: 204,
      },
      (scope, { params, body }) => answerFeedback(scope, { ...params, ...body }),
    ),

    route.get(
      "/api/feedback-requests/:requestId/attachment",
      { summary: "The photo or video with a request (asker and colleague only)", params: feedbackParams },
      async (scope, { params }) => {
        const file = await attachmentOf(scope, params);
        return withHeaders(userFileHeaders(file), file.data);
      },
    ),
  ],
);
