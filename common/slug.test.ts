import { describe, expect, it } from "vitest";
import { slugOf } from "./slug.ts";

describe("slugOf", () => {
  it("makes a typeable address part of an organisation's name", () => {
    expect(slugOf("Van Dijk Installatietechniek B.V.")).toBe("van-dijk-installatietechniek-b-v");
    expect(slugOf("Café Zuid & Zonen")).toBe("cafe-zuid-zonen");
    expect(slugOf("  Bakker   Elektra ")).toBe("bakker-elektra");
  });
});
