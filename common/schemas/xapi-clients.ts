import { z } from "zod";
import { idSchema } from "./common.ts";

/** A coordinator names a client (the system or content that will send statements). */
export const createXapiClientBody = z.object({ name: z.string().trim().min(1).max(100) });

/** The credentials, shown once: the secret is stored only as a hash. */
export const xapiClientCredentials = z.object({ id: idSchema, key: z.string(), secret: z.string() });

export const xapiClientView = z.object({
  id: idSchema,
  name: z.string(),
  key: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const xapiClientsView = z.object({ clients: z.array(xapiClientView), endpoint: z.string() });
export type XapiClientView = z.infer<typeof xapiClientView>;

export const xapiClientParams = z.object({ clientId: idSchema });
