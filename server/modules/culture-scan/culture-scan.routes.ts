import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  actionBody,
  createScanBody,
  scanAnswerBody,
  scanLookup,
  scanParams,
  scanResults,
  scanSummary,
  scanTokenBody,
} from "../../../common/schemas/culture-scans.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import type { Locale } from "../../../common/locales.ts";
import type { Actor, AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { presentResults, resultsCsv } from "./culture-scan.presenter.ts";
import { hashSecret } from "../auth/index.ts";
import { renderScanReport } from "./culture-scan.report.ts";
import {
  addAction,
  closeScan,
  createScan,
  findScans,
  getResults,
  organisationName,
  remindScan,
} from "./culture-scan.service.ts";
import { lookupScan, saveDraft, submitAnswers } from "./scan-responses.service.ts";

const signedIn = { access: "signed-in" } as const;
const linkLimit = { max: 120, timeWindow: "15 minutes" };
const ok = z.object({ ok: z.literal(true) });

export const cultureScanRoutes: FastifyPluginAsyncZod<
  Pick<AppDeps, "config" | "database" | "jobs" | "clock">
> = async (app, { config, database, jobs, clock }) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);
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
  const context = () => ({ publicUrl: config.publicUrl, now: clock() });
  /** The presented results: the one source for the screen, the CSV and the PDF. */
  const loadResults = async (actor: Actor, scanId: string, locale: Locale) =>
    presentResults(await getResults(tenantOf(actor.organisationId), actor, scanId, locale, clock()), locale);

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
    async (request) => {
      const actor = requireActor(request);
      return findScans(tenantOf(actor.organisationId), actor, clock(), config.publicUrl);
    },
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
      const actor = requireActor(request);
      const scan = await createScan(tenantOf(actor.organisationId), actor, request.body, context());
      await jobs.send("notifications.deliver-outbox");
      return reply.status(201).send({ id: scan.id });
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
    async (request) => {
      const actor = requireActor(request);
      return loadResults(actor, request.params.scanId, request.locale);
    },
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
      const actor = requireActor(request);
      const results = await loadResults(actor, request.params.scanId, request.locale);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="culture-scan-${request.params.scanId}.csv"`)
        .send(resultsCsv(results, request.locale));
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
      const actor = requireActor(request);
      const tenant = tenantOf(actor.organisationId);
      const results = await loadResults(actor, request.params.scanId, request.locale);
      const pdf = await renderScanReport(results, request.locale, await organisationName(tenant));
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
      const actor = requireActor(request);
      await closeScan(tenantOf(actor.organisationId), actor, request.params.scanId, clock());
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
    async (request) => {
      const actor = requireActor(request);
      const reminded = await remindScan(
        tenantOf(actor.organisationId),
        actor,
        request.params.scanId,
        context(),
      );
      await jobs.send("notifications.deliver-outbox");
      return { reminded };
    },
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
      const actor = requireActor(request);
      const action = await addAction(
        tenantOf(actor.organisationId),
        actor,
        request.params.scanId,
        request.body,
      );
      return reply.status(201).send({ id: action.id });
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
    async (request) => lookupScan(database.db, request.body.token, clock()),
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
      await saveDraft(database.db, request.body.token, request.body.answers, clock());
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
      await submitAnswers(database.db, request.body.token, request.body.answers, clock());
      return { ok: true as const };
    },
  );
};
