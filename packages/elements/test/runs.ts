// Runs in every status for the run elements' tests, put straight into the in-page server's store.
import type { Run, RunStatus } from '@relink/sdk';
import type { InPageRelink } from '@relink/server/browser';

export const STATUSES: RunStatus[] = ['running', 'paused', 'waiting', 'completed', 'failed', 'cancelled'];

/** Adds one run per status (`run_s_<status>`), paused ones for approval (not reauth), newest last. */
export async function putRunsInEveryStatus(server: InPageRelink): Promise<void> {
  const base = Date.now() - 60_000;
  for (const [i, status] of STATUSES.entries()) await putRun(server, { id: `run_s_${status}`, status, startedAt: new Date(base + i * 1000).toISOString() });
}

export async function putRun(server: InPageRelink, run: Partial<Run> & { id: string }): Promise<void> {
  const now = new Date().toISOString();
  await server.app.relink.store.putRun({
    workspaceId: 'ws_northwind', workflowId: 'wf_slack_digest', workflowName: 'Daily Slack digest', kind: 'operator', status: 'running',
    connectionIds: ['con_slack'], startedAt: now, updatedAt: now,
    ...(run.status === 'paused' ? { pauseReason: 'approval' as const } : {}),
    ...run,
  });
}
