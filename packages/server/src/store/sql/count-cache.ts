/**
 * Totals of searches and runs lists (`total` on a first page; the connections list's other totals are summed from
 * the counts a trigger keeps, 0008), kept until the workspace changes. A table asks for its first
 * page often (every open, every sort or filter change); counting 10,000+ rows each time would cost more than the page.
 * A write in this process invalidates its workspace's totals at once (and again when its transaction commits); another
 * instance's write does when its event arrives (LISTEN/NOTIFY), and `ttlMs` bounds what a missed signal can cost.
 */
export class CountCache {
  readonly #versions = new Map<string, number>();
  readonly #entries = new Map<string, { version: number; at: number; n: number }>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Something in the workspace changed: its cached totals are stale. */
  changed(workspaceId: string): void {
    this.#versions.set(workspaceId, (this.#versions.get(workspaceId) ?? 0) + 1);
  }

  /** Everything changed (clear). */
  reset(): void {
    this.#entries.clear();
    for (const workspaceId of this.#versions.keys()) this.changed(workspaceId);
  }

  /** The cached total under `key`, or `count()` (remembered only if nothing changed while it ran). */
  async get(workspaceId: string, key: string, count: () => Promise<number>): Promise<number> {
    const version = this.#versions.get(workspaceId) ?? 0;
    const entryKey = `${workspaceId}\u0001${key}`;
    const hit = this.#entries.get(entryKey);
    if (hit && hit.version === version && this.now() - hit.at < this.ttlMs) return hit.n;
    const started = this.now();
    const n = await count();
    if ((this.#versions.get(workspaceId) ?? 0) === version) {
      this.#entries.delete(entryKey);
      this.#entries.set(entryKey, { version, at: started, n });
      // Oldest first out (Map keeps insertion order).
      if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return n;
  }
}
