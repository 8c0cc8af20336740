import { z } from "zod";
import { idSchema } from "./common.ts";

export const packageStandards = ["scorm12", "scorm2004", "cmi5"] as const;
export type PackageStandardName = (typeof packageStandards)[number];

/** One playable unit: a SCORM SCO or a cmi5 AU. `masteryScore` is 0–1 when the package sets one. */
export const packageUnitView = z.object({
  id: z.string(),
  title: z.string(),
  href: z.string(),
  masteryScore: z.number().nullable(),
  /** cmi5 only: when the AU counts as done (its moveOn). */
  moveOn: z
    .enum(["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"])
    .optional(),
});

/** A content package as the trajectory editor shows it. */
export const packageView = z.object({
  packageId: idSchema,
  trajectoryId: idSchema,
  standard: z.enum(packageStandards),
  edition: z.string(),
  title: z.string(),
  units: z.array(packageUnitView),
  sizeBytes: z.number().int(),
  fileCount: z.number().int(),
  uploadedAt: z.string(),
});
export type PackageView = z.infer<typeof packageView>;

export const packageParams = z.object({ packageId: idSchema });
export const trajectoryPackageParams = z.object({ trajectoryId: idSchema });

/** What the learner's player needs to start or resume a package: where it plays, and the saved CMI data. */
export const launchView = z.object({
  url: z.string(),
  standard: z.enum(packageStandards),
  /** The content origin: the only origin the player's bridge answers. */
  contentOrigin: z.string(),
  title: z.string(),
  /** The CMI data to resume from (entry, location, suspend data, total time), or null on a first start. */
  cmi: z.record(z.string(), z.unknown()).nullable(),
  /** The SCO or AU that plays: a SCORM package with several SCOs keeps an attempt per SCO. */
  unitId: z.string().optional(),
});
export type LaunchView = z.infer<typeof launchView>;

/** Which SCO to play; left out, the first one not yet finished (or the first). */
export const launchRequest = z.preprocess(
  // No body at all (the Public API's plain launch) is the same as an empty one.
  (body) => body ?? {},
  z.object({ unitId: z.string().min(1).max(2000).optional() }),
);

/** The SCO a commit is for (the player adds it to the commit address); left out, the first. */
export const commitQuery = z.object({ unit: z.string().min(1).max(2000).optional() });

/** scorm-again's answer format for a commit: `result` true when stored. */
export const commitAnswer = z.object({ result: z.boolean(), errorCode: z.number().int() });

/** The learner's attempt as the activity page and the GDPR export show it. */
export const attemptView = z.object({
  completion: z.string(),
  success: z.string(),
  score: z.number().nullable(),
  totalSeconds: z.number().int(),
  updatedAt: z.string(),
  /** A SCORM package with several SCOs: where the learner stands in each, in the package's order. */
  units: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        completion: z.string(),
        success: z.string(),
        score: z.number().nullable(),
      }),
    )
    .optional(),
});
export type AttemptView = z.infer<typeof attemptView>;

/** cmi5 §9.5.4.1: the reasons an AU may be waived for a learner. */
export const waiveReasons = [
  "Tested Out",
  "Equivalent AU",
  "Equivalent Outside Activity",
  "Administrative",
] as const;

/** A coordinator or designer waives a learner's cmi5 AU (all AUs not yet met when `auId` is left out). */
export const waiveRequest = z.object({
  personId: idSchema,
  auId: z.string().min(1).max(2000).optional(),
  reason: z.enum(waiveReasons),
});
export type WaiveRequest = z.infer<typeof waiveRequest>;

export const waiveAnswer = z.object({ waived: z.array(z.string()) });
