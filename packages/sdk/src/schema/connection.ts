import * as z from 'zod/mini';
import { App } from './app.js';
import { CountedPage, Id, Timestamp } from './common.js';

/** Four statuses, no more (DESIGN: Behaviour). `error` is the "needs reauthorization" state. */
export const CONNECTION_STATUSES = ['active', 'error', 'pending', 'revoked'] as const;
export const ConnectionStatus = z.enum(CONNECTION_STATUSES);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

/** Who authorised the connection: the agency under its own account, or a client through the portal. */
export const ConnectionOwner = z.enum(['agency', 'client']);
export type ConnectionOwner = z.infer<typeof ConnectionOwner>;

export const ConnectionError = z.object({
  code: z.string(),
  message: z.string(),
  at: Timestamp,
  /** True for failures that retry by themselves (network, 5xx, 429); false for `invalid_grant` and the like. */
  transient: z.boolean(),
});
export type ConnectionError = z.infer<typeof ConnectionError>;

export const Connection = z.object({
  id: Id,
  app: App,
  label: z.string(),
  status: ConnectionStatus,
  owner: ConnectionOwner,
  externalAccountEmail: z.optional(z.string()),
  lastRefreshedAt: z.optional(Timestamp),
  /** A hard expiry that no refresh extends (seed 004: LinkedIn tokens last a year). */
  expiresAt: z.optional(Timestamp),
  /** An OAuth connection that still holds a stored refresh token: Refresh credential is offered. */
  refreshable: z.boolean(),
  lastError: z.optional(ConnectionError),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Connection = z.infer<typeof Connection>;

export const ConnectionPage = CountedPage(Connection);

/**
 * What `GET /connections` sorts by: `app` (the app's name, then label), `label` (then app), `status` (what needs
 * attention first: error, revoked, pending, active; then app), or a timestamp. Default `createdAt`, `asc`.
 */
export const CONNECTION_SORTS = ['createdAt', 'updatedAt', 'app', 'label', 'status'] as const;
export const ConnectionSort = z.enum(CONNECTION_SORTS);
export type ConnectionSort = z.infer<typeof ConnectionSort>;

