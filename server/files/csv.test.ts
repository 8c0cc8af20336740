import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { restoreFormula, toCsv } from "./csv.ts";

const cells = (csv: string) => parse(csv, { delimiter: ";", bom: true }) as string[][];

describe("toCsv", () => {
  it("starts with a byte-order mark and ends every record with CRLF", () => {
    const csv = toCsv([["a", 1]], "nl");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    const dangerous = ['=HYPERLINK("http://x";"klik")', "+31 6", "-1+1", "@SUM(A1)", "\tx", "\rx"];
    const [row] = cells(toCsv([dangerous], "en"));
    expect(row).toEqual(dangerous.map((text) => `'${text}`));
  });

  it("leaves ordinary text alone, and quotes text holding a separator, quote or line break", () => {
    const csv = toCsv([["Anna de Vries", "a=b", "", 'x;=y "z"\nw']], "nl");
    expect(csv).toBe('\uFEFFAnna de Vries;a=b;;"x;=y ""z""\nw"\r\n');
  });

  it("writes numbers with a decimal comma in Dutch and a decimal point in English, unquoted", () => {
    expect(toCsv([[3.7, -2, 1234567, 0.25]], "nl")).toBe("\uFEFF3,7;-2;1234567;0,25\r\n");
    expect(toCsv([[3.7, -2, 1234567, 0.25]], "en")).toBe("\uFEFF3.7;-2;1234567;0.25\r\n");
  });

  it("writes a missing figure as an empty cell", () => {
    expect(toCsv([[null, undefined, Number.NaN, "x"]], "nl")).toBe("\uFEFF;;;x\r\n");
  });

  it("round-trips neutralised text through restoreFormula", () => {
    const texts = ["=1+1", "-5 is te laag", "'gewoon", "'=al geciteerd", "normaal"];
    const [row] = cells(toCsv([texts], "nl"));
    expect(row!.map(restoreFormula)).toEqual(texts);
  });
});
