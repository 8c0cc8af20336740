import { describe, expect, it } from "vitest";
import { formatDecimal, formatMegabytes, formatNumber, formatPercent } from "./format.ts";

describe("formatNumber", () => {
  it("groups thousands the Dutch way in Dutch and the English way in English", () => {
    expect(formatNumber(5017, "nl")).toBe("5.017");
    expect(formatNumber(5017, "en")).toBe("5,017");
  });
  it("uses a decimal comma in Dutch", () => {
    expect(formatNumber(2.5, "nl")).toBe("2,5");
    expect(formatNumber(2.5, "en")).toBe("2.5");
  });
});

describe("formatDecimal", () => {
  it("keeps a fixed number of decimals", () => {
    expect(formatDecimal(0.4, "nl")).toBe("0,40");
    expect(formatDecimal(0.4, "en")).toBe("0.40");
    expect(formatDecimal(-1.254, "nl", 1)).toBe("-1,3");
  });
});

describe("formatPercent", () => {
  it("writes a share as a percentage in the reader's locale", () => {
    expect(formatPercent(0.462, "nl")).toBe("46,2%");
    expect(formatPercent(0.462, "en")).toBe("46.2%");
    expect(formatPercent(0.5, "nl")).toBe("50%");
    expect(formatPercent(0.97, "nl", 0)).toBe("97%");
  });
});

describe("formatMegabytes", () => {
  it("writes a byte count as megabytes", () => {
    expect(formatMegabytes(8 * 1024 * 1024, "nl")).toBe("8 MB");
    expect(formatMegabytes(1.5 * 1024 * 1024, "nl")).toBe("1,5 MB");
  });
});

describe("numbers in messages", () => {
  it("are written in the message's language on the server", async () => {
    const { translator } = await import("../server/i18n.ts");
    expect(translator("nl")("validation.number_too_large", { field: "X", maximum: 5017.5 })).toBe(
      "X mag hoogstens 5.017,5 zijn.",
    );
    expect(translator("en")("validation.number_too_large", { field: "X", maximum: 5017.5 })).toBe(
      "X can be at most 5,017.5.",
    );
  });
});
