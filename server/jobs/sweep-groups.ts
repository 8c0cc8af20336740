/**
 * A sweep's work in groups of at most `size` items that share a key (one organisation, say): each group
 * is read with one set of queries, and between groups waiting requests get their turn. Groups keep the
 * order in which their key first appears.
 */
export function groupsOf<T>(items: T[], size: number, keyOf: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  return [...byKey.values()].flatMap((list) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, n) => list.slice(n * size, (n + 1) * size)),
  );
}
