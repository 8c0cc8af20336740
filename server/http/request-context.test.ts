import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./request-context.ts";

const publicUrl = "https://beklijf.example.nl";

function request(method: string, headers: Record<string, string>, cookie = true): FastifyRequest {
  return {
    method,
    headers,
    cookies: cookie ? { beklijf_session: "token" } : {},
    protocol: "https",
    host: "beklijf.example.nl",
  } as unknown as FastifyRequest;
}

describe("isCrossSiteWrite", () => {
  it("lets reads through", () => {
    expect(isCrossSiteWrite(request("GET", { origin: "https://evil.example" }), publicUrl)).toBe(false);
  });

  it("accepts writes from the app's own origin", () => {
    expect(isCrossSiteWrite(request("POST", { origin: publicUrl }), publicUrl)).toBe(false);
    expect(isCrossSiteWrite(request("PATCH", { "sec-fetch-site": "same-origin" }), publicUrl)).toBe(false);
  });

  it("refuses writes from another origin or site", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "https://evil.example" }), publicUrl)).toBe(true);
    expect(isCrossSiteWrite(request("DELETE", { "sec-fetch-site": "cross-site" }), publicUrl)).toBe(true);
    expect(isCrossSiteWrite(request("POST", { origin: "null" }), publicUrl)).toBe(true);
  });

  it("refuses a cookie write that proves nothing about where it came from", () => {
    expect(isCrossSiteWrite(request("POST", {}), publicUrl)).toBe(true);
  });

  it("lets a write without a session cookie through, as it carries no authority", () => {
    expect(isCrossSiteWrite(request("POST", {}, false), publicUrl)).toBe(false);
  });
});
