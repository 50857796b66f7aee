/**
 * A map that keeps only the `limit` entries used last (`get` and `set` both count as use) and tells
 * `onDrop` of each entry it lets go, so that whoever holds what the entry refers to can free it too.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();
  readonly limit: number;
  private readonly onDrop: (value: V, key: K) => void;
  constructor(limit: number, onDrop: (value: V, key: K) => void = () => undefined) {
    this.limit = limit;
    this.onDrop = onDrop;
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`RecentMap: limit must be a whole number of at least 1, got ${limit}`);
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    // A Map iterates in insertion order: re-inserting makes this entry the most recent.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    const previous = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, value);
    if (previous !== undefined && previous !== value) this.onDrop(previous, key);
    while (this.entries.size > this.limit) {
      const [oldest, dropped] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.onDrop(dropped, oldest);
    }
  }

  /** Forgets every entry without telling `onDrop` (their owner has let them go already). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
