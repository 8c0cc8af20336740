import type { SignInCardView } from "../../../common/schemas/auth.ts";
import { api, ApiError, idempotencyKeyOf } from "../../lib/api.ts";
import { currentLocale } from "../../lib/i18n.ts";

/** Query keys of sign-in cards: a person's card sits under the person. */
export const signInCardKeys = {
  card: (personId: string) => ["people", personId, "sign-in-card"] as const,
};

/** Typed calls for email-link sign-in and the QR sign-in card (decision 0024). */
export const emailLinkApi = {
  ask: (email: string) => api<{ ok: true }>("POST", "/api/auth/email-link", { email }),
  redeemLink: (token: string) => api<{ ok: true }>("POST", "/api/auth/email-link/redeem", { token }),
  redeemCode: (email: string, code: string) =>
    api<{ ok: true }>("POST", "/api/auth/email-link/redeem", { email, code }),
  useCard: (token: string) => api<{ ok: true }>("POST", "/api/auth/sign-in-card", { token }),
  card: (personId: string) => api<SignInCardView>("GET", `/api/people/${personId}/sign-in-card`),
  revokeCard: (personId: string) => api<undefined>("DELETE", `/api/people/${personId}/sign-in-card`),
  printCard,
};

/**
 * Prints a new card: the answer is the PDF itself (its token exists nowhere else), saved as a download.
 * Returns false when the server replayed an earlier answer to the same submission without the file.
 */
async function printCard(personId: string, validMonths: 3 | 6 | 12 | null): Promise<boolean> {
  const path = `/api/people/${personId}/sign-in-card`;
  const body = JSON.stringify({ validMonths });
  const response = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "Accept-Language": currentLocale(),
      "Content-Type": "application/json",
      "Idempotency-Key": idempotencyKeyOf("POST", path, { validMonths }),
    },
    body,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as ConstructorParameters<typeof ApiError>[0];
    throw new ApiError({ ...problem, status: response.status });
  }
  const file = await response.blob();
  if (file.size === 0) return false;
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") ?? "")?.[1];
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = name ?? "sign-in-card.pdf";
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
