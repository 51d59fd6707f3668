import { createParser } from 'eventsource-parser';
import { kit } from './internal/kit.js';
import { sleep } from './internal/sleep.js';
import type { Transport } from './internal/transport.js';
import { RelinkEvent } from './schema/events.js';

/**
 * Where a subscription stands: `connecting` before the first byte, `open` while the stream flows, `reconnecting`
 * between attempts, `polling` once the stream has been unavailable long enough that the caller should poll instead,
 * `closed` after the signal aborted.
 */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'polling' | 'closed';

export interface SubscribeOptions {
  /** Called once per event, in order. Events are upserts: applying one twice is harmless. */
  onEvent: (event: RelinkEvent) => void;
  /** Aborting it ends the subscription for good. */
  signal?: AbortSignal;
  /** Resume after this event id (the stream then replays what was missed). */
  lastEventId?: string;
  /**
   * Each time the stream opens: the event id it goes on after — the Last-Event-ID sent, or where the server started a
   * stream that had none (its `Relink-Event-Id` header). A list whose page `eventId` is older missed what lies between.
   * `restarted`: the server started before the id sent, replaying a log that began again (its database was recreated
   * under a connected client), so ids heard before, a list page's among them, are not comparable with its own.
   */
  onOpen?: (eventId: string | undefined, restarted: boolean) => void;
  /** Status changes, for a "live" indicator or to start polling. */
  onStatus?: (status: LiveStatus) => void;
  /** While the stream is unavailable, called every `pollInterval` ms so the caller can reload what it shows. */
  onPoll?: () => void;
  /** A message that is not a valid event; it is skipped, the stream goes on. */
  onInvalidEvent?: (error: unknown, raw: string) => void;
  /** Backoff between reconnect attempts: `min(maxDelay, initialDelay * 2^attempt)` with full jitter. */
  initialDelay?: number;
  maxDelay?: number;
  /** Consecutive failed attempts after which the subscription also polls (default 3). */
  pollAfterFailures?: number;
  /** Poll period while the stream is down (default 15 s). */
  pollInterval?: number;
}

export interface RelinkEvents {
  /**
   * Reads `GET /events` with `fetch`, so the bearer token stays in a header (EventSource cannot send one), parses it
   * with `eventsource-parser`, reconnects with backoff and `Last-Event-ID`, and falls back to polling while the
   * stream is unavailable. Resolves when `signal` aborts.
   */
  subscribe(options: SubscribeOptions): Promise<void>;
}

export function createEvents(transport: Transport): RelinkEvents {
  return {
    async subscribe(options) {
      const {
        onEvent,
        signal,
        onStatus,
        onOpen,
        onPoll,
        onInvalidEvent,
        initialDelay = 1_000,
        maxDelay = 30_000,
        pollAfterFailures = 3,
        pollInterval = 15_000,
      } = options;
      let lastEventId = options.lastEventId;
      let failures = 0;
      let status: LiveStatus | undefined;
      const setStatus = (next: LiveStatus) => {
        if (next !== status) onStatus?.((status = next));
      };
      let pollTimer: ReturnType<typeof setInterval> | undefined;
      const startPolling = () => {
        setStatus('polling');
        if (pollTimer === undefined && onPoll) {
          onPoll();
          pollTimer = setInterval(onPoll, pollInterval);
        }
      };
      const stopPolling = () => {
        clearInterval(pollTimer);
        pollTimer = undefined;
      };

      const parser = createParser({
        onEvent(message) {
          if (message.id !== undefined) lastEventId = message.id;
          let parsed: RelinkEvent;
          try {
            parsed = RelinkEvent.parse(JSON.parse(message.data));
          } catch (error) {
            onInvalidEvent?.(error, message.data);
            return;
          }
          onEvent(parsed);
        },
      });

      setStatus('connecting');
      // An expired session is not an outage. After a 401 the next attempt first asks the host's getter for a new token
      // (until it answers), and the first such attempt after a working stream comes at once, without backoff.
      let renew = false;
      let renewedAtOnce = false;
      while (!signal?.aborted) {
        let opened = false;
        try {
          const token = renew ? ((await transport.renewToken()) ?? (await transport.getToken())) : await transport.getToken();
          renew = false;
          const headers = new Headers({ accept: 'text/event-stream' });
          if (token) headers.set('authorization', `Bearer ${token}`);
          if (lastEventId !== undefined) headers.set('last-event-id', lastEventId);
          const response = await transport.fetch(new Request(joinUrl(transport.baseUrl, 'events'), { headers, signal }));
          const type = response.headers.get('content-type') ?? '';
          if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
            await response.body?.cancel();
            renew = response.status === 401;
            throw new Error(`The event stream answered ${response.status}.`);
          }
          opened = true;
          // A stream started without an id says where it starts: reconnects resume from there, not from "now". One
          // that starts before the id sent replays a log that began again: its ids are the server's from here on.
          const starts = response.headers.get('relink-event-id') ?? undefined;
          const restarted = lastEventId !== undefined && starts !== undefined && Number(starts) < Number(lastEventId);
          if (lastEventId === undefined || restarted) lastEventId = starts;
          onOpen?.(lastEventId, restarted);
          failures = 0;
          stopPolling();
          setStatus('open');
          parser.reset();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          // A fetch that ignores its signal (an in-page server, some polyfills) must still stop when asked to.
          const cancel = () => void reader.cancel().catch(() => undefined);
          signal?.addEventListener('abort', cancel, { once: true });
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              parser.feed(value);
            }
          } finally {
            signal?.removeEventListener('abort', cancel);
          }
        } catch {
          // Network errors, aborts and refused streams all end up here; the loop decides what to do next.
        }
        if (signal?.aborted) break;
        if (opened) renewedAtOnce = false;
        if (renew && !renewedAtOnce) {
          renewedAtOnce = true;
          setStatus('reconnecting');
          continue;
        }
        if (!opened) failures += 1;
        if (failures >= pollAfterFailures) startPolling();
        else setStatus('reconnecting');
        await sleep(kit.backoffDelay(Math.max(failures, 1) - 1, initialDelay, maxDelay), signal);
      }
      stopPolling();
      setStatus('closed');
    },
  };
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}
