import { z } from "zod";
import { idSchema } from "./common.ts";

/** A coordinator names a token after the directory that will use it ("Entra ID"). */
export const createScimTokenBody = z.object({ name: z.string().trim().min(1).max(100) });

/** The token, shown once: only its hash is stored. */
export const scimTokenCreated = z.object({ id: idSchema, name: z.string(), token: z.string() });

export const scimTokenView = z.object({
  id: idSchema,
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const scimTokensView = z.object({ endpoint: z.string(), tokens: z.array(scimTokenView) });

export const scimTokenParams = z.object({ tokenId: idSchema });
