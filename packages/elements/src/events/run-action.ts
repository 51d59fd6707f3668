import type { Run } from '@relink/sdk';

export interface RunActionDetail {
  run: Run;
}

/** Fired by `relink-run-actions` when "Resume" is chosen, before anything is sent; cancel it to stop the resume. */
export class RelinkResumeEvent extends Event {
  static readonly type = 'relink-resume';
  constructor(readonly detail: RunActionDetail) {
    super(RelinkResumeEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired by `relink-run-actions` when "Replay" is chosen, before anything is sent; cancel it to stop the replay. */
export class RelinkReplayEvent extends Event {
  static readonly type = 'relink-replay';
  constructor(readonly detail: RunActionDetail) {
    super(RelinkReplayEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-resume': RelinkResumeEvent;
    'relink-replay': RelinkReplayEvent;
  }
}
