import path from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type DraftSource, MAX_SOURCE_CHARS, MAX_SOURCE_FILE_BYTES } from "../../../common/schemas/ai.ts";
import { invalid } from "../../errors.ts";

/**
 * The designer's source material as plain text: pasted text as is, a PDF through Mozilla's pdf.js and a
 * DOCX through mammoth (both read text only; no scripts or macros run). A file that cannot be read is
 * refused by field, and the text is cut to what the prompt may carry.
 */
const standardFonts = `${path.join(path.dirname(fileURLToPath(import.meta.resolve("pdfjs-dist/package.json"))), "standard_fonts")}/`;

async function pdfText(bytes: Uint8Array): Promise<string> {
  // Errors only: a broken file is reported to the designer, not written to the log.
  const task = getDocument({ data: bytes, standardFontDataUrl: standardFonts, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages && pages.join("\n").length < MAX_SOURCE_CHARS; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    }
    return pages.join("\n");
  } finally {
    await task.destroy();
  }
}

async function docxText(bytes: Buffer): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: bytes });
  return result.value;
}

async function fileText(source: Extract<DraftSource, { type: "file" }>): Promise<string> {
  const bytes = Buffer.from(source.content, "base64");
  if (bytes.length > MAX_SOURCE_FILE_BYTES)
    throw invalid("source", "file_too_large", { maximum: `${MAX_SOURCE_FILE_BYTES / 1024 / 1024} MB` });
  try {
    return source.format === "pdf" ? await pdfText(new Uint8Array(bytes)) : await docxText(bytes);
  } catch {
    throw invalid("source", "file_unreadable");
  }
}

/** The source's label (a file name, or "pasted text") and its text, cut to the prompt's limit. */
export async function readSource(
  source: DraftSource | undefined,
  pastedLabel: string,
): Promise<{ label: string | null; text: string | null }> {
  if (!source) return { label: null, text: null };
  const text = (source.type === "text" ? source.text : await fileText(source)).replace(/\s+\n/g, "\n").trim();
  if (!text) throw invalid("source", "file_empty");
  return { label: source.type === "text" ? pastedLabel : source.name, text: text.slice(0, MAX_SOURCE_CHARS) };
}
