import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelinkSnapshot, RelinkStore } from '@relink/sdk';
import { storeContext } from '../context/store-context.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Follows the nearest provider's `RelinkStore` (after Lit's observers anatomy): consumes the store context,
 * subscribes in `hostConnected`, unsubscribes in `hostDisconnected`, and asks the host to update when the selected
 * value changes (`Object.is`). Without a selector the value is the whole snapshot.
 *
 * @example
 * private readonly conn = new StoreController(this, (s) => s.connections.byId.get(this.connectionId));
 */
export class StoreController<T = RelinkSnapshot> implements ReactiveController {
  /** The provider's store, once the context answered (undefined outside a provider). */
  store: RelinkStore | undefined;
  /** The selected value of the latest snapshot (undefined until a store is known). */
  value: T | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: Host,
    private readonly selector: (snapshot: RelinkSnapshot) => T = (snapshot) => snapshot as T,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => this.setStore(store),
    });
  }

  /** Uses `store` instead of (or before) the context's, e.g. for an element given a store directly. */
  setStore(store: RelinkStore | undefined): void {
    if (store === this.store) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = store;
    if (this.connected) this.subscribe();
    this.host.requestUpdate();
  }

  /** Re-reads the selected value (call it when an input of the selector, like an id, changed). */
  select(): void {
    const next = this.store ? this.selector(this.store.getSnapshot()) : undefined;
    if (!Object.is(next, this.value)) {
      this.value = next;
      this.host.requestUpdate();
    }
  }

  private subscribe(): void {
    if (!this.store || this.unsubscribe) return;
    this.unsubscribe = this.store.subscribe(() => this.select());
    this.select();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
