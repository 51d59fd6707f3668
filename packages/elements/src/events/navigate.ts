export interface NavigateDetail {
  /** Where the link goes: the element's URL template with `{id}` filled in (empty when no template was set). */
  href: string;
  /** The connection the link is about, when there is one. */
  connectionId: string | undefined;
  /** The notification that was opened (bell only). */
  notificationId?: string;
  /** The run the link is about (runs list and run detail): for a link to another run, that run's id. */
  runId?: string;
}

/**
 * Fired by the banner, the bell, the runs list, the run detail and the publish check when one of their links is activated, before
 * the browser follows it. Cancel it (`preventDefault()`) to route in the host app instead.
 */
export class RelinkNavigateEvent extends Event {
  static readonly type = 'relink-navigate';
  constructor(readonly detail: NavigateDetail) {
    super(RelinkNavigateEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-navigate': RelinkNavigateEvent;
  }
}
