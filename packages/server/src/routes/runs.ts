import type { Hono } from 'hono';
import { DEFAULT_PAGE_SIZE, Run, RunListQuery, RunPage } from '@relink/sdk/schema';
import { requireAgency } from '../auth/access.js';
import type { AppEnv, AuthInfo, RelinkContext } from '../context.js';
import { notFound } from '../errors.js';
import { route, type RouteRegistry } from '../http/route.js';
import { idParam, parseQuery, send } from '../http/validate.js';
import { replayRun, resumeRun } from '../lifecycle/runs.js';
import { toRun } from '../lifecycle/views.js';
import type { RunRecord } from '../store/store.js';
import { listedAt, oneStart, paged } from './connections.js';

// Runs are the agency's: a client principal gets 403 here.

async function loadRun(ctx: RelinkContext, auth: AuthInfo, id: string): Promise<RunRecord> {
  requireAgency(auth, 'see runs');
  const run = await ctx.store.getRun(auth.workspaceId, id);
  if (!run) throw notFound('Run');
  return run;
}

export function runRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext): void {
  const tag = 'runs';
  route(v1, registry, {
    method: 'get', path: '/v1/runs', tag, auth: 'session', summary: 'Runs, newest first unless sorted (sort, order), filtered (preset, status, workflowId, replayOf: the replays of a run, q: workflow name) and counted (total, on every page without a cursor) on the server; offset jumps to a row without walking cursors. preset=paused_for_reauth is the "Paused for reauth" chip.',
    query: RunListQuery, response: { status: 200, schema: RunPage, description: 'A page of runs' }, errors: [400, 403],
  }, async (c) => {
    const auth = c.get('auth');
    requireAgency(auth, 'see runs');
    const q = parseQuery(c, RunListQuery);
    oneStart(q);
    // preset and an explicit status are both filters: a run must satisfy both, so they cannot disagree.
    if (q.preset === 'paused_for_reauth' && q.status && q.status !== 'paused') return send(c, RunPage, { data: [], nextCursor: null, ...(q.cursor ? {} : { total: 0 }), eventId: listedAt(ctx) });
    const eventId = listedAt(ctx);
    const page = await paged(() => ctx.store.listRuns({
      workspaceId: auth.workspaceId,
      ...(q.preset === 'paused_for_reauth' ? { status: 'paused' as const, pauseReason: 'reauth' as const } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.workflowId ? { workflowId: q.workflowId } : {}),
      ...(q.replayOf ? { replayOf: q.replayOf } : {}),
      ...(q.q ? { search: q.q } : {}),
      ...(q.sort ? { sort: q.sort } : {}),
      ...(q.order ? { order: q.order } : {}),
      ...(q.cursor ? { cursor: q.cursor } : { withTotal: true }),
      ...(q.offset ? { offset: q.offset } : {}),
      limit: q.limit ?? DEFAULT_PAGE_SIZE,
    }));
    const data = page.items.map(toRun);
    return send(c, RunPage, { data, nextCursor: page.nextCursor, ...(page.total !== undefined ? { total: page.total } : {}), eventId });
  });

  route(v1, registry, {
    method: 'get', path: '/v1/runs/{id}', tag, auth: 'session', summary: 'One run, with the connections it is blocked by and whether a manual Resume is offered.',
    response: { status: 200, schema: Run, description: 'The run' }, errors: [400, 403, 404],
  }, async (c) => send(c, Run, toRun(await loadRun(ctx, c.get('auth'), idParam(c)))));

  route(v1, registry, {
    method: 'post', path: '/v1/runs/{id}/resume', tag, auth: 'session', summary: 'Resume a paused run whose connections are all active. 409 run_not_paused; 409 connection_not_active naming the connections to reconnect; 409 resumes_automatically for an agent run parked on reauth (it resumes by itself).',
    response: { status: 200, schema: Run, description: 'The resumed run' }, errors: [400, 403, 404, 409],
  }, async (c) => send(c, Run, toRun(await resumeRun(ctx, await loadRun(ctx, c.get('auth'), idParam(c))))));

  route(v1, registry, {
    method: 'post', path: '/v1/runs/{id}/replay', tag, auth: 'session',
    summary: 'Replay a terminal run (completed, failed, cancelled) as a new run with replayOf; 409 run_not_terminal otherwise; 409 retries_automatically for a failed run the server retries after reconnect.',
    response: { status: 201, schema: Run, description: 'The new run' }, errors: [400, 403, 404, 409],
  }, async (c) => send(c, Run, toRun(await replayRun(ctx, await loadRun(ctx, c.get('auth'), idParam(c)))), 201));
}
