import type { Tenant } from "../../db/tenant.ts";
import { isUniqueViolation } from "../organisations/index.ts";
import { taken } from "./scim-errors.ts";

/** What a SCIM use case gets instead of a signed-in scope: the token's organisation, one clock reading. */
export interface ScimContext {
  tenant: Tenant;
  tokenId: string;
  now: Date;
  /** `…/scim/v2`, for `meta.location`. */
  base: string;
}

/** A page of a list (RFC 7644 §3.4.2.4): 1-based start, at most `count` resources. */
export interface Paging {
  startIndex: number;
  count: number;
}

/** The audit details of a change the directory made: no person acted, the token did. */
export const viaScim = (context: ScimContext, details: Record<string, unknown> = {}) => ({
  via: "scim",
  tokenId: context.tokenId,
  ...details,
});

/** Runs a write; a unique key the database refuses (a concurrent or repeated create) becomes a 409. */
export async function once<T>(work: () => Promise<T>, detail: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(detail);
    throw error;
  }
}
