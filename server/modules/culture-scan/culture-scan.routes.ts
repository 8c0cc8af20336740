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
import { attachment, defineRoutes, publicRoute, route, withHeaders } from "../../http/route-table.ts";
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

const linkLimit = { max: 120, timeWindow: "15 minutes" };
const ok = z.object({ ok: z.literal(true) });

/** Culture scans: the coordinator's side (signed in) and the respondent's (the link is the key). */
export const cultureScanRoutes = defineRoutes(
  ["culture-scan"],
  ({ database, jobs, clock }: Pick<AppDeps, "database" | "jobs" | "clock">, app) => {
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

    return [
      route.get(
        "/api/culture-scans",
        { summary: "The organisation's culture scans", response: z.array(scanSummary) },
        (scope) => findScans(scope),
      ),

      route.post(
        "/api/culture-scans",
        {
          summary: "Start a scan and email everyone a personal link",
          body: createScanBody,
          response: z.object({ id: z.uuid() }),
          status: 201,
        },
        async (scope, { body }) => {
          const scan = await createScan(scope, body, jobs);
          return { id: scan.id };
        },
      ),

      route.patch(
        "/api/culture-scans/:scanId",
        {
          summary:
            "Correct a scan: before it opens title, dates and teams (new people get their link); once open only a later closing date",
          params: scanParams,
          body: updateScanBody,
          response: ok,
        },
        async (scope, { params, body }) => {
          await updateScan(scope, { ...params, ...body }, jobs);
          return { ok: true as const };
        },
      ),

      route.delete(
        "/api/culture-scans/:scanId",
        {
          summary: "Delete a scan that has not opened yet (its links stop working)",
          params: scanParams,
          status: 204,
        },
        (scope, { params }) => deleteScan(scope, params),
      ),

      route.get(
        "/api/culture-scans/:scanId/results",
        {
          summary: "Anonymous results: groups, heatmap, recommendations",
          params: scanParams,
          response: scanResults,
        },
        (scope, { params }) => presentedResults(scope, params),
      ),

      route.get(
        "/api/culture-scans/:scanId/results.csv",
        { summary: "Aggregated results as CSV (only what the anonymity rules allow)", params: scanParams },
        async (scope, { params }) =>
          withHeaders(
            attachment(`culture-scan-${params.scanId}.csv`, "text/csv; charset=utf-8"),
            await scanResultsCsv(scope, params),
          ),
      ),

      route.get(
        "/api/culture-scans/:scanId/report.pdf",
        { summary: "The results as a PDF report (same anonymity rules)", params: scanParams },
        async (scope, { params }) =>
          withHeaders(
            attachment(`culture-scan-${params.scanId}.pdf`, "application/pdf"),
            await scanReportPdf(scope, params),
          ),
      ),

      route.post(
        "/api/culture-scans/:scanId/close",
        { summary: "Close a scan", params: scanParams, response: ok },
        async (scope, { params }) => {
          await closeScan(scope, params);
          return { ok: true as const };
        },
      ),

      route.post(
        "/api/culture-scans/:scanId/reminders",
        {
          summary: "Remind everyone who has not answered (returns how many, not who)",
          params: scanParams,
          response: z.object({ reminded: z.number().int() }),
        },
        async (scope, { params }) => ({ reminded: await remindScan(scope, params, jobs) }),
      ),

      route.post(
        "/api/culture-scans/:scanId/actions",
        {
          summary: "Add an action to the organisation's action plan",
          params: scanParams,
          body: actionBody,
          response: z.object({ id: z.uuid() }),
          status: 201,
        },
        async (scope, { params, body }) => {
          const action = await addAction(scope, { ...params, ...body });
          return { id: action.id };
        },
      ),

      route.patch(
        "/api/culture-scans/:scanId/actions/:actionId",
        {
          summary: "Correct an action: title, owner, due date or status",
          params: actionParams,
          body: updateActionBody,
          response: actionView,
        },
        async (scope, { params, body }) => {
          const action = await updateAction(scope, { ...params, ...body });
          return {
            id: action.id,
            scanId: action.scanId,
            title: action.title,
            owner: action.owner,
            dueOn: action.dueOn,
            status: action.status,
          };
        },
      ),

      route.delete(
        "/api/culture-scans/:scanId/actions/:actionId",
        { summary: "Remove an action", params: actionParams, status: 204 },
        (scope, { params }) => deleteAction(scope, params),
      ),

      // The respondent's side: the link is the only key, sent in the body so it never lands in a log.
      publicRoute.post(
        "/api/scan/lookup",
        {
          summary: "The questionnaire behind a personal or shared link",
          body: scanTokenBody,
          response: scanLookup,
          rateLimit: linkLimit,
        },
        (_request, { body }) => lookupScan(database.db, { token: body.token, now: clock() }),
      ),

      publicRoute.put(
        "/api/scan/draft",
        {
          summary: "Save answers so far (resume later)",
          body: scanAnswerBody,
          response: ok,
          rateLimit: linkLimit,
        },
        async (_request, { body }) => {
          await saveDraft(database.db, { ...body, now: clock() });
          return { ok: true as const };
        },
      ),

      publicRoute.post(
        "/api/scan/submit",
        {
          summary: "Send the answers; counted once, stored without a link to the person",
          body: scanAnswerBody,
          response: ok,
          rateLimit: linkLimit,
        },
        async (request, { body }) => {
          const limit = await sendLimit(request);
          if (!limit.isAllowed && limit.isExceeded) throw new AppError("TOO_MANY_REQUESTS");
          await submitAnswers(database.db, { ...body, now: clock() });
          return { ok: true as const };
        },
      ),
    ];
  },
);
