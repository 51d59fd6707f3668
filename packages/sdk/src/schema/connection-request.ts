import * as z from 'zod/mini';
import { App } from './app.js';
import { Cursor, Id, Limit, Page, Timestamp } from './common.js';

export const ConnectionRequestState = z.enum(['outstanding', 'completed', 'cancelled']);
export type ConnectionRequestState = z.infer<typeof ConnectionRequestState>;

export const Requester = z.object({ principalId: Id, name: z.string() });
export type Requester = z.infer<typeof Requester>;

export const ConnectionRequest = z.object({
  id: Id,
  app: App,
  requestedBy: Requester,
  /** The client principal asked to connect. */
  requestedFor: Id,
  requestedAt: Timestamp,
  state: ConnectionRequestState,
  /** Where the client starts the consent flow for this request. */
  connectUrl: z.string().check(z.url()),
  /** Set when the request asks to reconnect an existing connection in place (seed 002), or once it is fulfilled. */
  connectionId: z.optional(Id),
  note: z.optional(z.string()),
});
export type ConnectionRequest = z.infer<typeof ConnectionRequest>;

export const ConnectionRequestPage = Page(ConnectionRequest);

export const ConnectionRequestListQuery = z.strictObject({
  state: z.optional(ConnectionRequestState),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
});
export type ConnectionRequestListQuery = z.input<typeof ConnectionRequestListQuery>;

/**
 * Body of `POST /connection-requests` (agency only). Either `connectionId` — ask the owner of that connection to
 * reconnect it — or `appKey` and `principalId` — ask a client to connect a new app.
 */
export const CreateConnectionRequestBody = z.strictObject({
  appKey: z.optional(z.string().check(z.maxLength(64))),
  principalId: z.optional(Id),
  connectionId: z.optional(Id),
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type CreateConnectionRequestBody = z.infer<typeof CreateConnectionRequestBody>;
