import type { ToastOptions } from '../components/toaster/toaster.component.js';

export interface ToastShowDetail {
  /** The toast's id, as on the handle `show()` returned. */
  id: string;
  options: ToastOptions;
}

/**
 * Fired on `relink-toaster` before a toast appears. Cancel it (`preventDefault()`) to show the message in the
 * host's own notification system instead; the toast is then neither shown nor announced.
 */
export class RelinkToastShowEvent extends Event {
  static readonly type = 'relink-toast-show';
  constructor(readonly detail: ToastShowDetail) {
    super(RelinkToastShowEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-toast-show': RelinkToastShowEvent;
  }
}
