import type { Entity, Kind } from './collection.js';
import type { ListItem, ListWindowSource } from './list-window.js';
import type { StoreState } from './state.js';

/**
 * The rows of one collection the store holds only because open windows show them, with how many windows do: let go
 * when the last one forgets them, so memory follows the screens, not how far they scrolled (issue 17: the store keeps
 * what is visible plus live updates). A full load owns its rows (`clear`); a row asked for by id is kept (`keep`).
 */
export class WindowRows<T extends Entity & ListItem> {
  readonly #counts = new Map<string, number>();

  constructor(
    readonly kind: Kind,
    readonly state: StoreState,
  ) {}

  /** A full load holds every row from now on, whatever windows forget. */
  clear(): void {
    this.#counts.clear();
  }

  /** Asked for by id: kept when the windows scroll away. */
  keep(id: string): void {
    this.#counts.delete(id);
  }

  /** Whether a full load holds (or is fetching) the collection: its rows are not the windows' to drop. */
  #owned(): boolean {
    const { status } = this.state.snapshot[this.kind];
    return status === 'ready' || status === 'loading';
  }

  /**
   * The store's side of one window: what it hears, learns and forgets. `heard` sees each change before the window
   * does (a connections window's first page notes what moved it).
   */
  source(listed: (eventId: string | undefined) => void, closed: () => void, heard?: (id: string, item: T | undefined) => void): ListWindowSource<T> {
    // The ids this window has shown the store (each counted once).
    const shown = new Set<string>();
    return {
      watch: (listener) =>
        this.state.watch((kind, id, item, live, eventId) => {
          if (kind !== this.kind) return;
          heard?.(id, item as T | undefined);
          listener(id, item as T | undefined, live, eventId);
        }),
      listed,
      // The rows a window shows are known by id to every view (a row's actions, a detail opened from it).
      loaded: (items) => {
        const collection = this.state.snapshot[this.kind];
        const owned = this.#owned();
        for (const item of items) {
          const known = collection.byId.get(item.id) as T | undefined;
          if (!shown.has(item.id)) {
            shown.add(item.id);
            // A row the store held already (a full load, `get`) stays; one it learns from windows is counted.
            const count = this.#counts.get(item.id);
            if (count !== undefined) this.#counts.set(item.id, count + 1);
            else if (!known && !owned) this.#counts.set(item.id, 1);
          }
        }
        this.state.learn(this.kind, items);
      },
      // Rows no window shows any more leave the store, unless a full load holds them or the store had them anyway.
      forgot: (ids) => {
        const gone: string[] = [];
        for (const id of ids) {
          if (!shown.delete(id)) continue;
          const count = this.#counts.get(id);
          if (count === undefined) continue;
          if (count > 1) {
            this.#counts.set(id, count - 1);
            continue;
          }
          this.#counts.delete(id);
          gone.push(id);
        }
        if (gone.length && !this.#owned()) this.state.forget(this.kind, gone);
      },
      closed,
    };
  }
}
