/**
 * The token of a link sent by email (invitation, password reset, digest action). It travels in the URL
 * fragment, so it never reaches server logs or a Referer header.
 */
export function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}
