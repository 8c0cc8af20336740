import type { ReactNode } from "react";

/**
 * A correction folded away under its summary until opened. The summary names the record for screen
 * readers too ("Change the scan Spring 2025"), since several stand on one page. The owner keeps `open`,
 * so a successful save can fold it again.
 */
export function EditDetails({
  summary,
  name,
  open,
  onOpenChange,
  className,
  children,
}: {
  summary: string;
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <details className={className} open={open} onToggle={(event) => onOpenChange(event.currentTarget.open)}>
      <summary>
        {summary}
        <span className="visually-hidden"> {name}</span>
      </summary>
      {children}
    </details>
  );
}
