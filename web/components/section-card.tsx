import type { ReactNode } from "react";

/**
 * A card with its own heading, and named by it: screen readers list it as a region under that name
 * (tests find it so too). `id` ties the two together, so it must be unique on the page.
 */
export function SectionCard({
  id,
  title,
  hint,
  className = "card",
  children,
}: {
  id: string;
  title: ReactNode;
  /** A line under the heading on what the section is for. */
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint ? <p className="hint">{hint}</p> : null}
      {children}
    </section>
  );
}
