import { describe, expect, it } from "vitest";
import { pdfFonts, pdfStructure } from "../../test-support/pdf-inspect.ts";
import { pdfPages } from "../../test-support/pdf-text.ts";
import { BOLD, createPdf } from "./pdf.ts";

async function sample() {
  const { doc, as, finish } = createPdf({ title: "Klachten in Łódź", locale: "nl" });
  doc.font(BOLD).fontSize(20).text("Klachten in Łódź", as("H1"));
  doc.font("regular").fontSize(10).text("Klachten over communicatie: 14 → 9 · “goed”", as("P"));
  return finish();
}

describe("createPdf", () => {
  it("embeds its fonts and uses none of the standard ones", async () => {
    const fonts = pdfFonts(await sample());
    expect(fonts.standard).toEqual([]);
    expect(fonts.names).toEqual(expect.arrayContaining(["DejaVuSans", "DejaVuSans-Bold"]));
    expect(fonts.allEmbedded).toBe(true);
  });

  it("writes characters outside WinAnsi so that they extract as written", async () => {
    const [page] = await pdfPages(await sample());
    expect(page).toContain("Łódź");
    expect(page).toContain("14 → 9");
    expect(page).toContain("“goed”");
  });

  it("is a tagged PDF with its language, title and headings for screen readers", async () => {
    const structure = await pdfStructure(await sample());
    expect(structure).toMatchObject({ marked: true, language: "nl", title: "Klachten in Łódź" });
    expect(structure.roles).toEqual(expect.arrayContaining(["Document", "H1", "P"]));
  });
});
