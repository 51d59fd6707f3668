import { property } from 'lit/decorators.js';
import type { Connection, RelinkStore, Viewer } from '@relink/sdk';
import { initialState, ResourceController } from '../controllers/resource-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { RelinkElement } from './relink-element.js';

/**
 * Base of the elements that show or act on one connection (`connection-id`): follows the provider's store and
 * fetches the connection once if the store does not know it yet (aborted if the id changes or the element leaves).
 */
export class ConnectionElement<M extends object = object, N extends object = object> extends RelinkElement<M, N> {
  // Only this connection and the viewer: a change to another connection does not re-render this element.
  private readonly data = new StoreController(
    this,
    (s) => ({ connection: s.connections.byId.get(this.connectionId), viewer: s.viewer }),
    { equals: (a, b) => a.connection === b.connection && a.viewer === b.viewer },
  );

  /** The id of the connection, e.g. `con_slack`. */
  @property({ attribute: 'connection-id', reflect: true }) connectionId = '';

  private readonly fetcher = new ResourceController(this, {
    args: () => [this.data.store, this.connectionId] as const,
    // Known, or nothing to fetch: settled before the first render (no load, no second update per element).
    idle: ([store, id]) => !store || !id || store.getSnapshot().connections.byId.has(id),
    load: async ([store, id], { signal }) => {
      if (!store || !id || store.getSnapshot().connections.byId.has(id)) return initialState;
      await store.connections.get(id, { signal });
      return undefined;
    },
  });

  /** The SDK error of the last failed fetch of the connection. */
  protected get loadError(): unknown {
    return this.fetcher.error;
  }

  protected get store(): RelinkStore | undefined {
    return this.data.store;
  }

  protected get connection(): Connection | undefined {
    return this.data.value?.connection;
  }

  protected get viewer(): Viewer | undefined {
    return this.data.value?.viewer;
  }

  /** Fetches the connection from the server again (what "Try again" does). */
  protected load(): void {
    void this.fetcher.run();
  }
}
