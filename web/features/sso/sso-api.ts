import type {
  LinkedAccountsView,
  SsoConfigurationBody,
  SsoConfigurationView,
} from "../../../common/schemas/sso.ts";
import { api } from "../../lib/api.ts";

export type { SsoConfigurationView };

/** Query keys of the single sign-on feature. */
export const ssoKeys = {
  configuration: ["sso", "configuration"] as const,
  accounts: (personId: string) => ["sso", "accounts", personId] as const,
};

/** Typed calls to the single sign-on API. */
export const ssoApi = {
  configuration: () => api<SsoConfigurationView>("GET", "/api/sso/configuration"),
  save: (body: SsoConfigurationBody) => api<SsoConfigurationView>("PUT", "/api/sso/configuration", body),
  startTest: () => api<{ redirectTo: string | null }>("POST", "/api/sso/test"),
  setEnabled: (enabled: boolean) => api<SsoConfigurationView>("PUT", "/api/sso/enabled", { enabled }),
  remove: () => api<undefined>("DELETE", "/api/sso/configuration"),
  accounts: (personId: string) => api<LinkedAccountsView>("GET", `/api/sso/people/${personId}/accounts`),
  unlink: (personId: string) => api<undefined>("DELETE", `/api/sso/people/${personId}/accounts`),
  /** A full-page visit: the server answers with a redirect to the organisation's provider. */
  signInUrl: (email: string) => `/api/auth/oidc/start?email=${encodeURIComponent(email)}`,
};
