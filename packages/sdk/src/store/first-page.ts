import type { RelinkClient } from '../client.js';
import type { RequestOptions } from '../http.js';
import type { ConnectionListParams } from '../resources/connections.js';
import type { Page } from '../schema/common.js';
import type { Connection } from '../schema/connection.js';
import type { ConnectionWindow, ConnectionWindowOptions, ConnectionWindowQuery } from './connection-window.js';
import { EarlyPage, type Heard } from './early-page.js';
import { pageParams } from './page-params.js';

/**
 * A connections window's first page, seen from the store: asked for while the window's code loads (`prefetch`: an
 * `EarlyPage`, as a runs window's), so the window's first request is already on its way, and kept as it answered, so
 * the store can take it as the start of the loaded list (`connections.adopt`), which runs windows lack. The window asks
 * through `client`, which hands it the page asked for early and notes each first page that answers; everything else
 * goes to the real client unchanged.
 */
export class FirstPage {
  readonly client: RelinkClient;
  readonly #early: EarlyPage<ConnectionListParams, Connection>;
  /** The latest first page that answered, and whether a change heard since may have moved what it holds. */
  #answered: { page: Page<Connection>; moved: boolean } | undefined;

  /** `watch`: hears each change to the connections (see `EarlyPage`). */
  constructor(
    client: RelinkClient,
    query: ConnectionWindowQuery,
    options: ConnectionWindowOptions & { prefetch?: boolean | undefined } = {},
    watch?: (heard: Heard<Connection>) => () => void,
  ) {
    const early: ConnectionListParams | undefined = options.prefetch ? pageParams(query, options.pageSize) : undefined;
    this.#early = new EarlyPage((params: ConnectionListParams = {}, request?: RequestOptions) => {
      const page = client.connections.list(params, request);
      return params.offset ? page : this.#noted(page);
    }, early, watch);
    this.client = { ...client, connections: { ...client.connections, list: this.#early.list } };
  }

  #noted(page: Promise<Page<Connection>>): Promise<Page<Connection>> {
    return page.then((answered) => {
      this.#answered = { page: answered, moved: false };
      return answered;
    });
  }

  /** A connection changed: one the first page does not hold (a new one) or a removal may move every row after it. */
  heard(id: string, item: unknown): void {
    const answered = this.#answered;
    if (answered && (item === undefined || !answered.page.data.some((c) => c.id === id))) answered.moved = true;
  }

  /**
   * The first page with the rows `window` shows for it (changes heard in flight laid over), when it is current and in
   * the list's own order: no sort, filter or search, nothing moved since, every row of it loaded.
   */
  current(window: ConnectionWindow): Page<Connection> | undefined {
    const answered = this.#answered;
    if (!answered || answered.moved || Object.keys(window.query).length > 0 || window.loading || window.total !== answered.page.total) return undefined;
    const data: Connection[] = [];
    for (let i = 0; i < answered.page.data.length; i++) {
      const row = window.at(i);
      if (row?.id !== answered.page.data[i]!.id) return undefined;
      data.push(row);
    }
    // Its event id was told to the live updates when the window took the page (`windowListed`).
    return { data, nextCursor: answered.page.nextCursor, ...(answered.page.total !== undefined ? { total: answered.page.total } : {}) };
  }

  /** `watch` for the window: it hears the changes heard before it took the early page (`EarlyPage.watching`). */
  watching(watch: (heard: Heard<Connection>) => () => void): (heard: Heard<Connection>) => () => void {
    return this.#early.watching(watch);
  }

  /** Abort the early request if the window never took it. */
  drop(): void {
    this.#early.drop();
  }
}
