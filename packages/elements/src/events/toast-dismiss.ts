/** Why a toast went away. */
export type ToastDismissReason = 'timeout' | 'close' | 'escape' | 'action' | 'api';

export interface ToastDismissDetail {
  id: string;
  reason: ToastDismissReason;
}

/** Fired on `relink-toaster` after a toast is dismissed. */
export class RelinkToastDismissEvent extends Event {
  static readonly type = 'relink-toast-dismiss';
  constructor(readonly detail: ToastDismissDetail) {
    super(RelinkToastDismissEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-toast-dismiss': RelinkToastDismissEvent;
  }
}
