// Every SDK method against the real reference backend (running in the page): the contract the two sides share
// holds in both directions, with the server's own answers and errors.
import { expect } from '@open-wc/testing';
import type { InPageRelink } from '@relink/server/browser';
import { inPageClients } from './support/in-page.js';
import {
  createRelinkClient,
  isAlreadyRevoked,
  isConnectionNotActive,
  isResumesAutomatically,
  isAuthConfigMissing,
  isForbidden,
  isInvalidCredentials,
  isNotFound,
  isNotRefreshable,
  isRunNotPaused,
  isRunNotTerminal,
  isUnauthorized,
  type RelinkClient,
} from '@relink/sdk';

let server: InPageRelink;
let agency: RelinkClient;
let client: RelinkClient;

const rejection = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);

describe('the SDK against the reference backend, method by method', () => {
  beforeEach(async () => {
    ({ server, agency, client } = await inPageClients());
  });
  afterEach(() => server.close());

  it('viewer.get', async () => {
    expect(await agency.viewer.get()).to.include({ role: 'agency', principalId: 'prn_agency', workspaceId: 'ws_northwind' });
    expect((await client.viewer.get()).role).to.equal('client');
  });

  it('connections.list, listAll, get — filters, pages and 404', async () => {
    const errors = await agency.connections.list({ status: 'error' });
    expect(errors.data.map((c) => c.app.name).sort()).to.deep.equal(['HubSpot', 'Mailchimp', 'QuickBooks']);
    const first = await agency.connections.list({ limit: 3 });
    expect(first.data).to.have.length(3);
    expect(first.nextCursor).to.be.a('string');
    const all = [];
    for await (const connection of agency.connections.listAll({ limit: 3 })) all.push(connection.id);
    // Nine: GoHighLevel (managed auth config invalid, pending) joined the demo.
    expect(all).to.have.length(9);
    expect(new Set(all).size).to.equal(9);
    expect((await agency.connections.get('con_slack')).externalAccountEmail).to.equal('ada@acmebakery.example');
    expect(isNotFound(await rejection(client.connections.get('con_hubspot')))).to.equal(true); // agency-owned: invisible
  });

  it('connections.refresh: success, and the exact 400 on a rejected token', async () => {
    const slack = await client.connections.refresh('con_slack');
    expect(slack.status).to.equal('active');
    const error = await rejection(client.connections.refresh('con_quickbooks'));
    expect(isNotRefreshable(error)).to.equal(true);
    expect((error as Error).message).to.equal('Connection cannot be refreshed. Please reconnect your connection.');
    expect((error as { status: number }).status).to.equal(400);
  });

  it('connections.revoke: revoked, dependent runs paused, twice → 409', async () => {
    // The running "Publish scheduled LinkedIn posts" run needs LinkedIn.
    const revoked = await agency.connections.revoke('con_linkedin');
    expect(revoked.status).to.equal('revoked');
    const runs = await agency.runs.list({ status: 'paused' });
    expect(runs.data.filter((run) => run.blockedConnectionId === 'con_linkedin').map((run) => run.workflowName)).to.deep.equal([
      'Publish scheduled LinkedIn posts',
    ]);
    expect(isAlreadyRevoked(await rejection(agency.connections.revoke('con_linkedin')))).to.equal(true);
    expect((await client.connections.revoke('con_slack')).status).to.equal('revoked');
  });

  it('connections.reconnect and connectSessions.get; a missing managed auth config → 409', async () => {
    const session = await agency.connections.reconnect('con_hubspot');
    expect(session.status).to.equal('pending');
    expect(session.connectUrl).to.match(/^https:\/\/relink\.invalid\/provider\/authorize\?/);
    expect((await agency.connectSessions.get(session.id)).id).to.equal(session.id);
    const error = await rejection(agency.connections.reconnect('con_fub'));
    expect(isAuthConfigMissing(error)).to.equal(true);
    expect((error as Error).message).to.match(/Follow Up Boss/);
  });

  it('connectSessions.confirm refuses a session that is not waiting for a confirmation', async () => {
    const session = await agency.connections.reconnect('con_hubspot');
    const error = await rejection(agency.connectSessions.confirm(session.id));
    expect((error as { status: number; code: string }).status).to.equal(409);
    expect((error as { code: string }).code).to.equal('session_not_confirmable');
  });

  it('connections.submitCredentials: 422 with field errors, then active', async () => {
    const error = await rejection(agency.connections.submitCredentials('con_mailchimp', { api_key: 'nope' }));
    expect(isInvalidCredentials(error)).to.equal(true);
    expect((error as { fields: Array<{ field: string }> }).fields.map((f) => f.field)).to.deep.equal(['api_key']);
    const healed = await agency.connections.submitCredentials('con_mailchimp', { api_key: `${'0f'.repeat(16)}-us7` });
    expect(healed.status).to.equal('active');
  });

  it('connectionRequests.list, create, connect, cancel — and a client may not cancel', async () => {
    const outstanding = await client.connectionRequests.list({ state: 'outstanding' });
    expect(outstanding.data.map((r) => r.app.name)).to.deep.equal(['Salesforce']);
    const request = await agency.connectionRequests.create({ connectionId: 'con_quickbooks', note: 'Please reconnect QuickBooks.' });
    expect(request).to.include({ state: 'outstanding', connectionId: 'con_quickbooks', requestedFor: 'prn_client' });
    expect(isForbidden(await rejection(client.connectionRequests.create({ connectionId: 'con_slack' })))).to.equal(true);
    expect(isForbidden(await rejection(client.connectionRequests.cancel(request.id)))).to.equal(true);
    const session = await client.connectionRequests.connect(request.id);
    expect(session.connectionId).to.equal('con_quickbooks');
    expect((await agency.connectionRequests.cancel(request.id)).state).to.equal('cancelled');
  });

  it('notifications.list and markRead', async () => {
    const unread = await agency.notifications.list({ unread: true });
    expect(unread.data.map((n) => n.title)).to.include.members(['HubSpot reauth required', 'Mailchimp reauth required', 'QuickBooks reauth required']);
    const read = await agency.notifications.markRead('ntf_hubspot');
    expect(read.read).to.equal(true);
    expect((await agency.notifications.list({ unread: true })).data.map((n) => n.id)).to.not.include('ntf_hubspot');
  });

  it('runs.list with the preset, get, resume, replay and their 409s', async () => {
    const paused = await agency.runs.list({ preset: 'paused_for_reauth' });
    expect(paused.data.map((r) => r.id).sort()).to.deep.equal(['run_agent_reauth', 'run_operator_reauth']);
    expect((await agency.runs.get('run_failed')).status).to.equal('failed');
    // HubSpot is still broken: the server refuses, naming it; the agent run resumes by itself, so no manual Resume.
    const refused = await rejection(agency.runs.resume('run_operator_reauth'));
    expect(isConnectionNotActive(refused)).to.equal(true);
    expect((refused as Error).message).to.equal('Reconnect HubSpot before resuming this run.');
    expect(isResumesAutomatically(await rejection(agency.runs.resume('run_agent_reauth')))).to.equal(true);
    const now = new Date().toISOString();
    await server.app.relink.store.putRun({
      id: 'run_approval', workspaceId: 'ws_northwind', workflowId: 'wf_slack_digest', workflowName: 'Daily Slack digest', kind: 'operator',
      status: 'paused', pauseReason: 'approval', connectionIds: ['con_slack'], startedAt: now, updatedAt: now,
    });
    expect((await agency.runs.resume('run_approval')).status).to.equal('running');
    expect(isRunNotPaused(await rejection(agency.runs.resume('run_completed')))).to.equal(true);
    const replay = await agency.runs.replay('run_failed');
    expect(replay.replayOf).to.equal('run_failed');
    expect(isRunNotTerminal(await rejection(agency.runs.replay(replay.id)))).to.equal(true);
    expect(isForbidden(await rejection(client.runs.list()))).to.equal(true);
  });

  it('workflows.publishCheck names the node with an inactive connection', async () => {
    const check = await agency.workflows.publishCheck('wf_lead_sync');
    expect(check.ok).to.equal(false);
    expect(check.problems.map((p) => p.message)).to.deep.equal(['Trigger node has an inactive connection']);
    expect((await agency.workflows.publishCheck('wf_slack_digest')).ok).to.equal(true);
  });

  it('events.subscribe delivers a change as a typed event', async () => {
    const abort = new AbortController();
    const seen: string[] = [];
    const opened = new Promise<void>((resolve) =>
      void agency.events.subscribe({
        signal: abort.signal,
        onStatus: (status) => status === 'open' && resolve(),
        onEvent: (event) => {
          if (event.type === 'connection.updated') seen.push(`${event.connection.id}:${event.connection.status}`);
        },
      }),
    );
    await opened;
    await client.connections.revoke('con_slack');
    const start = Date.now();
    while (!seen.includes('con_slack:revoked') && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
    abort.abort();
    expect(seen).to.include('con_slack:revoked');
  });

  it('no token or a forged one → 401', async () => {
    const anonymous = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, retry: 0 });
    expect(isUnauthorized(await rejection(anonymous.connections.list()))).to.equal(true);
    const forged = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: 'forged.token', retry: 0 });
    expect(isUnauthorized(await rejection(forged.viewer.get()))).to.equal(true);
  });
});
