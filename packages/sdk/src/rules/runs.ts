import type { Run, RunStatus } from '../schema/run.js';
import { TERMINAL_RUN_STATUSES } from '../schema/run-statuses.js';

const TERMINAL: ReadonlySet<RunStatus> = new Set(TERMINAL_RUN_STATUSES);

/** A run that has finished one way or another: the only runs that can be replayed (seed 002). */
export const isTerminalRun = (run: Pick<Run, 'status'>): boolean => TERMINAL.has(run.status);

/** A run parked because a connection needs reauthorization (the "Paused for reauth" chip and preset). */
export const isPausedForReauth = (run: Pick<Run, 'status' | 'pauseReason'>): boolean =>
  run.status === 'paused' && run.pauseReason === 'reauth';

/**
 * Every connection a paused run waits for (the server's `blockedConnectionIds`; from a server that sends only the
 * single `blockedConnectionId`, that one). Empty once they are all fixed, so nothing says "Blocked by" a healthy one.
 */
export const blockedConnectionIds = (
  run: Pick<Run, 'status' | 'pauseReason' | 'blockedConnectionId' | 'blockedConnectionIds'>,
): readonly string[] => {
  if (run.status !== 'paused') return [];
  if (run.blockedConnectionIds) return run.blockedConnectionIds;
  return isPausedForReauth(run) && run.blockedConnectionId ? [run.blockedConnectionId] : [];
};

/** Whether to offer a manual Resume: the server's `resumable`, or (a server that does not send it) any paused run. */
export const canResume = (run: Pick<Run, 'status' | 'resumable'>): boolean => run.status === 'paused' && (run.resumable ?? true);
