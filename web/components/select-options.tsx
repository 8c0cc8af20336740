import type { ReactNode } from "react";

/**
 * The `<option>`s of a select, one per item. Items that are not themselves the value (a competence, a
 * cohort) name it with `toValue`.
 */
export function SelectOptions<T>({
  items,
  label,
  toValue = (item) => String(item),
}: {
  items: readonly T[];
  label: (item: T) => ReactNode;
  toValue?: (item: T) => string;
}) {
  return items.map((item) => {
    const value = toValue(item);
    return (
      <option key={value} value={value}>
        {label(item)}
      </option>
    );
  });
}
