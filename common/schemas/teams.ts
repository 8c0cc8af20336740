import { z } from "zod";
import { idSchema, patchOf } from "./common.ts";

export const teamSummary = z.object({
  id: idSchema,
  name: z.string(),
  managers: z.array(z.object({ id: idSchema, name: z.string() })),
  members: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type TeamSummary = z.infer<typeof teamSummary>;

export const teamBody = z.object({
  name: z.string().trim().min(1).max(80),
  managerIds: z.array(idSchema).max(10).default([]),
  memberIds: z.array(idSchema).max(500).default([]),
});
export type TeamBody = z.infer<typeof teamBody>;
export const teamPatch = patchOf(teamBody);
export type TeamPatch = z.infer<typeof teamPatch>;
export const teamParams = z.object({ teamId: idSchema });
