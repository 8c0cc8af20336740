import { z } from "zod";
import { isLoopbackHost } from "./sso.ts";

/**
 * The external LRS's endpoint (the address its `/statements` and `/about` hang under). HTTPS, except a
 * loopback address (an LRS on the same machine); statements and credentials never cross a network in clear.
 */
export const lrsEndpointSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url())
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
  }, "https_required");

/**
 * What a coordinator saves. The key and secret are write-only: empty keeps the stored pair; a new pair
 * is given together (the first save needs one).
 */
export const xapiForwardingBody = z.object({
  endpoint: lrsEndpointSchema,
  lrsKey: z.string().trim().max(500).default(""),
  lrsSecret: z.string().max(2000).default(""),
  enabled: z.boolean(),
});
export type XapiForwardingBody = z.input<typeof xapiForwardingBody>;

const problemCodes = [
  "unreachable",
  "server-error",
  "busy",
  "credentials-refused",
  "statements-refused",
  "secret-unreadable",
  "not-an-lrs",
] as const;

/** A failure in a code the page puts into words, with the external LRS's status and own words. */
export const forwardingProblemView = z.object({
  code: z.enum(problemCodes),
  status: z.number().nullable(),
  detail: z.string().nullable(),
  at: z.string(),
});
export type ForwardingProblemView = z.infer<typeof forwardingProblemView>;

/** Forwarding as the coordinator sees it: never the key or the secret. */
export const xapiForwardingView = z.object({
  configured: z.boolean(),
  endpoint: z.string().nullable(),
  enabled: z.boolean(),
  lastForwardedAt: z.string().nullable(),
  /** Statements stored and not forwarded yet (0 while forwarding is off). */
  waiting: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: forwardingProblemView.nullable(),
  /** A batch the external LRS refused: forwarding waits there until the coordinator tries again. */
  refusal: forwardingProblemView.extend({ count: z.number() }).nullable(),
});
export type XapiForwardingView = z.infer<typeof xapiForwardingView>;

/** What "test connection" found at the external `/about`. */
export const xapiForwardingTestView = z.object({
  ok: z.boolean(),
  versions: z.array(z.string()),
  problem: forwardingProblemView.nullable(),
});
export type XapiForwardingTestView = z.infer<typeof xapiForwardingTestView>;
