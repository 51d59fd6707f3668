import type { Connection } from '@relink/sdk';

export interface ManageDetail {
  connection: Connection;
  /** The link's resolved `href` (from `manage-href`). */
  href: string;
}

/**
 * Fired by `relink-connections-table` when a "Manage" link is activated, before the browser follows it.
 * Cancel it (`preventDefault()`) to route in the host app instead.
 */
export class RelinkManageEvent extends Event {
  static readonly type = 'relink-manage';
  constructor(readonly detail: ManageDetail) {
    super(RelinkManageEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-manage': RelinkManageEvent;
  }
}
