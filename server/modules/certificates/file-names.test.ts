import { describe, expect, it } from "vitest";
import { slugOf, uniqueFileNames } from "./file-names.ts";

describe("slugOf", () => {
  it("keeps a name readable: lower case, accents dropped, hyphens between words", () => {
    expect(slugOf("Femke de Vries", "x")).toBe("femke-de-vries");
    expect(slugOf("Zoë Çelik-Öztürk", "x")).toBe("zoe-celik-ozturk");
    expect(slugOf("Jan 't Hart", "x")).toBe("jan-t-hart");
  });

  it("lets nothing of a path or a header through", () => {
    expect(slugOf('../../etc/passwd"; x', "x")).toBe("etc-passwd-x");
    expect(slugOf("\r\nSet-Cookie: a", "x")).toBe("set-cookie-a");
  });

  it("falls back when nothing readable is left (an erased person, a name in another script)", () => {
    expect(slugOf("—", "person")).toBe("person");
    expect(slugOf("王小明", "person")).toBe("person");
  });
});

describe("uniqueFileNames", () => {
  it("numbers a second person with the same name, so no file overwrites another", () => {
    expect(
      uniqueFileNames("certificate", ["Femke de Vries", "Ahmed Yilmaz", "Femke de Vries"], "pdf"),
    ).toEqual([
      "certificate-femke-de-vries.pdf",
      "certificate-ahmed-yilmaz.pdf",
      "certificate-femke-de-vries-2.pdf",
    ]);
  });
});
