import { describe, expect, it } from "vitest";
import { webAppCacheControl } from "./web-app-cache.ts";

describe("webAppCacheControl", () => {
  it("lets a browser keep hashed build files for a year", () => {
    expect(webAppCacheControl("assets/index-3f9a1c.js")).toBe("public, max-age=31536000, immutable");
  });

  it("has the service worker, its runtime, the manifest and the shell checked on every load", () => {
    for (const file of ["sw.js", "workbox-5a7b2c1d.js", "manifest.webmanifest", "index.html"])
      expect(webAppCacheControl(file), file).toBe("no-cache");
  });

  it("gives a precompressed copy the lifetime of the file it stands for", () => {
    expect(webAppCacheControl("assets/index-3f9a1c.js.br")).toBe("public, max-age=31536000, immutable");
    expect(webAppCacheControl("sw.js.br")).toBe("no-cache");
    expect(webAppCacheControl("workbox-5a7b2c1d.js.gz")).toBe("no-cache");
  });

  it("keeps other files for an hour", () => {
    expect(webAppCacheControl("favicon.svg")).toBe("public, max-age=3600");
    expect(webAppCacheControl("nested/sw.js")).toBe("public, max-age=3600");
  });
});
