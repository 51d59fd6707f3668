import type { RequestOptions } from '../http.js';
import type { Page } from '../schema/common.js';

/**
 * A window's first page asked for while the window's code loads (`prefetch`), so its first rows wait for one request,
 * not for a chunk and then a request. `list` stands in for the client's: the window's first request, when it asks for
 * exactly these parameters, takes the page already on its way; any other request, or `drop()`, aborts it. Without
 * `params` nothing is asked early and `list` is `fetch`. The runs window uses it as it is; a connections window's
 * `FirstPage` also keeps the page as it answered.
 */
export class EarlyPage<P extends object, T> {
  #early: { key: string; page: Promise<Page<T>>; abort: AbortController; unwatch: () => void; moved: boolean } | undefined;

  /**
   * `watch`: hears each change to the collection. The window that will take the page does not exist yet to lay a
   * change over it (as it does for its own pages in flight), so a change heard before it takes the page makes the page
   * out of date: it is asked again.
   */
  constructor(
    private readonly fetch: (params?: P, options?: RequestOptions) => Promise<Page<T>>,
    params?: P,
    watch?: (changed: () => void) => () => void,
  ) {
    if (!params) return;
    const abort = new AbortController();
    const page = fetch(params, { signal: abort.signal });
    page.catch(() => undefined); // a request nobody takes is aborted, not an unhandled rejection
    const early = { key: keyOf(params), page, abort, unwatch: () => {}, moved: false };
    early.unwatch = watch?.(() => (early.moved = true)) ?? early.unwatch;
    this.#early = early;
  }

  readonly list = (params?: P, options?: RequestOptions): Promise<Page<T>> => {
    const early = this.#early;
    this.#early = undefined;
    early?.unwatch();
    if (early && !early.moved && early.key === keyOf(params ?? {})) {
      options?.signal?.addEventListener('abort', () => early.abort.abort(), { once: true });
      if (options?.signal?.aborted) early.abort.abort();
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
