import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';

/**
 * Lifecycle of one consent flow. `account_mismatch`: the user consented as a different external account than the
 * connection had; nothing is switched until the caller confirms (seed 000's warning).
 */
export const ConnectSessionStatus = z.enum(['pending', 'completed', 'failed', 'cancelled', 'account_mismatch']);
export type ConnectSessionStatus = z.infer<typeof ConnectSessionStatus>;

export const ConnectSession = z.object({
  id: Id,
  connectionId: Id,
  status: ConnectSessionStatus,
  /** Where the user consents (open it in a popup, or redirect to it). */
  connectUrl: z.string().check(z.url()),
  /** Opaque value echoed in the popup's `postMessage`; a message without it is not this flow's answer. */
  state: z.string().check(z.minLength(16)),
  expiresAt: Timestamp,
  previousAccountEmail: z.optional(z.string()),
  newAccountEmail: z.optional(z.string()),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
});
export type ConnectSession = z.infer<typeof ConnectSession>;

/** What the backend's callback page posts to its opener when the consent flow ends. */
export const ConnectResultMessage = z.object({
  type: z.literal('relink:connect-result'),
  sessionId: Id,
  state: z.string(),
  status: ConnectSessionStatus,
});
export type ConnectResultMessage = z.infer<typeof ConnectResultMessage>;

/**
 * Body of `POST /connections/{id}/reconnect` (optional). Without `returnTo` the flow is a popup whose result comes back
 * by `postMessage`; with it the callback redirects the browser there (redirect fallback), adding `relink_session`,
 * `relink_state` and `relink_status` to its query.
 */
export const ReconnectBody = z.strictObject({
  returnTo: z.optional(z.string().check(z.url(), z.maxLength(2048))),
});
export type ReconnectBody = z.infer<typeof ReconnectBody>;
