import { parseHTML } from "linkedom";
import SVGtoPDF from "svg-to-pdfkit";
import { type ChartSpec, renderChart } from "../../common/charts/render.ts";
import { BOLD, type PdfFile, REGULAR } from "./pdf.ts";

/**
 * Draws a chart into a report exactly as the web app draws it (the same builder, Observable Plot over
 * linkedom), as vectors at the current position and the text width. In the document's structure it is
 * a Figure whose alternative text is the chart's label, which carries every figure. Text uses the
 * embedded DejaVu Sans: without the font callback svg-to-pdfkit would fall back to a standard font.
 */
export function drawChart(
  pdf: PdfFile,
  build: (width: number) => ChartSpec,
  /** What goes right above the chart (its heading): moved to the next page with it, never left alone. */
  before?: () => void,
): void {
  const { doc, as } = pdf;
  const x = doc.page.margins.left;
  const width = doc.page.width - x - doc.page.margins.right;
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const spec = build(width);
  const svg = renderChart(spec, document as unknown as Document, width);
  const height = Number(svg.getAttribute("height"));
  // A heading and a few lines of hint take about 60 points above the chart.
  const above = before ? 60 : 0;
  if (doc.y + above + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  before?.();
  const y = doc.y;
  const figure = doc.struct("Figure", { alt: spec.label }, () =>
    SVGtoPDF(doc, svg.outerHTML, x, y, {
      width,
      height,
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
    }),
  );
  as("P").structParent.add(figure);
  // svg-to-pdfkit leaves its last font and colour set (bold, for a chart with bold numbers).
  doc.font(REGULAR).fillColor("black");
  doc.x = x;
  doc.y = y + height + 4;
}
