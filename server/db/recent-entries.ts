/**
 * Keeps `entry` as the newest under `key` and, past `most` entries, drops the oldest: a Map keeps its
 * keys in insertion order, so re-inserting marks an entry as recently used. Bounds an in-memory cache.
 */
export function keepRecent<K, V>(entries: Map<K, V>, key: K, entry: V, most: number): void {
  entries.delete(key);
  entries.set(key, entry);
  while (entries.size > most) entries.delete(entries.keys().next().value as K);
}
