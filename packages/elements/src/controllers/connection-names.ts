import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Connection, RelinkStore } from '@relink/sdk';

/**
 * The connections a view names by id (a run's "Blocked by HubSpot (Acme)") without loading the workspace's
 * connections (issue 17): the store's copy when it holds one, else `store.connections.lookup(id)` — one request per
 * id, shared by every view asking — sent after the render that needed it. The host renders again when it arrives.
 * While a full load of the connections is running or done the store answers for every id, so nothing is asked.
 */
export class ConnectionNames implements ReactiveController {
  /** Ids a render asked for that the store did not hold. */
  readonly #wanted = new Set<string>();
  /** Ids already asked of this store (a removed connection is asked once, then named by its id). */
  #asked = new Set<string>();
  #askedOf: RelinkStore | undefined;
  #abort = new AbortController();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: () => RelinkStore | undefined,
  ) {
    host.addController(this);
  }

  /** The connection, if the store holds it; otherwise undefined, and asked for after this render. */
  get(id: string): Connection | undefined {
    const connection = this.store()?.getSnapshot().connections.byId.get(id);
    if (!connection) this.#wanted.add(id);
    return connection;
  }

  hostUpdated(): void {
    const store = this.store();
    if (!store || this.#wanted.size === 0) return;
    const wanted = [...this.#wanted];
    this.#wanted.clear();
    const { status } = store.getSnapshot().connections;
    if (status === 'loading' || status === 'ready') return;
    if (store !== this.#askedOf) {
      this.#askedOf = store;
      this.#asked = new Set();
    }
    for (const id of wanted) {
      if (this.#asked.has(id)) continue;
      this.#asked.add(id);
      store.connections.lookup(id, { signal: this.#abort.signal }).then(() => this.host.requestUpdate(), () => undefined);
    }
  }

  hostDisconnected(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    // Asked again when the host comes back: the requests in flight were aborted.
    this.#asked = new Set();
  }
}
