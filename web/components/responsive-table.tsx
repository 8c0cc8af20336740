import type { ReactNode } from "react";

/** A table's head: one row of column headings. */
export function ColumnHeadings({ headings }: { headings: string[] }) {
  return (
    <thead>
      <tr>
        {headings.map((heading) => (
          <th key={heading} scope="col">
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A table that turns into a list of cards on a phone; each cell names its column in `data-label`, which
 * the stylesheet shows there. The caption is for screen readers.
 */
export function ResponsiveTable({
  caption,
  headings,
  children,
}: {
  caption: string;
  headings: string[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="responsive-table">
        <caption className="visually-hidden">{caption}</caption>
        <ColumnHeadings headings={headings} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
