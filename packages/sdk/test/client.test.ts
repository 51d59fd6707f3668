import { expect } from '@open-wc/testing';
import { createRelinkClient, type RelinkClient } from '@relink/sdk';
import { BASE_URL, ContractServer, addConnections } from './support/contract-server.js';

// Every method against the in-page contract server: the request it sends and the parsed value it returns.
describe('client: every method', () => {
  const server = new ContractServer();
  let client: RelinkClient;

  beforeEach(() => {
    server.reset();
    client = createRelinkClient({ baseUrl: BASE_URL, token: 'tok_agency', fetch: server.fetch });
  });

  describe('connections', () => {
    it('list sends only the given filters and returns a typed page', async () => {
      const page = await client.connections.list({ status: 'error', app: undefined, limit: 10 });
      expect(page.data.map((item) => item.id)).to.deep.equal(['con_hubspot', 'con_fub']);
      expect(page.nextCursor).to.equal(null);
      expect(page.data[0]!.lastError).to.deep.equal({ code: 'invalid_grant', message: 'Token revoked by the provider.', at: '2026-11-01T10:00:00.000Z', transient: false });
      const [request] = server.seen('/connections');
      expect(request!.method).to.equal('GET');
      expect(request!.query).to.deep.equal({ status: 'error', limit: '10' });
    });

    it('list with no arguments sends no query string', async () => {
      const page = await client.connections.list();
      expect(page.data).to.have.length(5);
      expect(server.seen('/connections')[0]!.query).to.deep.equal({});
    });

    it('listAll iterates every item across 3 pages, following nextCursor', async () => {
      addConnections(server, 7); // 12 in all, 5 a page → 3 pages
      const ids: string[] = [];
      for await (const connection of client.connections.listAll({ limit: 5 })) ids.push(connection.id);
      expect(ids).to.have.length(12);
      expect(new Set(ids).size).to.equal(12);
      expect(ids.slice(-1)).to.deep.equal(['con_gen_6']);
      expect(server.seen('/connections').map((request) => request.query)).to.deep.equal([
        { limit: '5' },
        { limit: '5', cursor: 'o5' },
        { limit: '5', cursor: 'o10' },
      ]);
    });

    it('listAll stops fetching when the loop breaks', async () => {
      addConnections(server, 7);
      for await (const connection of client.connections.listAll({ limit: 5 })) {
        if (connection.id === 'con_slack') break;
      }
      expect(server.seen('/connections')).to.have.length(1);
    });

    it('get returns one connection; ids are URL-encoded into one path segment', async () => {
      const connection = await client.connections.get('con_slack');
      expect(connection).to.include({ id: 'con_slack', label: 'Team workspace', status: 'active', externalAccountEmail: 'ops@acme.test' });
      await client.connections.get('a/b?c').catch(() => undefined);
      expect(server.requests.at(-1)!.path).to.equal('/connections/a%2Fb%3Fc');
    });

    it('refuses empty and dot-segment ids instead of calling another endpoint', async () => {
      for (const id of ['', '.', '..']) {
        const error = await client.connections.get(id).then(() => undefined, (caught: unknown) => caught);
        expect(error).to.be.instanceOf(TypeError);
      }
      expect(server.requests).to.have.length(0);
    });

    it('refresh POSTs and returns the refreshed connection', async () => {
      const connection = await client.connections.refresh('con_slack');
      expect(connection.id).to.equal('con_slack');
      expect(connection.lastRefreshedAt).to.be.a('string');
      const [request] = server.seen('/connections/con_slack/refresh', 'POST');
      expect(request!.body).to.equal(undefined);
    });

    it('revoke returns the revoked connection', async () => {
      const connection = await client.connections.revoke('con_slack');
      expect(connection.status).to.equal('revoked');
    });

    it('reconnect sends returnTo and returns the connect session', async () => {
      const session = await client.connections.reconnect('con_slack', { returnTo: 'https://host.test/settings' });
      expect(session).to.include({ connectionId: 'con_slack', status: 'pending' });
      expect(session.connectUrl).to.contain(encodeURIComponent('https://host.test/settings'));
      expect(server.seen('/connections/con_slack/reconnect')[0]!.body).to.deep.equal({ returnTo: 'https://host.test/settings' });
    });

    it('submitCredentials sends { fields } and returns the connection', async () => {
      const connection = await client.connections.submitCredentials('con_mailchimp', { api_key: 'k-123', server_prefix: 'us21' });
      expect(connection).to.include({ id: 'con_mailchimp', status: 'active' });
      expect(server.seen('/connections/con_mailchimp/credentials')[0]!.body).to.deep.equal({
        fields: { api_key: 'k-123', server_prefix: 'us21' },
      });
    });
  });

  describe('connectSessions', () => {
    it('get returns the session', async () => {
      const session = await client.connectSessions.get('cs_mismatch');
      expect(session).to.include({ status: 'account_mismatch', previousAccountEmail: 'ops@acme.test', newAccountEmail: 'other@acme.test' });
    });

    it('confirm POSTs /connect-sessions/{id}/confirm and returns the completed session', async () => {
      const session = await client.connectSessions.confirm('cs_mismatch');
      expect(session.status).to.equal('completed');
      expect(server.seen('/connect-sessions/cs_mismatch/confirm', 'POST')).to.have.length(1);
    });
  });

  describe('connectionRequests', () => {
    it('list filters by state', async () => {
      const page = await client.connectionRequests.list({ state: 'outstanding' });
      expect(page.data.map((item) => item.id)).to.deep.equal(['req_1']);
      expect(server.seen('/connection-requests')[0]!.query).to.deep.equal({ state: 'outstanding' });
    });

    it('create sends the body and returns the new request', async () => {
      const request = await client.connectionRequests.create({ connectionId: 'con_hubspot', note: 'Please reconnect' });
      expect(request).to.include({ state: 'outstanding', connectionId: 'con_hubspot', note: 'Please reconnect' });
      expect(request.app.name).to.equal('HubSpot');
    });

    it('cancel returns the cancelled request', async () => {
      const request = await client.connectionRequests.cancel('req_1');
      expect(request).to.include({ id: 'req_1', state: 'cancelled' });
    });
  });

  describe('notifications', () => {
    it('list sends unread=true for { unread: true }', async () => {
      const page = await client.notifications.list({ unread: true });
      expect(page.data.map((item) => item.title)).to.deep.equal(['HubSpot reauth required']);
      expect(server.seen('/notifications')[0]!.query).to.deep.equal({ unread: 'true' });
    });

    it('list sends unread=false for { unread: false }', async () => {
      const page = await client.notifications.list({ unread: false });
      expect(page.data.map((item) => item.id)).to.deep.equal(['ntf_2']);
      expect(server.seen('/notifications')[0]!.query).to.deep.equal({ unread: 'false' });
    });

    it('markRead returns the read notification', async () => {
      const notification = await client.notifications.markRead('ntf_1');
      expect(notification).to.include({ id: 'ntf_1', read: true });
    });
  });

  describe('runs', () => {
    it('list sends preset, status and workflowId', async () => {
      const page = await client.runs.list({ preset: 'paused_for_reauth', status: 'paused', workflowId: 'wf_1' });
      expect(page.data.map((run) => run.id)).to.deep.equal(['run_paused']);
      expect(server.seen('/runs')[0]!.query).to.deep.equal({ preset: 'paused_for_reauth', status: 'paused', workflowId: 'wf_1' });
    });

    it('get returns one run', async () => {
      const run = await client.runs.get('run_paused');
      expect(run).to.include({ status: 'paused', pauseReason: 'reauth', blockedConnectionId: 'con_hubspot' });
    });

    it('resume returns the running run', async () => {
      const run = await client.runs.resume('run_paused');
      expect(run.status).to.equal('running');
      expect(run.pauseReason).to.equal(undefined);
    });

    it('replay returns the new run, pointing at the old one', async () => {
      const run = await client.runs.replay('run_failed');
      expect(run.id).to.not.equal('run_failed');
      expect(run).to.include({ replayOf: 'run_failed', status: 'running' });
    });
  });

  it('workflows.publishCheck returns the gate with its problems', async () => {
    const check = await client.workflows.publishCheck('wf_1');
    expect(check).to.deep.equal({
      workflowId: 'wf_1',
      ok: false,
      problems: [{ node: 'trigger', nodeId: 'node_1', connectionId: 'con_hubspot', message: 'Trigger node has an inactive connection' }],
    });
  });

  it('viewer.get returns GET /me', async () => {
    expect(await client.viewer.get()).to.deep.equal({ workspaceId: 'ws_1', role: 'agency', principalId: 'pr_agency', name: 'Acme Agency' });
    expect(server.seen('/me', 'GET')).to.have.length(1);
  });
});

describe('client: auth and options', () => {
  const server = new ContractServer();
  beforeEach(() => server.reset());

  it('reads a token getter before every request and sends it as a Bearer header, never in the URL', async () => {
    let calls = 0;
    const client = createRelinkClient({
      baseUrl: BASE_URL,
      fetch: server.fetch,
      token: async () => {
        calls += 1;
        return calls === 1 ? 'tok_agency' : 'tok_client';
      },
    });
    await client.viewer.get();
    const second = await client.viewer.get();
    expect(calls).to.equal(2);
    expect(second.role).to.equal('client');
    expect(server.requests.map((request) => request.authorization)).to.deep.equal(['Bearer tok_agency', 'Bearer tok_client']);
    for (const request of server.requests) {
      expect(JSON.stringify(request.query)).to.not.contain('tok_');
      expect(request.path).to.not.contain('tok_');
    }
  });

  it('accepts a baseUrl with or without a trailing slash', async () => {
    for (const baseUrl of [BASE_URL, `${BASE_URL}/`, new URL(BASE_URL)]) {
      const client = createRelinkClient({ baseUrl, token: 'tok_agency', fetch: server.fetch });
      expect((await client.viewer.get()).role).to.equal('agency');
    }
    expect(server.seen('/me')).to.have.length(3);
  });

  it('exposes the resolved baseUrl, fetch and token getter for the events module', async () => {
    const client = createRelinkClient({ baseUrl: BASE_URL, token: () => 'tok_client', fetch: server.fetch });
    expect(client.options.baseUrl).to.equal(`${BASE_URL}/`);
    expect(await client.options.getToken()).to.equal('tok_client');
    const response = await client.options.fetch(new Request(`${BASE_URL}/me`, { headers: { authorization: 'Bearer tok_client' } }));
    expect(((await response.json()) as { role: string }).role).to.equal('client');
  });

  it('runs the caller\'s ky hooks after its own', async () => {
    const seen: string[] = [];
    const client = createRelinkClient({
      baseUrl: BASE_URL,
      token: 'tok_agency',
      fetch: server.fetch,
      hooks: { beforeRequest: [({ request }) => void seen.push(request.headers.get('authorization') ?? 'none')] },
    });
    await client.viewer.get();
    expect(seen).to.deep.equal(['Bearer tok_agency']);
  });
});
