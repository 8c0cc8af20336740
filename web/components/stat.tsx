import type { ReactNode } from "react";

/** One term and its value in a description list (`<dl>`), grouped so the pair wraps as one. */
export function Stat({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
