import * as z from 'zod/mini';
import { Cursor, Id, Limit, Page, Timestamp } from './common.js';

export const RUN_STATUSES = ['running', 'paused', 'waiting', 'completed', 'failed', 'cancelled'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

/** Replay is offered only for these (seed 002). */
export const TERMINAL_RUN_STATUSES = ['completed', 'failed', 'cancelled'] as const satisfies readonly RunStatus[];

/** `agent` runs parked on reauth resume by themselves after a reconnect; `operator` runs wait for Resume. */
export const RunKind = z.enum(['agent', 'operator']);
export type RunKind = z.infer<typeof RunKind>;

export const PauseReason = z.enum(['reauth', 'approval', 'spend_cap', 'operator']);
export type PauseReason = z.infer<typeof PauseReason>;

export const Run = z.object({
  id: Id,
  workflowId: Id,
  workflowName: z.string(),
  kind: RunKind,
  status: RunStatus,
  pauseReason: z.optional(PauseReason),
  /** The connection a run paused on reauth is waiting for. */
  blockedConnectionId: z.optional(Id),
  /** Connections the run's steps use. */
  connectionIds: z.array(Id),
  /** Set on a replay: the run it re-ran. */
  replayOf: z.optional(Id),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  startedAt: Timestamp,
  updatedAt: Timestamp,
  finishedAt: z.optional(Timestamp),
});
export type Run = z.infer<typeof Run>;

export const RunPage = Page(Run);

/** Named filters the runs list offers as chips. */
export const RunPreset = z.enum(['paused_for_reauth']);
export type RunPreset = z.infer<typeof RunPreset>;

export const RunListQuery = z.strictObject({
  preset: z.optional(RunPreset),
  status: z.optional(RunStatus),
  workflowId: z.optional(Id),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
});
export type RunListQuery = z.input<typeof RunListQuery>;
