import { useQuery } from "@tanstack/react-query";
import type {
  XapiForwardingBody,
  XapiForwardingTestView,
  XapiForwardingView,
} from "../../../common/schemas/xapi-forwarding.ts";
import { api } from "../../lib/api.ts";

export type { ForwardingProblemView, XapiForwardingView } from "../../../common/schemas/xapi-forwarding.ts";

export const forwardingKeys = { all: ["xapi-forwarding"] as const };

export const useForwarding = () =>
  useQuery({
    queryKey: forwardingKeys.all,
    queryFn: () => api<XapiForwardingView>("GET", "/api/xapi-forwarding"),
  });

export const forwardingApi = {
  save: (body: XapiForwardingBody) => api<void>("PUT", "/api/xapi-forwarding", body),
  test: () => api<XapiForwardingTestView>("POST", "/api/xapi-forwarding/test"),
};
