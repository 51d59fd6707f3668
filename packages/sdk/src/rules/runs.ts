import { TERMINAL_RUN_STATUSES, type Run, type RunStatus } from '../schema/run.js';

const TERMINAL: ReadonlySet<RunStatus> = new Set(TERMINAL_RUN_STATUSES);

/** A run that has finished one way or another: the only runs that can be replayed (seed 002). */
export const isTerminalRun = (run: Pick<Run, 'status'>): boolean => TERMINAL.has(run.status);

/** A run parked because a connection needs reauthorization (the "Paused for reauth" chip and preset). */
export const isPausedForReauth = (run: Pick<Run, 'status' | 'pauseReason'>): boolean =>
  run.status === 'paused' && run.pauseReason === 'reauth';

/** The connection a run waits for: only a run paused for reauth names one. */
export const blockedConnectionId = (run: Pick<Run, 'status' | 'pauseReason' | 'blockedConnectionId'>): string | undefined =>
  isPausedForReauth(run) ? run.blockedConnectionId : undefined;
