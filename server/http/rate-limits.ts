/**
 * Limits per client address for sign-in routes whose real protection lies elsewhere (256-bit tokens,
 * five tries per code, a per-person throttle, three emails per address per 15 minutes). A whole office
 * shares one address behind its router: a 250-person company whose staff open their invitations or ask
 * for sign-in links on the same morning must not be refused, so this only keeps scripted noise down.
 */
export const perOfficeAddress = { max: 300, timeWindow: "15 minutes" } as const;
