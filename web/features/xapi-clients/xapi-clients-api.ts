import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { xapiClientCredentials, xapiClientsView } from "../../../common/schemas/xapi-clients.ts";
import { api } from "../../lib/api.ts";

export type XapiClients = z.infer<typeof xapiClientsView>;
export type XapiClientCredentials = z.infer<typeof xapiClientCredentials>;

export const xapiClientKeys = { all: ["xapi-clients"] as const };

export const useXapiClients = () =>
  useQuery({ queryKey: xapiClientKeys.all, queryFn: () => api<XapiClients>("GET", "/api/xapi-clients") });

export const xapiClientsApi = {
  create: (body: { name: string }) => api<XapiClientCredentials>("POST", "/api/xapi-clients", body),
  revoke: (clientId: string) => api<void>("DELETE", `/api/xapi-clients/${clientId}`),
};
