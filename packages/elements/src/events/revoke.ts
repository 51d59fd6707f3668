import type { Connection } from '@relink/sdk';

export interface RevokeDetail {
  connection: Connection;
}

/**
 * Fired by `relink-revoke-dialog` when "Revoke connection" is chosen, before anything is sent. Cancel it to stop
 * the revoke (the dialog closes and nothing changes).
 */
export class RelinkRevokeEvent extends Event {
  static readonly type = 'relink-revoke';
  constructor(readonly detail: RevokeDetail) {
    super(RelinkRevokeEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired by `relink-revoke-dialog` after the server revoked the connection; `connection` is the revoked one. */
export class RelinkRevokedEvent extends Event {
  static readonly type = 'relink-revoked';
  constructor(readonly detail: RevokeDetail) {
    super(RelinkRevokedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-revoke': RelinkRevokeEvent;
    'relink-revoked': RelinkRevokedEvent;
  }
}
