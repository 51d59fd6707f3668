import * as z from 'zod/mini';
import { Connection } from './connection.js';
import { ConnectionRequest } from './connection-request.js';
import { Notification } from './notification.js';
import { Run } from './run.js';
import { Id, Timestamp } from './common.js';

/**
 * Server-sent events on `GET /events`. Each SSE message has `event: <type>`, `id: <seq>` and a JSON `data` that
 * parses as one member of this union. Every event carries the whole resource after the change (an upsert), so a
 * client applies it without another request and a replayed event is harmless.
 */
const meta = { id: z.string(), at: Timestamp };

export const ConnectionUpdatedEvent = z.object({ ...meta, type: z.literal('connection.updated'), connection: Connection });
export const NotificationUpdatedEvent = z.object({ ...meta, type: z.literal('notification.updated'), notification: Notification });
export const RunUpdatedEvent = z.object({ ...meta, type: z.literal('run.updated'), run: Run });
export const ConnectionRequestUpdatedEvent = z.object({
  ...meta,
  type: z.literal('connection_request.updated'),
  request: ConnectionRequest,
});

/** A connection was removed (not revoked): it is gone, so the event carries only its id. */
export const ConnectionRemovedEvent = z.object({ ...meta, type: z.literal('connection.removed'), connectionId: Id });

// A plain union: each option's `type` literal already tells them apart, and z.discriminatedUnion costs about 0.5 KiB
// gzip more in the browser's schema chunk (its option map); /openapi.json says anyOf instead of oneOf.
export const RelinkEvent = z.union([
  ConnectionUpdatedEvent,
  ConnectionRemovedEvent,
  NotificationUpdatedEvent,
  RunUpdatedEvent,
  ConnectionRequestUpdatedEvent,
]);
export type RelinkEvent = z.infer<typeof RelinkEvent>;
export type RelinkEventType = RelinkEvent['type'];
