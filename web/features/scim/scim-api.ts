import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { scimTokenCreated, scimTokensView } from "../../../common/schemas/scim.ts";
import { api } from "../../lib/api.ts";

export type ScimTokens = z.infer<typeof scimTokensView>;
export type ScimTokenCreated = z.infer<typeof scimTokenCreated>;

export const scimKeys = { tokens: ["scim-tokens"] as const };

export const useScimTokens = () =>
  useQuery({ queryKey: scimKeys.tokens, queryFn: () => api<ScimTokens>("GET", "/api/scim-tokens") });

export const scimApi = {
  create: (body: { name: string }) => api<ScimTokenCreated>("POST", "/api/scim-tokens", body),
  revoke: (tokenId: string) => api<void>("DELETE", `/api/scim-tokens/${tokenId}`),
};
