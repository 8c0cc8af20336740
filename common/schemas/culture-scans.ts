import { z } from "zod";
import { isoDate } from "./cohorts.ts";
import { idSchema, patchOf } from "./common.ts";

export const scanAnswers = z.record(
  z.string().max(40),
  z.union([z.string().max(1000), z.number().int().min(1).max(5)]),
);

export const createScanBody = z.object({
  title: z.string().trim().min(1).max(120),
  /** Empty: the whole organisation. */
  teamIds: z.array(idSchema).max(50).default([]),
  opensOn: isoDate,
  closesOn: isoDate,
});
export type CreateScanBody = z.infer<typeof createScanBody>;

export const scanSummary = z.object({
  id: idSchema,
  title: z.string(),
  /** Empty: the whole organisation. */
  teamIds: z.array(idSchema),
  opensOn: isoDate,
  closesOn: isoDate,
  status: z.enum(["planned", "open", "closed"]),
  invited: z.number().int(),
  responses: z.number().int(),
  sharedLink: z.string().nullable(),
});

/**
 * A change to a scan. Before it opens: title, dates and teams; once open only a later closing date
 * (people may have answered already, and an earlier close would cut someone off mid-questionnaire).
 */
export const updateScanBody = patchOf(createScanBody);
export type UpdateScanBody = z.infer<typeof updateScanBody>;

export const scanParams = z.object({ scanId: idSchema });
export const actionParams = scanParams.extend({ actionId: idSchema });
export const scanTokenBody = z.object({ token: z.string().min(20).max(200) });
export const scanAnswerBody = z.object({
  token: z.string().min(20).max(200),
  answers: scanAnswers,
  /** Ignored: a shared-link answer counts for no team (older forms still send it). */
  teamId: idSchema.nullable().optional(),
});

export const scanLookup = z.object({
  title: z.string(),
  organisationName: z.string(),
  status: z.enum(["open", "answered", "closed", "planned"]),
  shared: z.boolean(),
  teams: z.array(z.object({ id: idSchema, name: z.string() })),
  draft: scanAnswers.nullable(),
  /** Started before the scan closed: the answer still counts. */
  lateButStarted: z.boolean(),
});

export const actionBody = z.object({
  title: z.string().trim().min(1).max(200),
  owner: z.string().trim().min(1).max(120),
  dueOn: isoDate,
  interventionId: z.string().max(60).nullable().default(null),
});

export const actionStatus = z.enum(["planned", "done"]);
/** A correction of an action: its title, owner, due date or whether it is done. */
export const updateActionBody = patchOf(
  actionBody.omit({ interventionId: true }).extend({ status: actionStatus }),
);
export type UpdateActionBody = z.infer<typeof updateActionBody>;
export const actionView = z.object({
  id: idSchema,
  scanId: idSchema,
  title: z.string(),
  owner: z.string(),
  dueOn: isoDate,
  status: actionStatus,
});

const figures = z
  .object({
    /** Null where a phase's count could single someone out. */
    phases: z.record(z.string(), z.number().nullable()),
    layers: z.record(z.string(), z.number().nullable()),
    preconditions: z.record(z.string(), z.number().nullable()),
  })
  .nullable();

export const scanResults = z.object({
  scan: z.object({
    id: idSchema,
    title: z.string(),
    status: z.enum(["planned", "open", "closed"]),
    opensOn: isoDate,
    closesOn: isoDate,
  }),
  /** The threshold the scan opened with, or the organisation's current one when that is higher. */
  threshold: z.number().int(),
  responses: z.number().int(),
  /** Of `responses`, through the shared poster link: counted, never toward a threshold. */
  sharedLinkResponses: z.number().int(),
  invited: z.number().int(),
  /** Answers through personal links per invited person. */
  responseRate: z.number().nullable(),
  /** The scan is open: counts only, figures once it has closed. */
  heldUntilClose: z.boolean(),
  /** One entry per team; `figures` is null for a group under the threshold (or merged to protect one). */
  groups: z.array(
    z.object({
      team: z.string(),
      teamId: idSchema.nullable(),
      responses: z.number().int(),
      figures,
      merged: z.boolean(),
    }),
  ),
  /** Layers × phases of change: average support 1–5, null where a phase has too few people. */
  heatmap: z.record(z.string(), z.record(z.string(), z.number().nullable())),
  overall: figures,
  comments: z.array(z.string()),
  recommendations: z.array(
    z.object({
      kind: z.enum(["intervention", "precondition"]),
      id: z.string(),
      layer: z.string().nullable(),
      phase: z.string().nullable(),
      score: z.number(),
      title: z.string(),
      why: z.string(),
    }),
  ),
  trend: z.object({ scanId: idSchema, title: z.string(), overall: figures }).nullable(),
  actions: z.array(actionView),
});
export type ScanResults = z.infer<typeof scanResults>;

export type ScanSummary = z.infer<typeof scanSummary>;
export type ScanLookup = z.infer<typeof scanLookup>;
export type ScanAnswers = z.infer<typeof scanAnswers>;
export type ActionBody = z.input<typeof actionBody>;
export type UpdateScanInput = z.input<typeof updateScanBody>;
