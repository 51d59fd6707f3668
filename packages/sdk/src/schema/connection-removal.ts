import * as z from 'zod/mini';
import { Id } from './common.js';
import { RunStatus } from './run.js';

/** A workflow that uses a connection, as the remove dialog names it. */
export const ConnectionDependent = z.object({ workflowId: Id, workflowName: z.string() });
export type ConnectionDependent = z.infer<typeof ConnectionDependent>;

/**
 * `GET /connections/{id}/usage`: what stops working if the connection is removed (seed 004: "Click Remove, then add it
 * fresh"): the workflows whose runs use it and how many of those runs are still live (running, waiting or paused).
 * Readable by whoever may remove the connection, clients included (they see names, never the runs themselves).
 */
export const ConnectionUsage = z.object({
  workflows: z.array(ConnectionDependent),
  liveRuns: z.number().check(z.int(), z.gte(0)),
});
export type ConnectionUsage = z.infer<typeof ConnectionUsage>;

/** `DELETE /connections/{id}`: the connection is gone with its secrets; these runs were paused (reason `connection_removed`). */
export const RemovedConnection = z.object({
  id: Id,
  pausedRuns: z.array(z.object({ id: Id, status: RunStatus })),
});
export type RemovedConnection = z.infer<typeof RemovedConnection>;
