import type { Connection, RemovedConnection } from '@relink/sdk';

export interface RemoveDetail {
  connection: Connection;
}

export interface RemovedDetail {
  /** The connection as it was before it was removed. */
  connection: Connection;
  /** The runs the removal paused (reason `connection_removed`). */
  pausedRuns: RemovedConnection['pausedRuns'];
}

/**
 * Fired by `relink-remove-dialog` when "Remove connection" is chosen, before anything is sent. Cancel it to stop
 * the removal (the dialog closes and nothing changes).
 */
export class RelinkRemoveEvent extends Event {
  static readonly type = 'relink-remove';
  constructor(readonly detail: RemoveDetail) {
    super(RelinkRemoveEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired by `relink-remove-dialog` after the server removed the connection; a host routes away from its page here. */
export class RelinkRemovedEvent extends Event {
  static readonly type = 'relink-removed';
  constructor(readonly detail: RemovedDetail) {
    super(RelinkRemovedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-remove': RelinkRemoveEvent;
    'relink-removed': RelinkRemovedEvent;
  }
}
