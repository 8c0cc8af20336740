import { describe, expect, it } from "vitest";
import { inlineStyleHashes, preferredEncoding } from "./web-app-page.ts";

describe("the web app page", () => {
  it("allows each inline style by the SHA-256 of its exact text, and nothing else", () => {
    // The hash of "a{color:red}", as a browser computes it for a <style> element's text.
    expect(inlineStyleHashes("<head><style>a{color:red}</style></head>")).toEqual([
      "'sha256-6hWWMOcF+mJesSJGYhmK2lkIIEw9Xc5XKGLPVzh8yxs='",
    ]);
    expect(inlineStyleHashes("<link rel=stylesheet href=/a.css>")).toEqual([]);
  });

  it("picks Brotli, then gzip, then none, as the browser accepts them", () => {
    expect(preferredEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredEncoding("gzip")).toBe("gzip");
    expect(preferredEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(preferredEncoding("BR")).toBe("br");
    expect(preferredEncoding(undefined)).toBe("identity");
    expect(preferredEncoding("identity")).toBe("identity");
  });
});
