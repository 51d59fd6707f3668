import type { RelinkClient } from '../client.js';
import type { RelinkEvent } from '../schema/events.js';
import type { StoreState } from './state.js';

/**
 * Live updates for a store: follows the server's event stream while at least one caller holds a stop function,
 * applies each event to the state, and reloads what the views show when the stream cannot replay a gap.
 */
export class LiveUpdates {
  readonly #state: StoreState;
  readonly #client: RelinkClient;
  readonly #reloadLoaded: () => Promise<unknown>;
  #abort: AbortController | undefined;
  #users = 0;
  #lastEventId: string | undefined;

  constructor(state: StoreState, client: RelinkClient, reloadLoaded: () => Promise<unknown>) {
    this.#state = state;
    this.#client = client;
    this.#reloadLoaded = reloadLoaded;
  }

  /** Apply one server event: every event carries the whole resource after the change. */
  apply(event: RelinkEvent): void {
    this.#lastEventId = event.id;
    switch (event.type) {
      case 'connection.updated':
        return this.#state.upsert('connections', event.connection);
      case 'connection.removed':
        return this.#state.remove('connections', event.connectionId);
      case 'notification.updated':
        return this.#state.upsert('notifications', event.notification);
      case 'run.updated':
        return this.#state.upsert('runs', event.run);
      case 'connection_request.updated':
        return this.#state.upsert('connectionRequests', event.request);
    }
  }

  start(): () => void {
    this.#users += 1;
    if (!this.#abort) {
      const abort = (this.#abort = new AbortController());
      let gap = false;
      void this.#client.events.subscribe({
        signal: abort.signal,
        lastEventId: this.#lastEventId,
        onEvent: (event) => this.apply(event),
        onPoll: () => void this.#reloadLoaded(),
        onStatus: (live) => {
          if (this.#abort !== abort) return;
          // A stream that opens after a failed attempt with no event id to resume from cannot replay what happened
          // meanwhile: fetch what the views show once instead.
          if (live === 'reconnecting' || live === 'polling') gap = true;
          else if (live === 'open' && gap && this.#lastEventId === undefined) void this.#reloadLoaded();
          if (live === 'open') gap = false;
          this.#state.set({ ...this.#state.snapshot, live: live === 'closed' ? 'off' : live });
        },
      });
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.#users -= 1;
      if (this.#users === 0) {
        this.#abort?.abort();
        this.#abort = undefined;
        this.#state.set({ ...this.#state.snapshot, live: 'off' });
      }
    };
  }
}
