import type { App, Connection } from '@relink/sdk';

/** How the viewer adds a connection of an app: the provider's consent (OAuth) or the app's API-key form. */
export type ConnectAction = 'consent' | 'credentials';

export interface ConnectDetail {
  app: App;
  action: ConnectAction;
}

/** Fired by `relink-connect-button` before it starts; cancel it to run the flow yourself. */
export class RelinkConnectEvent extends Event {
  static readonly type = 'relink-connect';
  constructor(readonly detail: ConnectDetail) {
    super(RelinkConnectEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

export interface ConnectionCreatedDetail {
  /** The new connection, active. */
  connection: Connection;
}

/**
 * Fired by `relink-connect-button` (and so from inside `relink-app-catalog`) once a new connection exists: a host's
 * "build a workflow" screen puts `detail.connection.id` into the step being built (seed 000).
 */
export class RelinkConnectionCreatedEvent extends Event {
  static readonly type = 'relink-connection-created';
  constructor(readonly detail: ConnectionCreatedDetail) {
    super(RelinkConnectionCreatedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-connect': RelinkConnectEvent;
    'relink-connection-created': RelinkConnectionCreatedEvent;
  }
}
