import type { RelinkClient } from '../client.js';
import type { Page, SortOrder } from '../schema/common.js';
import type { Connection, ConnectionSort, ConnectionStatus } from '../schema/connection.js';
import { byKeys, ListWindow, type ListWindowOptions, type ListWindowSource } from './list-window.js';
import { kit } from './window-kit.js';

/** What a window shows: sorted, filtered and searched on the server. */
export interface ConnectionWindowQuery {
  status?: ConnectionStatus | undefined;
  /** An app key, e.g. `slack`. */
  app?: string | undefined;
  /** Search by app name or label (case- and accent-insensitive). */
  q?: string | undefined;
  sort?: ConnectionSort | undefined;
  order?: SortOrder | undefined;
}

export type ConnectionWindowOptions = ListWindowOptions;

/** What a connection window needs from its store (see `ListWindowSource`). */
export type WindowSource = ListWindowSource<Connection>;

/**
 * A window onto the connections list for a view that shows a slice of a long list (a virtualized table): the pages
 * covering the rows shown, following live changes (`ListWindow` does the paging, keeping and live merging).
 */
export class ConnectionWindow extends ListWindow<Connection, ConnectionWindowQuery> {
  readonly #client: RelinkClient;

  constructor(client: RelinkClient, source: WindowSource, query: ConnectionWindowQuery = {}, options: ConnectionWindowOptions = {}) {
    super(source, query, options);
    this.#client = client;
  }

  protected fetchPage(offset: number, limit: number, signal: AbortSignal): Promise<Page<Connection>> {
    return this.#client.connections.list(kit.pageParams(this.query, limit, offset), { signal });
  }

  protected moves(before: Connection, after: Connection): boolean {
    const { sort = 'createdAt', q } = this.query;
    return (
      this.matches(after) === false ||
      (sort === 'status' && after.status !== before.status) ||
      // sort=app is keyed [app name, label] on the server: a new label moves a row within its app.
      ((sort === 'label' || sort === 'app' || q !== undefined) && after.label !== before.label) ||
      (sort === 'updatedAt' && kit.compareTimes(after.updatedAt, before.updatedAt) !== 0)
    );
  }

  protected matches(c: Connection): boolean | undefined {
    const { status, app, q } = this.query;
    if ((status !== undefined && c.status !== status) || (app !== undefined && c.app.key !== app)) return false;
    return q === undefined ? true : undefined;
  }

  protected compare(a: Connection, b: Connection): number | undefined {
    const { sort = 'createdAt', order = 'asc' } = this.query;
    // Timestamps and ids compare as the server's keys do (code points); names, labels and status are folded or ranked there.
    if (sort !== 'createdAt' && sort !== 'updatedAt') return undefined;
    return byKeys([a[sort], a.id], [b[sort], b.id], order);
  }
}
