// What each method sends, and what it returns, against the reference backend running in the page
// (support/faults.ts records the requests; no fault is injected in this file).
import { expect } from '@open-wc/testing';
import { createRelinkClient, type RelinkClient } from '@relink/sdk';
import { startBackend, type Backend } from './support/faults.js';

describe('client: every method', () => {
  let backend: Backend;
  let client: RelinkClient;

  beforeEach(async () => {
    backend = startBackend();
    client = createRelinkClient({ baseUrl: backend.baseUrl, token: await backend.token('agency'), fetch: backend.fetch, retry: 0 });
  });
  afterEach(() => backend.close());

  describe('connections', () => {
    it('list sends only the given filters and returns a typed page', async () => {
      const page = await client.connections.list({ status: 'error', app: undefined, limit: 10 });
      expect(page.data.map((item) => item.id).sort()).to.deep.equal(['con_hubspot', 'con_mailchimp', 'con_quickbooks']);
      expect(page.nextCursor).to.equal(null);
      expect(page.data.find((c) => c.id === 'con_hubspot')!.lastError).to.include({ code: 'invalid_grant', transient: false });
      const [request] = backend.seen('/connections');
      expect(request!.method).to.equal('GET');
      expect(request!.query).to.deep.equal({ status: 'error', limit: '10' });
    });

    it('list with no arguments sends no query string', async () => {
      const page = await client.connections.list();
      expect(page.data).to.have.length(9);
      expect(backend.seen('/connections')[0]!.query).to.deep.equal({});
    });

    it('listAll iterates every item across 3 pages, following nextCursor', async () => {
      const ids: string[] = [];
      for await (const connection of client.connections.listAll({ limit: 3 })) ids.push(connection.id);
      expect(ids).to.have.length(9);
      expect(new Set(ids).size).to.equal(9);
      const queries = backend.seen('/connections').map((request) => request.query);
      expect(queries).to.have.length(3);
      expect(queries[0]).to.deep.equal({ limit: '3' });
      expect(queries.slice(1).every((q) => q['limit'] === '3' && typeof q['cursor'] === 'string')).to.equal(true);
    });

    it('listAll stops fetching when the loop breaks', async () => {
      let seen = 0;
      for await (const _connection of client.connections.listAll({ limit: 3 })) {
        seen += 1;
        if (seen === 2) break;
      }
      expect(backend.seen('/connections')).to.have.length(1);
    });

    it('get returns one connection; ids are URL-encoded into one path segment', async () => {
      const connection = await client.connections.get('con_slack');
      expect(connection).to.include({ id: 'con_slack', status: 'active', externalAccountEmail: 'ada@acmebakery.example' });
      await client.connections.get('a/b?c').catch(() => undefined);
      expect(backend.requests.at(-1)!.path).to.equal('/connections/a%2Fb%3Fc');
    });

    it('refuses empty and dot-segment ids instead of calling another endpoint', async () => {
      for (const id of ['', '.', '..']) {
        const error = await client.connections.get(id).then(() => undefined, (caught: unknown) => caught);
        expect(error).to.be.instanceOf(TypeError);
      }
      expect(backend.requests).to.have.length(0);
    });

    it('refresh POSTs no body and returns the refreshed connection', async () => {
      const before = await client.connections.get('con_slack');
      const connection = await client.connections.refresh('con_slack');
      expect(connection.id).to.equal('con_slack');
      expect(Date.parse(connection.lastRefreshedAt!)).to.be.greaterThan(Date.parse(before.lastRefreshedAt!));
      const [request] = backend.seen('/connections/con_slack/refresh', 'POST');
      expect(request!.body).to.equal(undefined);
    });

    it('reconnect sends returnTo and returns the connect session', async () => {
      const session = await client.connections.reconnect('con_hubspot', { returnTo: 'https://relink.invalid/settings' });
      expect(session).to.include({ connectionId: 'con_hubspot', status: 'pending' });
      expect(backend.seen('/connections/con_hubspot/reconnect')[0]!.body).to.deep.equal({ returnTo: 'https://relink.invalid/settings' });
    });

    it('submitCredentials sends { fields } and returns the connection', async () => {
      const fields = { api_key: `${'0f'.repeat(16)}-us7` };
      const connection = await client.connections.submitCredentials('con_mailchimp', fields);
      expect(connection).to.include({ id: 'con_mailchimp', status: 'active' });
      expect(backend.seen('/connections/con_mailchimp/credentials')[0]!.body).to.deep.equal({ fields });
    });
  });

  it('connectSessions.get and confirm address the session by id', async () => {
    const session = await client.connections.reconnect('con_hubspot');
    expect((await client.connectSessions.get(session.id)).status).to.equal('pending');
    await client.connectSessions.confirm(session.id).catch(() => undefined); // 409: nothing to confirm yet
    expect(backend.seen(`/connect-sessions/${session.id}`, 'GET')).to.have.length(1);
    expect(backend.seen(`/connect-sessions/${session.id}/confirm`, 'POST')).to.have.length(1);
  });

  it('connectionRequests.list filters by state; create sends the body; cancel returns the cancelled request', async () => {
    const page = await client.connectionRequests.list({ state: 'outstanding' });
    expect(page.data.map((item) => item.id)).to.deep.equal(['req_salesforce']);
    expect(backend.seen('/connection-requests', 'GET')[0]!.query).to.deep.equal({ state: 'outstanding' });
    const request = await client.connectionRequests.create({ connectionId: 'con_quickbooks', note: 'Please reconnect' });
    expect(request).to.include({ state: 'outstanding', connectionId: 'con_quickbooks', note: 'Please reconnect' });
    expect(backend.seen('/connection-requests', 'POST')[0]!.body).to.deep.equal({ connectionId: 'con_quickbooks', note: 'Please reconnect' });
    expect(await client.connectionRequests.cancel(request.id)).to.include({ id: request.id, state: 'cancelled' });
  });

  it('notifications.list writes unread as true/false; markRead returns the read notification', async () => {
    const unread = await client.notifications.list({ unread: true });
    expect(unread.data.map((item) => item.id).sort()).to.deep.equal(['ntf_hubspot', 'ntf_mailchimp', 'ntf_quickbooks']);
    // The seed's one read notification: LinkedIn's expiry warning (read, so the unread count stays three).
    expect((await client.notifications.list({ unread: false })).data.map((item) => item.id)).to.deep.equal(['ntf_linkedin_expiring']);
    expect(backend.seen('/notifications').map((r) => r.query)).to.deep.equal([{ unread: 'true' }, { unread: 'false' }]);
    expect(await client.notifications.markRead('ntf_hubspot')).to.include({ id: 'ntf_hubspot', read: true });
  });

  it('runs.list sends preset, status and workflowId; get, resume and replay', async () => {
    const page = await client.runs.list({ preset: 'paused_for_reauth', status: 'paused', workflowId: 'wf_lead_sync' });
    expect(page.data.map((run) => run.id).sort()).to.deep.equal(['run_agent_reauth', 'run_operator_reauth']);
    expect(backend.seen('/runs')[0]!.query).to.deep.equal({ preset: 'paused_for_reauth', status: 'paused', workflowId: 'wf_lead_sync' });
    expect(await client.runs.get('run_operator_reauth')).to.include({ status: 'paused', pauseReason: 'reauth', blockedConnectionId: 'con_hubspot' });
    const replay = await client.runs.replay('run_failed');
    expect(replay.id).to.not.equal('run_failed');
    expect(replay).to.include({ replayOf: 'run_failed' });
  });

  it('workflows.publishCheck and viewer.get', async () => {
    const check = await client.workflows.publishCheck('wf_lead_sync');
    expect(check).to.deep.include({ workflowId: 'wf_lead_sync', ok: false });
    expect(check.problems.map((p) => [p.node, p.connectionId])).to.deep.equal([['trigger', 'con_hubspot']]);
    expect(await client.viewer.get()).to.include({ workspaceId: 'ws_northwind', role: 'agency', principalId: 'prn_agency' });
    expect(backend.seen('/me', 'GET')).to.have.length(1);
  });
});

describe('client: auth and options', () => {
  let backend: Backend;
  beforeEach(() => {
    backend = startBackend();
  });
  afterEach(() => backend.close());

  it('reads a token getter before every request and sends it as a Bearer header, never in the URL', async () => {
    const tokens = [await backend.token('agency'), await backend.token('client')];
    let calls = 0;
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: async () => tokens[calls++] });
    await client.viewer.get();
    const second = await client.viewer.get();
    expect(calls).to.equal(2);
    expect(second.role).to.equal('client');
    expect(backend.requests.map((request) => request.authorization)).to.deep.equal(tokens.map((t) => `Bearer ${t}`));
    for (const request of backend.requests) {
      for (const token of tokens) expect(`${request.path}?${new URLSearchParams(request.query)}`).to.not.contain(token);
    }
  });

  it('accepts a baseUrl with or without a trailing slash, or a URL', async () => {
    const token = await backend.token('agency');
    for (const baseUrl of [backend.baseUrl, `${backend.baseUrl}/`, new URL(backend.baseUrl)]) {
      const client = createRelinkClient({ baseUrl, token, fetch: backend.fetch });
      expect((await client.viewer.get()).role).to.equal('agency');
    }
    expect(backend.seen('/me')).to.have.length(3);
  });

  it('runs the caller\'s ky hooks after its own', async () => {
    const token = await backend.token('agency');
    const seen: string[] = [];
    const client = createRelinkClient({
      baseUrl: backend.baseUrl,
      token,
      fetch: backend.fetch,
      hooks: {
        beforeRequest: [(request) => void seen.push(request.headers.get('authorization') ?? 'none')],
        beforeError: [(error) => (seen.push(`${error.name}: ${error.message}`), error)],
      },
    });
    await client.viewer.get();
    expect(seen).to.deep.equal([`Bearer ${token}`]);
    // beforeError sees the SDK's error, once the call has failed for good.
    await client.connections.get('con_nope').catch(() => undefined);
    expect(seen.slice(2)).to.deep.equal(['RelinkApiError: Connection not found.']);
  });

  it('exposes neither the raw fetch nor the token getter anywhere on the client', async () => {
    const fetch = backend.fetch;
    const token = async () => backend.token('agency');
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch });
    const found: string[] = [];
    const visit = (value: unknown, path: string, depth: number) => {
      if (value === fetch || value === token) found.push(path);
      if (depth === 0 || (typeof value !== 'object' && typeof value !== 'function') || value === null) return;
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        if (descriptor && 'value' in descriptor) visit(descriptor.value, `${path}.${String(key)}`, depth - 1);
      }
    };
    visit(client, 'client', 4);
    expect(found).to.deep.equal([]);
    expect('options' in client).to.equal(false);
    expect(Reflect.ownKeys(client).sort()).to.deep.equal(
      ['apps', 'connectSessions', 'connectionRequests', 'connections', 'events', 'notificationPreferences', 'notifications', 'runs', 'viewer', 'workflows'],
    );
    expect((await client.viewer.get()).role).to.equal('agency'); // and it still works with them
  });
});
