// Issue 16, item 4 on the reference backend (PGlite, the real OAuth provider): a run that fails because of a connection
// raises one run_failed notification naming the workflow and the connection; a workflow that retries after reconnect
// (seed 004's scheduled posts) has its failed runs replayed once when the connection is healthy again, and any other
// failed run keeps Replay (seed 002).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restoreConnection } from '../src/lifecycle/health.js';
import { dropRetriesFor } from '../src/lifecycle/run-failures.js';
import { consent, harness, type Harness } from './helpers.js';

interface RunBody { id: string; status: string; retryAfterReconnect?: boolean; retry?: string; retriedBy?: string; replayOf?: string; error?: { code: string; message: string; connectionId?: string } }
interface NotificationBody { id: string; kind: string; title: string; body?: string; appName?: string; connectionId?: string; runId?: string; workflowName?: string; retry?: string; read: boolean; resolvedAt?: string }

const setup = () => harness({ database: { pglite: 'memory' } });

async function runFailedAlerts(h: Harness, runId: string): Promise<NotificationBody[]> {
  const res = await h.request('GET', '/v1/notifications?limit=100', { token: h.agency });
  return (res.body.data as NotificationBody[]).filter((n) => n.kind === 'run_failed' && n.runId === runId);
}

async function replaysOf(h: Harness, runId: string): Promise<RunBody[]> {
  const res = await h.request('GET', '/v1/runs?limit=100', { token: h.agency });
  return (res.body.data as RunBody[]).filter((r) => r.replayOf === runId);
}

async function getRun(h: Harness, id: string): Promise<RunBody> {
  return (await h.request('GET', `/v1/runs/${id}`, { token: h.agency })).body as RunBody;
}

/** Reconnect an agency-owned connection through the provider's real consent page. */
async function reconnect(h: Harness, connectionId: string): Promise<void> {
  const started = await h.request('POST', `/v1/connections/${connectionId}/reconnect`, { token: h.agency });
  assert.equal(started.status, 201, started.text);
  const done = await consent(h, started.body.connectUrl, 'acct_ops');
  assert.match(done.text, /"status":"completed"/);
}

describe('failed work (issue 16.4)', () => {
  it('a scheduled post on an expired LinkedIn fails with one run_failed and is retried once automatically after the reconnect', async () => {
    const h = await setup();
    assert.equal((await h.request('POST', '/v1/demo/connections/con_linkedin/expire', { token: h.agency })).body.status, 'error');

    const started = await h.request('POST', '/v1/demo/workflows/wf_linkedin_posts/run', { token: h.agency });
    assert.equal(started.status, 201, started.text);
    const failed = started.body as RunBody;
    assert.deepEqual([failed.status, failed.retryAfterReconnect, failed.retry, failed.error?.code, failed.error?.connectionId],
      ['failed', true, 'after_reconnect', 'connection_not_active', 'con_linkedin']);
    assert.equal(failed.error?.message, 'LinkedIn (Northwind company page) needs to be reconnected.');

    const [alert, ...more] = await runFailedAlerts(h, failed.id);
    assert.equal(more.length, 0, 'one notification per failed run');
    assert.deepEqual(
      [alert?.title, alert?.workflowName, alert?.appName, alert?.connectionId, alert?.retry, alert?.read, alert?.resolvedAt],
      ['Publish scheduled LinkedIn posts failed', 'Publish scheduled LinkedIn posts', 'LinkedIn', 'con_linkedin', 'after_reconnect', false, undefined],
    );
    assert.match(alert!.body!, /retry automatically after you reconnect/);

    // A manual Replay would publish the post twice: the server retries it itself.
    const replay = await h.request('POST', `/v1/runs/${failed.id}/replay`, { token: h.agency });
    assert.equal(replay.status, 409);
    assert.deepEqual([replay.body.error.code, replay.body.error.message], ['retries_automatically', 'This run retries by itself once LinkedIn is reconnected.']);
    assert.deepEqual(await replaysOf(h, failed.id), []);

    await reconnect(h, 'con_linkedin');

    const after = await getRun(h, failed.id);
    assert.equal(after.status, 'failed');
    assert.equal(after.retry, 'retried');
    const replays = await replaysOf(h, failed.id);
    assert.equal(replays.length, 1, 'replayed exactly once');
    assert.equal(after.retriedBy, replays[0]!.id);
    assert.deepEqual([replays[0]!.status, replays[0]!.retryAfterReconnect], ['running', true]);

    const [resolved, ...again] = await runFailedAlerts(h, failed.id);
    assert.equal(again.length, 0);
    assert.equal(resolved?.retry, 'retried');
    assert.ok(resolved?.resolvedAt, 'the alert is resolved');
    assert.equal(resolved?.body, 'Retried automatically after LinkedIn was reconnected.');

    // Retried: a later Replay is the operator's choice again.
    assert.equal((await h.request('POST', `/v1/runs/${failed.id}/replay`, { token: h.agency })).status, 201);
  });

  it('a normal failed run still needs Replay after the reconnect (seed 002), and Replay clears its alert', async () => {
    const h = await setup();
    // HubSpot is seeded in error; "New HubSpot leads to Slack" does not retry after reconnect.
    const failed = (await h.request('POST', '/v1/demo/workflows/wf_lead_sync/run', { token: h.agency })).body as RunBody;
    assert.deepEqual([failed.status, failed.retryAfterReconnect, failed.retry, failed.error?.connectionId], ['failed', false, undefined, 'con_hubspot']);
    const [alert] = await runFailedAlerts(h, failed.id);
    assert.deepEqual([alert?.title, alert?.appName, alert?.retry], ['New HubSpot leads to Slack failed', 'HubSpot', undefined]);
    assert.match(alert!.body!, /Replay it once the connection is healthy\./);

    await reconnect(h, 'con_hubspot');

    assert.deepEqual([(await getRun(h, failed.id)).status, (await getRun(h, failed.id)).retry], ['failed', undefined]);
    assert.deepEqual(await replaysOf(h, failed.id), [], 'reconnecting does not restart it');
    assert.equal((await runFailedAlerts(h, failed.id))[0]?.resolvedAt, undefined, 'still unresolved: the run still needs Replay');

    const replay = await h.request('POST', `/v1/runs/${failed.id}/replay`, { token: h.agency });
    assert.equal(replay.status, 201);
    assert.equal(replay.body.status, 'running');
    assert.ok((await runFailedAlerts(h, failed.id))[0]?.resolvedAt, 'replayed: the alert is resolved');
  });

  it('a run on healthy connections runs, and raises nothing', async () => {
    const h = await setup();
    const run = (await h.request('POST', '/v1/demo/workflows/wf_slack_digest/run', { token: h.agency })).body as RunBody;
    assert.deepEqual([run.status, run.error, run.retry], ['running', undefined, undefined]);
    assert.deepEqual(await runFailedAlerts(h, run.id), []);
    assert.equal((await h.request('POST', '/v1/demo/workflows/wf_missing/run', { token: h.agency })).status, 404);
  });

  it('two restores at once replay a failed run once, and a run waits for every broken connection', async () => {
    const h = await setup();
    const { ctx, store } = h.app.relink;
    await h.request('POST', '/v1/demo/connections/con_linkedin/expire', { token: h.agency });
    const failed = (await h.request('POST', '/v1/demo/workflows/wf_linkedin_posts/run', { token: h.agency })).body as RunBody;
    const second = (await h.request('POST', '/v1/demo/workflows/wf_linkedin_posts/run', { token: h.agency })).body as RunBody;
    assert.equal((await runFailedAlerts(h, second.id)).length, 1, 'each failed run has its own notification');

    const restore = () => store.transaction(async (tx) => {
      const current = (await tx.getConnection('ws_northwind', 'con_linkedin'))!;
      return restoreConnection(ctx, tx, current, {});
    });
    await Promise.all([restore(), restore(), restore()]);

    for (const run of [failed, second]) {
      assert.equal((await replaysOf(h, run.id)).length, 1, `${run.id} replayed once`);
      const alerts = await runFailedAlerts(h, run.id);
      assert.deepEqual(alerts.map((n) => n.retry), ['retried']);
    }
  });

  it('a removed connection never comes back: its failed runs stop waiting to retry and take Replay', async () => {
    const h = await setup();
    const { ctx, store } = h.app.relink;
    await h.request('POST', '/v1/demo/connections/con_linkedin/expire', { token: h.agency });
    const failed = (await h.request('POST', '/v1/demo/workflows/wf_linkedin_posts/run', { token: h.agency })).body as RunBody;
    await store.transaction(async (tx) => dropRetriesFor(ctx, tx, (await tx.getConnection('ws_northwind', 'con_linkedin'))!));
    assert.equal((await getRun(h, failed.id)).retry, undefined);
    assert.equal((await h.request('POST', `/v1/runs/${failed.id}/replay`, { token: h.agency })).status, 201);
  });
});
