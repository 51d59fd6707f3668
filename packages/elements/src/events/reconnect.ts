import type { Connection } from '@relink/sdk';

/**
 * How the viewer can bring a connection back: `consent` (the provider's OAuth flow), `credentials` (an API-key
 * app's form) or `request` (an agency asks the client who owns the connection to reconnect it).
 */
export type ReconnectAction = 'consent' | 'credentials' | 'request';

export interface ReconnectDetail {
  connection: Connection;
  action: ReconnectAction;
}

/** Fired by `relink-reconnect-button` before it starts; cancel it to run the flow yourself. */
export class RelinkReconnectEvent extends Event {
  static readonly type = 'relink-reconnect';
  constructor(readonly detail: ReconnectDetail) {
    super(RelinkReconnectEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * How a reconnect ended: the SDK's consent outcomes (`completed`, `cancelled`, `failed`, `account_mismatch`,
 * `auth_config_missing`, `redirected`), plus `kept` (the user kept the original account after a mismatch),
 * `saved` (API-key credentials accepted), `invalid` (credentials rejected), `requested` (request sent), `error`.
 */
export type ReconnectResult =
  | 'completed' | 'cancelled' | 'failed' | 'account_mismatch' | 'auth_config_missing' | 'redirected'
  | 'kept' | 'saved' | 'invalid' | 'requested' | 'error';

export interface ReconnectResultDetail {
  connectionId: string;
  action: ReconnectAction;
  result: ReconnectResult;
  /** The SDK's error for `invalid`, `error`, `auth_config_missing`. */
  error?: unknown;
}

/** Fired by `relink-reconnect-button` each time a step of the flow settles. */
export class RelinkReconnectResultEvent extends Event {
  static readonly type = 'relink-reconnect-result';
  constructor(readonly detail: ReconnectResultDetail) {
    super(RelinkReconnectResultEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-reconnect': RelinkReconnectEvent;
    'relink-reconnect-result': RelinkReconnectResultEvent;
  }
}
