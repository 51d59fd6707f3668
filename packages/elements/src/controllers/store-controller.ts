import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelinkSnapshot, RelinkStore } from '@relink/sdk';
import { storeContext } from '../context/store-context.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface StoreControllerOptions<T> {
  /**
   * When two selected values count as the same, so the host does not update (default `Object.is`). A selector that
   * builds a new object or array each time needs one, e.g. comparing the fields it shows.
   */
  equals?: (a: T, b: T) => boolean;
}

/**
 * Follows the nearest provider's `RelinkStore` (after Lit's observers anatomy): consumes the store context,
 * subscribes in `hostConnected`, unsubscribes in `hostDisconnected`, and asks the host to update when the selected
 * value changes (`equals`, default `Object.is`). The selector runs again in `hostUpdate`, so one that reads the
 * host's properties (an id) follows them without any call from the host. Without a selector the value is the whole
 * snapshot.
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
  private readonly equals: (a: T, b: T) => boolean;

  constructor(
    private readonly host: Host,
    private readonly selector: (snapshot: RelinkSnapshot) => T = (snapshot) => snapshot as T,
    options: StoreControllerOptions<T> = {},
  ) {
    this.equals = options.equals ?? Object.is;
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
    this.value = undefined;
    if (this.connected) this.subscribe();
    this.host.requestUpdate();
  }

  /** Selects from the latest snapshot; true when the value changed. */
  private select(): boolean {
    if (!this.store) return false;
    const next = this.selector(this.store.getSnapshot());
    const previous = this.value;
    if (previous === next || (previous !== undefined && next !== undefined && this.equals(previous, next))) return false;
    this.value = next;
    return true;
  }

  private subscribe(): void {
    if (!this.store || this.unsubscribe) return;
    this.unsubscribe = this.store.subscribe(() => {
      if (this.select()) this.host.requestUpdate();
    });
    if (this.select()) this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  // Inputs of the selector (an id) may have changed with this update: the host renders what they select now.
  hostUpdate(): void {
    this.select();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
