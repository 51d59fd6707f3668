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

