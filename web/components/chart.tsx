import { type ReactNode, useLayoutEffect, useRef, useState } from "react";
import { type ChartSpec, renderChart } from "../../common/charts/render.ts";

/** Drawn at this width until the container has been measured (and in a PDF-like fixed layout). */
const DEFAULT_WIDTH = 560;

/** The width the chart has on screen, followed as the window turns or resizes. */
function useContainerWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * One chart, drawn by Observable Plot (decision 0019): an svg with role="img" and a label that says what
 * the picture shows, redrawn at the container's width so it reads on a phone. `spec` builds the chart for
 * a width; `children` is the text or table equivalent and any caption, shown beside the picture.
 */
export function Chart({
  spec,
  className,
  children,
}: {
  spec: (width: number) => ChartSpec;
  className?: string;
  children?: ReactNode;
}) {
  const canvas = useRef<HTMLDivElement>(null);
  const width = useContainerWidth(canvas);
  useLayoutEffect(() => {
    // Plot builds DOM nodes, not markup: appending them keeps the CSP happy (no inline style parsed).
    canvas.current?.replaceChildren(renderChart(spec(width), document, width));
  }, [spec, width]);
  return (
    <figure className={className ? `chart ${className}` : "chart"}>
      <div ref={canvas} className="chart-canvas" />
      {children}
    </figure>
  );
}
