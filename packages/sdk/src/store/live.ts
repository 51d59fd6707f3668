import type { RelinkClient } from '../client.js';
import { isChunkLoadError } from '../errors.js';
import type { Connection } from '../schema/connection.js';
import type { RelinkEvent } from '../schema/events.js';
import type { Run } from '../schema/run.js';
import type { StoreState } from './state.js';

/** Event ids are decimal strings; the smaller of two, or the one given. */
const older = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined ? a : Number(b) < Number(a) ? b : a;

/**
 * Live updates for a store: follows the server's event stream while at least one caller holds a stop function,
 * applies each event to the state, and reloads what the views show when the stream cannot replay a gap.
 *
 * List, then watch (as Kubernetes' informers do): every list page says where it stands in the event log
 * (`eventId`). The stream opens after the smallest such id seen, so a change made between a list and the stream's
 * opening is replayed; and when a page turns out older than an open stream (the list was read before the stream
 * started, or answered after newer events were applied), the stream reopens from the page's id.
 */
export class LiveUpdates {
  readonly #state: StoreState;
  readonly #client: RelinkClient;
  readonly #reloadLoaded: () => Promise<unknown>;
  readonly #keeps: (kind: 'connections' | 'runs', item: Connection | Run) => boolean;
  #abort: AbortController | undefined;
  #users = 0;
  /** The newest event applied, or where the stream said it starts: the place to resume from. */
  #lastEventId: string | undefined;
  /** The oldest list position seen that the stream has not yet gone past. */
  #listed: string | undefined;
  /** The current stream has opened (so `#lastEventId` is where it stands). */
  #open = false;
  /** Where the current stream opened: every event after it reaches the store. */
  #openedAt: string | undefined;

  /** `keeps`: whether the store keeps this changed connection or run (a view holds or follows it), not only tells windows. */
  constructor(
    state: StoreState,
    client: RelinkClient,
    reloadLoaded: () => Promise<unknown>,
    keeps: (kind: 'connections' | 'runs', item: Connection | Run) => boolean,
  ) {
    this.#state = state;
    this.#client = client;
    this.#reloadLoaded = reloadLoaded;
    this.#keeps = keeps;
  }

  /** Apply one server event: every event carries the whole resource after the change. */
  apply(event: RelinkEvent): void {
    this.#lastEventId = event.id;
    switch (event.type) {
      // A change to a connection or run no view holds or follows is news for the open windows, not a row to keep: a
      // busy workspace shown through windows would otherwise fill the store one event at a time.
      case 'connection.updated':
        return this.#keeps('connections', event.connection)
          ? this.#state.upsert('connections', event.connection, { eventId: event.id })
          : this.#state.heard('connections', event.connection, event.id);
      case 'connection.removed':
        return this.#state.remove('connections', event.connectionId, event.id);
      case 'notification.updated':
        return this.#state.upsert('notifications', event.notification);
      case 'run.updated':
        return this.#keeps('runs', event.run) ? this.#state.upsert('runs', event.run, { eventId: event.id }) : this.#state.heard('runs', event.run, event.id);
      case 'connection_request.updated':
        return this.#state.upsert('connectionRequests', event.request);
    }
  }

  /**
   * A list page arrived, current to event `eventId`. Before the stream opens, it will open after the smallest of
   * these; once it is open, a page older than where it stands makes it reopen from the page's id (a replay of events
   * the store already holds is harmless: each carries the whole resource).
   */
  listed(eventId: string | undefined): void {
    if (eventId === undefined) return;
    if (!this.#abort || !this.#open) {
      this.#listed = older(this.#listed, eventId);
      return;
    }
    if (this.#lastEventId !== undefined && older(this.#lastEventId, eventId) === this.#lastEventId) return;
    this.#listed = eventId;
    this.#open = false;
    this.#abort.abort();
    this.#subscribe();
  }

  /**
   * A page of a connections window arrived. A window hears every change while its pages are in flight (one to a row
   * it does not show drops and refetches them, one to a row it shows is laid over them), so once the stream is open a
   * page answered after the place it opened from needs no replay, however far behind the stream's newest event: only
   * an older page counts (`listed`). Otherwise scrolling a busy workspace would reopen the stream page after page.
   */
  windowListed(eventId: string | undefined): void {
    if (eventId === undefined) return;
    if (this.#abort && this.#open && this.#openedAt !== undefined && older(this.#openedAt, eventId) === this.#openedAt) return;
    this.listed(eventId);
  }

    start(): () => void {
    this.#users += 1;
    if (!this.#abort) this.#subscribe();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.#users -= 1;
      if (this.#users === 0) {
        this.#abort?.abort();
        this.#abort = undefined;
        this.#open = false;
        this.#state.set({ ...this.#state.snapshot, live: 'off' });
      }
    };
  }

  #subscribe(): void {
    const abort = (this.#abort = new AbortController());
    // Trying from the first call, while the live-events code may still be loading: a host's indicator says so.
    if (this.#state.snapshot.live === 'off') this.#state.set({ ...this.#state.snapshot, live: 'connecting' });
    const from = older(this.#lastEventId, this.#listed);
    this.#listed = undefined;
    let gap = false;
    void this.#client.events.subscribe({
      signal: abort.signal,
      lastEventId: from,
      onEvent: (event) => this.apply(event),
      onOpen: (eventId, restarted) => {
        if (this.#abort !== abort) return;
        this.#open = true;
        this.#lastEventId = restarted ? eventId : (eventId ?? this.#lastEventId);
        this.#openedAt = this.#lastEventId;
        // The server's log began again: what the views show was read under the old log's ids (a window would take
        // the replayed changes as older than its pages), so it is read again before the replay is applied.
        if (restarted) {
          this.#listed = undefined;
          void this.#reloadLoaded();
          return;
        }
        // A page that answered while the stream was connecting, older than where it opened: reopen from the page.
        const pending = this.#listed;
        this.#listed = undefined;
        this.listed(pending);
      },
      onPoll: () => void this.#reloadLoaded(),
      onStatus: (live) => {
        // A stream replaced by a reopened one is not news.
        if (this.#abort !== abort) return;
        // A stream that opens after a failed attempt with no event id to resume from cannot replay what happened
        // meanwhile: fetch what the views show once instead.
        if (live === 'reconnecting' || live === 'polling') gap = true;
        else if (live === 'open' && gap && this.#lastEventId === undefined) void this.#reloadLoaded();
        if (live === 'open') gap = false;
        const status = live === 'closed' ? 'off' : live;
        // 'connecting' was said when the start was asked for: no second snapshot for the same news.
        if (status !== this.#state.snapshot.live) this.#state.set({ ...this.#state.snapshot, live: status });
      },
    }).catch((error: unknown) => {
      // The live-events code did not load (a RelinkChunkLoadError): no stream, `live` back to off, and the next caller
      // of `start` tries again. The views' own requests say what failed. Anything else is a bug, left unhandled.
      if (!isChunkLoadError(error)) throw error;
      if (this.#abort !== abort) return;
      this.#abort = undefined;
      this.#state.set({ ...this.#state.snapshot, live: 'off' });
    });
  }
}
