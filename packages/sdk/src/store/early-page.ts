import type { RequestOptions } from '../http.js';
import type { Page } from '../schema/common.js';
import { replaces, type Change } from './change.js';

/**
 * Hears each change to a collection: a row's id, its state after the change (undefined: removed), whether the stream
 * brought it and the event that did (`Change`).
 */
export type Heard<T> = (id: string, item: T | undefined, live: boolean, eventId?: string) => void;

/**
 * A window's first page asked for while the window's code loads (`prefetch`), so its first rows wait for one request,
 * not for a chunk and then a request. `list` stands in for the client's: the window's first request, when it asks for
 * exactly these parameters, takes the page already on its way; any other request, or `drop()`, aborts it. Without
 * `params` nothing is asked early and `list` is `fetch`. The runs window uses it as it is; a connections window's
 * `FirstPage` also keeps the page as it answered.
 */
export class EarlyPage<P extends object, T extends { readonly updatedAt: string }> {
  #early: { key: string; page: Promise<Page<T>>; abort: AbortController; unwatch: () => void; heard: Map<string, Change<T>> } | undefined;
  /** The window's ear (`watching`): told, as it takes the page, the changes heard before. */
  #window: Heard<T> | undefined;
  /** The rows the window heard a change to itself since it took the page: what the early page heard of them is older. */
  #since: Set<string> | undefined;

  /**
   * `watch`: hears each change to the collection. The window that will take the page does not exist yet to lay a
   * change over it, so the changes are kept (the latest known of each row, `replaces`) and told to the window as it
   * takes the page: it hears them with the page in flight and lays them over it as over its own (list-window.ts
   * `#layOver`), asking again only for a change it cannot place truthfully. More rows changed than the page holds (a
   * window opened and never asked for rows, in a busy workspace): the early page is dropped, and the window asks anew.
   */
  constructor(
    private readonly fetch: (params?: P, options?: RequestOptions) => Promise<Page<T>>,
    params?: P,
    watch?: (heard: Heard<T>) => () => void,
  ) {
    if (!params) return;
    const abort = new AbortController();
    const page = fetch(params, { signal: abort.signal });
    page.catch(() => undefined); // a request nobody takes is aborted, not an unhandled rejection
    const heard = new Map<string, Change<T>>();
    const early = { key: keyOf(params), page, abort, unwatch: () => {}, heard };
    early.unwatch = watch?.((id, item, live, eventId) => {
      const change = { item, live, eventId };
      if (!replaces(heard.get(id), change)) return;
      heard.delete(id); // the latest change last, in the order heard
      heard.set(id, change);
      if (heard.size > ((params as { limit?: number }).limit ?? 100)) this.drop();
    }) ?? early.unwatch;
    this.#early = early;
  }

  /** `watch` for the window that takes the page: as `watch`, and the window hears the changes heard before. */
  watching(watch: (heard: Heard<T>) => () => void): (heard: Heard<T>) => () => void {
    return (heard) => {
      this.#window = heard;
      return watch((id, item, live, eventId) => {
        this.#since?.add(id);
        heard(id, item, live, eventId);
      });
    };
  }

  readonly list = (params?: P, options?: RequestOptions): Promise<Page<T>> => {
    const early = this.#early;
    this.#early = undefined;
    early?.unwatch();
    if (early && early.key === keyOf(params ?? {})) {
      options?.signal?.addEventListener('abort', () => early.abort.abort(), { once: true });
      if (options?.signal?.aborted) early.abort.abort();
      // Told once the window holds the page as in flight (it asked synchronously; this runs a microtask later), before
      // the page lands; a row the window heard of itself meanwhile keeps what it heard (newer).
      const since = (this.#since = new Set());
      queueMicrotask(() => {
        this.#since = undefined;
        for (const [id, { item, live, eventId }] of early.heard) if (!since.has(id)) this.#window?.(id, item, live, eventId);
      });
      return early.page;
    }
    early?.abort.abort();
    return this.fetch(params, options);
  };

  /** Abort the early request if the window never took it. */
  drop(): void {
    this.#early?.unwatch();
    this.#early?.abort.abort();
    this.#early = undefined;
  }
}

const keyOf = (params: object) => JSON.stringify(Object.entries(params).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b)));
