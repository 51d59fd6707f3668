import type { ConnectionRequest } from '@relink/sdk';

export interface ConnectionRequestDetail {
  request: ConnectionRequest;
}

/**
 * Fired by `relink-connection-requests` when "Connect" is chosen, before the consent flow opens; cancel it to run
 * the flow yourself (e.g. send the client to `request.connectUrl`).
 */
export class RelinkConnectRequestEvent extends Event {
  static readonly type = 'relink-connect-request';
  constructor(readonly detail: ConnectionRequestDetail) {
    super(RelinkConnectRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired by `relink-connection-requests` when "Cancel" is chosen, before anything is sent; cancel it to keep the request. */
export class RelinkCancelRequestEvent extends Event {
  static readonly type = 'relink-cancel-request';
  constructor(readonly detail: ConnectionRequestDetail) {
    super(RelinkCancelRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-connect-request': RelinkConnectRequestEvent;
    'relink-cancel-request': RelinkCancelRequestEvent;
  }
}
