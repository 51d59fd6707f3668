import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod/mini';
import { RelinkEvent } from '@relink/sdk/schema';
import { canSeeEvent } from '../auth/access.js';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { hiddenByPreferences } from '../lifecycle/notification-preferences.js';
import { route, type RouteRegistry } from '../http/route.js';
import type { StoredEvent } from '../store/store.js';

export function toRelinkEvent(event: StoredEvent): RelinkEvent {
  return RelinkEvent.parse({ ...event.data, id: String(event.id), at: event.at });
}

const EventsQuery = z.strictObject({
  /** For clients that cannot set headers; the Last-Event-ID header wins. */
  lastEventId: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
});

/**
 * `GET /v1/events`: server-sent events. Subscribe first, then replay from the log after Last-Event-ID (or after the
 * log's committed end when there is none, named in the `Relink-Event-Id` header), then stream live — deduplicated by
 * id, so nothing appended between the replay and the subscription is lost or sent twice.
 */
export function eventRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext, options: { heartbeatMs: number }): void {
  route(v1, registry, {
    method: 'get', path: '/v1/events', tag: 'events', auth: 'session',
    summary: 'Server-sent events (RelinkEvent) for every connection, notification, run and request change the caller may see; resumable with Last-Event-ID (a list page\'s eventId, to hear every change after the list); the Relink-Event-Id header names where the stream starts; ": ping" heartbeats.',
    query: EventsQuery, response: { status: 200, schema: RelinkEvent, contentType: 'text/event-stream', description: 'An event stream; each message data is a RelinkEvent' }, errors: [400],
  }, async (c) => {
    const auth = c.get('auth');
    const query = EventsQuery.safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, 'validation_failed', '"lastEventId" must be a non-negative integer.');
    // An empty Last-Event-ID is "none" (what an SSE `id:` line with no value resets a client to).
    const header = c.req.header('last-event-id') || query.data.lastEventId || undefined;
    if (header !== undefined && !/^\d{1,15}$/.test(header)) throw new ApiError(400, 'validation_failed', 'Last-Event-ID must be an event id this server sent.');
    let lastId = header === undefined ? undefined : Number(header);
    // A cursor from the future (the database was recreated under a connected client) would silently swallow every
    // event up to it. Replay the workspace's whole log instead: every event is a whole-resource upsert, so the
    // client converges, and the ids it sees from here on are this server's.
    if (lastId !== undefined && lastId > (await ctx.store.latestEventId())) lastId = 0;
    // Without Last-Event-ID the stream starts where the log is committed now, and says where (Relink-Event-Id): a
    // client whose list is older (its page's `eventId` is smaller) reopens from there, and nothing falls between.
    const from = lastId ?? ctx.store.committedEventId();
    c.header('relink-event-id', String(from));
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');

    const response = streamSSE(c, async (stream) => {
      const buffer: StoredEvent[] = [];
      let wake: (() => void) | undefined;
      let closed = false;
      let sent = from;
      const unsubscribe = ctx.store.subscribe(auth.workspaceId, (event) => {
        buffer.push(event);
        wake?.();
      });
      let heartbeat: unknown;
      const beat = () => {
        if (closed) return;
        void stream.write(': ping\n\n').catch(() => undefined);
        heartbeat = ctx.clock.setTimeout(beat, options.heartbeatMs);
      };
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
        if (heartbeat !== undefined) ctx.clock.clearTimeout(heartbeat);
        wake?.();
      });

      const deliver = async (event: StoredEvent) => {
        if (event.id <= sent) return;
        sent = event.id;
        if (!canSeeEvent(auth, event) || (await hiddenByPreferences(ctx.store, auth, event))) return;
        await stream.writeSSE({ event: event.type, id: String(event.id), data: JSON.stringify(toRelinkEvent(event)) });
      };

      await stream.write(': connected\n\n');
      // Subscribed first, then the log after `from`: what was committed meanwhile comes once, in order.
      for (;;) {
        const missed = await ctx.store.eventsSince(auth.workspaceId, sent, 500);
        for (const event of missed) await deliver(event);
        if (missed.length < 500) break;
      }
      heartbeat = ctx.clock.setTimeout(beat, options.heartbeatMs);
      while (!closed) {
        while (buffer.length > 0 && !closed) await deliver(buffer.shift() as StoredEvent);
        if (closed) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (buffer.length > 0 || closed) resolve();
        });
        wake = undefined;
      }
    });
    // Hono's stream adds HTTP/1.1 connection headers, which HTTP/2 forbids (Node's compatibility layer throws on them;
    // Node's HTTP/1.1 server chunks a body of unknown length by itself), and its own cache rule over ours.
    response.headers.delete('transfer-encoding');
    response.headers.delete('connection');
    response.headers.set('cache-control', 'no-store');
    return response;
  });
}
