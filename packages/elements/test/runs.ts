// Runs in every status for the run elements' tests, put straight into the in-page server's store.
import { blockedConnectionIds, type RelinkStore, type Run, type RunStatus } from '@relink/sdk';
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

/**
 * A scheduled run of the workflow fires now through the in-page server's demo lever; for LinkedIn's scheduled posts
 * (which retry after reconnect) its connection is expired first, so the run fails with a `run_failed` notification.
 * Answers the run's id.
 */
export async function scheduledRun(server: InPageRelink, workflowId: 'wf_linkedin_posts' | 'wf_lead_sync'): Promise<string> {
  const token = await server.mintToken('agency', 'prn_agency');
  const lever = (path: string) => server.fetch(`${server.baseUrl}/demo/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (workflowId === 'wf_linkedin_posts') await lever('connections/con_linkedin/expire');
  const run = await lever(`workflows/${workflowId}/run`);
  if (run.status !== 201) throw new Error(`the scheduled run answered ${run.status}: ${await run.text()}`);
  return ((await run.json()) as { id: string }).id;
}

/**
 * Whether the store holds every connection these runs name (blocked by, or a failed run retries after): the run elements fetch
 * each by id instead of loading the connections list, so a test waits for these before reading names.
 */
export function namedConnectionsHeld(store: RelinkStore, runs: readonly (Run | undefined)[]): boolean {
  const held = store.getSnapshot().connections.byId;
  // What they name: the connections a paused run waits for, and the one a failed run retries after (seed 004).
  const named = (run: Run) => [...blockedConnectionIds(run), ...(run.retry === 'after_reconnect' && run.error?.connectionId ? [run.error.connectionId] : [])];
  return runs.every((run) => run !== undefined && named(run).every((id) => held.has(id)));
}
