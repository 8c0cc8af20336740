import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { Locale } from "../../common/locales.ts";

/**
 * The one PDF factory for every report. It embeds DejaVu Sans (from the `dejavu-fonts-ttf` package, so
 * every machine has it): PDF's standard fonts know only WinAnsi, which prints "14 → 9" as "14 !’ 9"
 * and "Łódź" as "6Az". And it writes a tagged PDF 1.7 with the document's language and title, so a
 * screen reader finds headings and paragraphs in reading order and skips decoration.
 */
const fontFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
  "ttf",
);
export const fontFiles = {
  regular: path.join(fontFolder, "DejaVuSans.ttf"),
  bold: path.join(fontFolder, "DejaVuSans-Bold.ttf"),
};

/** Font names for `doc.font(...)`; nothing else is registered, so a standard font cannot slip in. */
export const REGULAR = "regular";
export const BOLD = "bold";

export type PdfDoc = InstanceType<typeof PDFDocument>;
/** The structure types our reports use: a title, section headings, paragraphs. */
export type StructType = "H1" | "H2" | "H3" | "P";

export interface PdfFile {
  doc: PdfDoc;
  /** Text options that place a text in the document's structure: `doc.text(title, as("H1"))`. */
  as: (type: StructType) => { structParent: PDFKit.PDFStructureElement; structType: StructType };
  /** Marks what is drawn next (bars, coloured cells) as decoration that screen readers skip. */
  decoration: () => void;
  /** Ends the document and gives its bytes. */
  finish: () => Promise<Buffer>;
}

export function createPdf(options: { title: string; locale: Locale }): PdfFile {
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    pdfVersion: "1.7",
    tagged: true,
    lang: options.locale,
    displayTitle: true,
    font: fontFiles.regular,
    info: { Title: options.title, Author: "Beklijf" },
  });
  doc.registerFont(REGULAR, fontFiles.regular);
  doc.registerFont(BOLD, fontFiles.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const root = doc.struct("Document");
  doc.addStructure(root);
  return {
    doc,
    as: (type) => ({ structParent: root, structType: type }),
    decoration: () => {
      doc.markContent("Artifact");
    },
    finish: () => {
      root.end();
      doc.end();
      return done;
    },
  };
}
