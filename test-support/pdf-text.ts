import path from "node:path";
import { fileURLToPath } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const standardFonts = `${path.join(path.dirname(fileURLToPath(import.meta.resolve("pdfjs-dist/package.json"))), "standard_fonts")}/`;

/**
 * The text of every page of a PDF, read with Mozilla's pdf.js: a file it cannot parse is no valid PDF,
 * and headings are checked as a reader would see them.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: standardFonts,
  });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await task.destroy();
  return pages;
}

/** The web addresses of every link in a PDF (the sign-in card's QR code is one), as pdf.js reads them. */
export async function pdfLinks(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: standardFonts });
  const pdf = await task.promise;
  const links: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const annotations = (await (await pdf.getPage(n)).getAnnotations()) as { url?: string }[];
    links.push(...annotations.flatMap((annotation) => (annotation.url ? [annotation.url] : [])));
  }
  await task.destroy();
  return links;
}
