import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** PDF's 14 standard fonts: a reader substitutes them and they know only WinAnsi characters. */
const STANDARD_FONTS = /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/;

/**
 * The fonts a PDF uses, read from its font dictionaries (which pdfkit writes uncompressed): the base
 * font names, whether any is one of the standard 14, and whether every font descriptor carries an
 * embedded TrueType file. This is what `pdffonts` reports, without needing poppler on the machine.
 */
export function pdfFonts(bytes: Uint8Array) {
  const text = Buffer.from(bytes).toString("latin1");
  const baseFonts = [...text.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((m) => m[1]!);
  const names = [...new Set(baseFonts.map((name) => name.replace(/^[A-Z]{6}\+/, "")))];
  const descriptors = text.match(/\/Type\s*\/FontDescriptor/g)?.length ?? 0;
  const embeddedFiles = text.match(/\/FontFile[23]?\s/g)?.length ?? 0;
  return {
    names,
    standard: names.filter((name) => STANDARD_FONTS.test(name)),
    allEmbedded: descriptors > 0 && descriptors === embeddedFiles,
  };
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

/** The tagged structure as pdf.js reads it: whether the PDF is marked, its language, the roles used. */
export async function pdfStructure(bytes: Uint8Array) {
  const task = getDocument({ data: new Uint8Array(bytes) });
  const pdf = await task.promise;
  // pdf.js returns the MarkInfo dictionary as a Map, although its types promise an object.
  const markInfo = (await pdf.getMarkInfo()) as unknown as Map<string, boolean> | null;
  const roles: string[] = [];
  const walk = (node: StructNode | null | undefined) => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    for (const child of node.children ?? []) walk(child);
  };
  for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as StructNode);
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
  await task.destroy();
  return {
    marked: markInfo?.get("Marked") === true,
    language: info.Language ?? null,
    title: info.Title,
    roles,
  };
}
