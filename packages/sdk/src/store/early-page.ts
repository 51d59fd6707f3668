import type { RequestOptions } from '../http.js';
import type { Page } from '../schema/common.js';

/** Hears each change to a collection: a row's id and its state after the change (undefined: removed). */
export type Heard<T> = (id: string, item: T | undefined) => void;

/**
 * A window's first page asked for while the window's code loads (`prefetch`), so its first rows wait for one request,
 * not for a chunk and then a request. `list` stands in for the client's: the window's first request, when it asks for
 * exactly these parameters, takes the page already on its way; any other request, or `drop()`, aborts it. Without
 * `params` nothing is asked early and `list` is `fetch`. The runs window uses it as it is; a connections window's
 * `FirstPage` also keeps the page as it answered.
 */
export class EarlyPage<P extends object, T> {
  #early: { key: string; page: Promise<Page<T>>; abort: AbortController; unwatch: () => void; heard: Map<string, T | undefined> } | undefined;
  /** The window's ear (`watching`): told, as it takes the page, the changes heard before. */
  #window: Heard<T> | undefined;

  /**
   * `watch`: hears each change to the collection. The window that will take the page does not exist yet to lay a
   * change over it, so the changes are kept (the latest of each row) and told to the window as it takes the page: it
   * hears them with the page in flight and lays them over it as over its own (list-window.ts `#layOver`), asking again
   * only for a change it cannot place truthfully.
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
    const heard = new Map<string, T | undefined>();
    const early = { key: keyOf(params), page, abort, unwatch: () => {}, heard };
    early.unwatch = watch?.((id, item) => {
      heard.delete(id); // the latest change last, in the order heard
      heard.set(id, item);
    }) ?? early.unwatch;
    this.#early = early;
  }

  /** `watch` for the window that takes the page: as `watch`, and the window hears the changes heard before it. */
  watching(watch: (heard: Heard<T>) => () => void): (heard: Heard<T>) => () => void {
    return (heard) => {
      this.#window = heard;
      return watch(heard);
    };
  }

  readonly list = (params?: P, options?: RequestOptions): Promise<Page<T>> => {
    const early = this.#early;
    this.#early = undefined;
    early?.unwatch();
    if (early && early.key === keyOf(params ?? {})) {
      options?.signal?.addEventListener('abort', () => early.abort.abort(), { once: true });
      if (options?.signal?.aborted) early.abort.abort();
      // Told once the window holds the page as in flight (it asked synchronously; this runs a microtask later).
      return early.page.then((page) => {
        for (const [id, item] of early.heard) this.#window?.(id, item);
        return page;
      });
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
