import * as Plot from "@observablehq/plot";

/** The class every chart's svg carries; the style sheet sizes its text (web/styles.css, `.chart-plot`). */
export const CHART_CLASS = "chart-plot";

/**
 * A chart as data: Plot's options without the document or size, and what a screen reader hears. Built by
 * the pure functions beside this file, drawn by `renderChart` in the browser and on the server alike.
 */
export interface ChartSpec {
  /** The one-line name a screen reader announces for the picture: role="img" with this aria-label. */
  label: string;
  options: Omit<Plot.PlotOptions, "document" | "width" | "className" | "figure" | "ariaLabel">;
}

/**
 * Draws `spec` with Observable Plot into `document` (the browser's, or linkedom's on the server) at
 * `width` pixels: an accessible svg (role="img", aria-label). Plot puts a <style> element in its svg for
 * its defaults; a strict Content-Security-Policy (style-src 'self') refuses inline style, so it is
 * removed here and the same rules live in the style sheet under `CHART_CLASS`.
 */
export function renderChart(spec: ChartSpec, document: Document, width: number): SVGSVGElement {
  const svg = Plot.plot({
    ...spec.options,
    document,
    width: Math.round(width),
    className: CHART_CLASS,
    figure: false,
    ariaLabel: spec.label,
  }) as unknown as SVGSVGElement;
  for (const style of svg.querySelectorAll("style")) style.remove();
  // Plot names each mark (<g aria-label="bar">); inside one labelled picture those names are noise, and
  // aria-label on an element without a role is not allowed (axe: aria-prohibited-attr).
  for (const named of svg.querySelectorAll("[aria-label], [aria-description]")) {
    named.removeAttribute("aria-label");
    named.removeAttribute("aria-description");
  }
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", spec.label);
  return svg;
}
