import type { Connection } from '@relink/sdk';

export type RefreshDetail =
  | { connectionId: string; ok: true; connection: Connection }
  | { connectionId: string; ok: false; error: unknown };

/**
 * Fired by `relink-refresh-button` after a refresh settled: `ok` with the renewed connection, or the SDK's typed
 * `error`. Cancel it to show the outcome yourself: the default toast is then not shown.
 */
export class RelinkRefreshEvent extends Event {
  static readonly type = 'relink-refresh';
  constructor(readonly detail: RefreshDetail) {
    super(RelinkRefreshEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-refresh': RelinkRefreshEvent;
  }
}
