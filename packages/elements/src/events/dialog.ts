/** Why a dialog is about to close (Material's `close(returnValue)`; Shoelace's `sl-request-close` source). */
export type DialogCloseReason =
  /** The safe action ("Keep connection"). */
  | 'cancel'
  /** Escape, or the browser's own close request. */
  | 'escape'
  /** The dialog's action completed (e.g. the connection was revoked). */
  | 'done'
  /** `hide()` or `open = false` from the host. */
  | 'method';

/**
 * Fired by a Relink dialog (`relink-revoke-dialog`) before it opens, whether from its trigger, `show()` or
 * `open = true`. Cancel it to keep the dialog closed.
 */
export class RelinkShowEvent extends Event {
  static readonly type = 'relink-show';
  constructor() {
    super(RelinkShowEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

export interface HideDetail {
  reason: DialogCloseReason;
}

/**
 * Fired by a Relink dialog before it closes, with the reason. Cancel it to keep the dialog open (e.g. while the host
 * has unsaved state).
 */
export class RelinkHideEvent extends Event {
  static readonly type = 'relink-hide';
  constructor(readonly detail: HideDetail) {
    super(RelinkHideEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-show': RelinkShowEvent;
    'relink-hide': RelinkHideEvent;
  }
}
