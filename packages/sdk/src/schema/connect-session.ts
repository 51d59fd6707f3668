import * as z from 'zod/mini';
import { Id, Timestamp, Url } from './common.js';

/**
 * Lifecycle of one consent flow. `account_mismatch`: the user consented as a different external account than the
 * connection had; nothing is switched until the caller confirms (seed 000's warning). `choose_accounts`: the consent
 * granted several accounts (Facebook Pages); nothing is connected until the caller picks which (seed 004).
 */
export const ConnectSessionStatus = z.enum(['pending', 'completed', 'failed', 'cancelled', 'account_mismatch', 'choose_accounts']);
export type ConnectSessionStatus = z.infer<typeof ConnectSessionStatus>;

/** One account a multi-account consent granted (a Facebook Page). */
export const GrantedAccount = z.object({
  id: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  /** The connection this account already has (the caller's), which choosing it updates in place. */
  connectionId: z.optional(Id),
});
export type GrantedAccount = z.infer<typeof GrantedAccount>;

export const ConnectSession = z.object({
  id: Id,
  connectionId: Id,
  status: ConnectSessionStatus,
  /** Where the user consents (open it in a popup, or redirect to it). */
  connectUrl: Url,
  /** Opaque value echoed in the popup's `postMessage`; a message without it is not this flow's answer. */
  state: z.string().check(z.minLength(16)),
  expiresAt: Timestamp,
  previousAccountEmail: z.optional(z.string()),
  newAccountEmail: z.optional(z.string()),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  /** `choose_accounts`: what the consent granted, to choose from. */
  accounts: z.optional(z.array(GrantedAccount)),
  /** `completed` after a choice: the connections created or updated, one per chosen account. */
  connectionIds: z.optional(z.array(Id)),
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


