import * as z from 'zod/mini';
import { App } from './app.js';
import { Id, Page, Timestamp, Url } from './common.js';

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
  connectUrl: Url,
  /** Set when the request asks to reconnect an existing connection in place (seed 002), or once it is fulfilled. */
  connectionId: z.optional(Id),
  note: z.optional(z.string()),
});
export type ConnectionRequest = z.infer<typeof ConnectionRequest>;

export const ConnectionRequestPage = Page(ConnectionRequest);

