import { property, state } from 'lit/decorators.js';
import type { Connection, RelinkStore, Viewer } from '@relink/sdk';
import { StoreController } from '../controllers/store-controller.js';
import { RelinkElement } from './relink-element.js';

/**
 * Base of the elements that show or act on one connection (`connection-id`): follows the provider's store and
 * fetches the connection once if the store does not know it yet.
 */
export class ConnectionElement<M extends object = object> extends RelinkElement<M> {
  protected readonly data = new StoreController(this);

  /** The id of the connection, e.g. `con_slack`. */
  @property({ attribute: 'connection-id', reflect: true }) connectionId = '';

  /** The SDK error of the last failed fetch of the connection. */
  @state() protected loadError: unknown;
  private fetched?: string;

  protected get store(): RelinkStore | undefined {
    return this.data.store;
  }

  protected get connection(): Connection | undefined {
    return this.data.value?.connections.byId.get(this.connectionId);
  }

  protected get viewer(): Viewer | undefined {
    return this.data.value?.viewer;
  }

  /** Fetches the connection from the server (again). */
  protected load(): void {
    const { store, connectionId } = this;
    if (!store || !connectionId) return;
    this.fetched = `${connectionId}`;
    this.loadError = undefined;
    store.connections.get(connectionId).catch((error: unknown) => {
      if (this.connectionId === connectionId) this.loadError = error;
    });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.store && this.connectionId && !this.connection && this.fetched !== this.connectionId) this.load();
  }
}
