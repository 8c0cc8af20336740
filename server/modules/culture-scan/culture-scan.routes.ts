import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  actionBody,
  actionParams,
  actionView,
  createScanBody,
  scanAnswerBody,
  scanLookup,
  scanParams,
  scanResults,
  scanSummary,
  scanTokenBody,
  updateActionBody,
  updateScanBody,
} from "../../../common/schemas/culture-scans.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../http/context.ts";
import { scopeOf } from "../../http/scope.ts";
import { hashSecret } from "../auth/index.ts";
import { presentedResults, scanReportPdf, scanResultsCsv } from "./culture-scan-exports.service.ts";
import {
  closeScan,
  createScan,
  deleteScan,
  findScans,
  remindScan,
  updateScan,
} from "./culture-scan.service.ts";
import { lookupScan, saveDraft, submitAnswers } from "./scan-responses.service.ts";
import { addAction } from "./scan-actions.service.ts";
import { updateAction } from "./scan-actions.service.ts";
import { deleteAction } from "./scan-actions.service.ts";

const signedIn = { access: "signed-in" } as const;
const linkLimit = { max: 120, timeWindow: "15 minutes" };
const ok = z.object({ ok: z.literal(true) });

/** Culture scans: the coordinator's side (signed in) and the respondent's (the link is the key). */
export const cultureScanRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "jobs" | "clock">> = async (
  app,
  { database, jobs, clock },
) => {
  /**
   * Sends per address and link: a personal link is sent once, so this only bites the shared poster link,
   * where it keeps one browser from filling the scan's quota of shared answers in one go.
   */
  const sendLimit = app.createRateLimit({
    max: 5,
    timeWindow: "1 hour",
    keyGenerator: (request) => {
      const body = request.body as { token?: unknown } | undefined;
      return `scan-send:${request.ip}:${hashSecret(String(body?.token ?? ""))}`;
    },
  });

  app.get(
    "/api/culture-scans",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "The organisation's culture scans",
        response: { 200: z.array(scanSummary) },
      },
      config: signedIn,
    },
    async (request) => findScans(scopeOf(request)),
  );

  app.post(
    "/api/culture-scans",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Start a scan and email everyone a personal link",
        body: createScanBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const scan = await createScan(scopeOf(request), request.body, jobs);
      return reply.status(201).send({ id: scan.id });
    },
  );

  app.patch(
    "/api/culture-scans/:scanId",
    {
      schema: {
        tags: ["culture-scan"],
        summary:
          "Correct a scan: before it opens title, dates and teams (new people get their link); once open only a later closing date",
        params: scanParams,
        body: updateScanBody,
        response: { 200: ok },
      },
      config: signedIn,
    },
    async (request) => {
      await updateScan(scopeOf(request), { ...request.params, ...request.body }, jobs);
      return { ok: true as const };
    },
  );

  app.delete(
    "/api/culture-scans/:scanId",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Delete a scan that has not opened yet (its links stop working)",
        params: scanParams,
      },
      config: signedIn,
    },
    async (request, reply) => {
      await deleteScan(scopeOf(request), request.params);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/culture-scans/:scanId/results",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Anonymous results: groups, heatmap, recommendations",
        params: scanParams,
        response: { 200: scanResults },
      },
      config: signedIn,
    },
    async (request) => presentedResults(scopeOf(request), request.params),
  );

  app.get(
    "/api/culture-scans/:scanId/results.csv",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Aggregated results as CSV (only what the anonymity rules allow)",
        params: scanParams,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const csv = await scanResultsCsv(scopeOf(request), request.params);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="culture-scan-${request.params.scanId}.csv"`)
        .send(csv);
    },
  );

  app.get(
    "/api/culture-scans/:scanId/report.pdf",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "The results as a PDF report (same anonymity rules)",
        params: scanParams,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const pdf = await scanReportPdf(scopeOf(request), request.params);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="culture-scan-${request.params.scanId}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    "/api/culture-scans/:scanId/close",
    {
      schema: { tags: ["culture-scan"], summary: "Close a scan", params: scanParams, response: { 200: ok } },
      config: signedIn,
    },
    async (request) => {
      await closeScan(scopeOf(request), request.params);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/culture-scans/:scanId/reminders",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Remind everyone who has not answered (returns how many, not who)",
        params: scanParams,
        response: { 200: z.object({ reminded: z.number().int() }) },
      },
      config: signedIn,
    },
    async (request) => ({ reminded: await remindScan(scopeOf(request), request.params, jobs) }),
  );

  app.post(
    "/api/culture-scans/:scanId/actions",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Add an action to the organisation's action plan",
        params: scanParams,
        body: actionBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const action = await addAction(scopeOf(request), { ...request.params, ...request.body });
      return reply.status(201).send({ id: action.id });
    },
  );

  app.patch(
    "/api/culture-scans/:scanId/actions/:actionId",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Correct an action: title, owner, due date or status",
        params: actionParams,
        body: updateActionBody,
        response: { 200: actionView },
      },
      config: signedIn,
    },
    async (request) => {
      const action = await updateAction(scopeOf(request), { ...request.params, ...request.body });
      return {
        id: action.id,
        scanId: action.scanId,
        title: action.title,
        owner: action.owner,
        dueOn: action.dueOn,
        status: action.status,
      };
    },
  );

  app.delete(
    "/api/culture-scans/:scanId/actions/:actionId",
    {
      schema: { tags: ["culture-scan"], summary: "Remove an action", params: actionParams },
      config: signedIn,
    },
    async (request, reply) => {
      await deleteAction(scopeOf(request), request.params);
      return reply.status(204).send();
    },
  );

  // The respondent's side: the link is the only key, sent in the body so it never lands in a log.
  app.post(
    "/api/scan/lookup",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "The questionnaire behind a personal or shared link",
        body: scanTokenBody,
        response: { 200: scanLookup },
      },
      config: { access: "public", rateLimit: linkLimit },
    },
    async (request) => lookupScan(database.db, { token: request.body.token, now: clock() }),
  );

  app.put(
    "/api/scan/draft",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Save answers so far (resume later)",
        body: scanAnswerBody,
        response: { 200: ok },
      },
      config: { access: "public", rateLimit: linkLimit },
    },
    async (request) => {
      await saveDraft(database.db, { ...request.body, now: clock() });
      return { ok: true as const };
    },
  );

  app.post(
    "/api/scan/submit",
    {
      schema: {
        tags: ["culture-scan"],
        summary: "Send the answers; counted once, stored without a link to the person",
        body: scanAnswerBody,
        response: { 200: ok },
      },
      config: { access: "public", rateLimit: linkLimit },
    },
    async (request) => {
      const limit = await sendLimit(request);
      if (!limit.isAllowed && limit.isExceeded) throw new AppError("TOO_MANY_REQUESTS");
      await submitAnswers(database.db, { ...request.body, now: clock() });
      return { ok: true as const };
    },
  );
};
