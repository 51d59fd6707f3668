import { TERMINAL_RUN_STATUSES } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { emitRun } from '../events/emit.js';
import { newId } from '../internal/ids.js';
import type { RunRecord } from '../store/store.js';

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_RUN_STATUSES);

/** Resume: only a paused run (409 `run_not_paused` otherwise). This is the operator's Resume button. */
export async function resumeRun(ctx: RelinkContext, run: RunRecord): Promise<RunRecord> {
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.getRun(run.workspaceId, run.id)) ?? run;
    if (current.status !== 'paused') throw new ApiError(409, 'run_not_paused', `Only a paused run can be resumed; this run is ${current.status}.`);
    const resumed: RunRecord = { ...current, status: 'running', updatedAt: ctx.clock.now().toISOString() };
    delete resumed.pauseReason;
    delete resumed.blockedConnectionId;
    await tx.putRun(resumed);
    await emitRun(ctx, tx, resumed);
    return resumed;
  });
}

/**
 * Replay: only a terminal run (completed, failed, cancelled; else 409 `run_not_terminal`). Creates a new run with
 * `replayOf`. If one of its connections is not active the new run starts paused on reauth, as it would stall anyway.
 */
export async function replayRun(ctx: RelinkContext, run: RunRecord): Promise<RunRecord> {
  if (!TERMINAL.has(run.status)) {
    throw new ApiError(409, 'run_not_terminal', `Only a completed, failed or cancelled run can be replayed; this run is ${run.status}.`);
  }
  return ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    let blocked: string | undefined;
    for (const id of run.connectionIds) {
      const c = await tx.getConnection(run.workspaceId, id);
      if (!c || c.status !== 'active') {
        blocked = id;
        break;
      }
    }
    const replay: RunRecord = {
      id: newId('run'),
      workspaceId: run.workspaceId,
      workflowId: run.workflowId,
      workflowName: run.workflowName,
      kind: run.kind,
      status: blocked ? 'paused' : 'running',
      connectionIds: [...run.connectionIds],
      replayOf: run.id,
      startedAt: now,
      updatedAt: now,
      ...(blocked ? { pauseReason: 'reauth' as const, blockedConnectionId: blocked } : {}),
    };
    await tx.putRun(replay);
    await emitRun(ctx, tx, replay);
    return replay;
  });
}
