// Issue 16 in the SDK, against the reference backend in the page: the catalog, adding a connection (OAuth consent
// through the in-page provider, or API-key fields), and removing one (client and store, live included).
import { expect, waitUntil } from '@open-wc/testing';
import type { InPageRelink } from '@relink/server/browser';
import { approveConsent } from '../../../test/support/approve-consent.js';
import { inPageClients } from './support/in-page.js';
import { createRelinkClient, createRelinkStore, isAuthConfigMissing, isInvalidCredentials, isNotFound, type RelinkClient } from '@relink/sdk';

let server: InPageRelink;
let agency: RelinkClient;
let client: RelinkClient;

const rejection = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);

describe('add and remove connections through the SDK', () => {
  beforeEach(async () => {
    ({ server, agency, client } = await inPageClients());
  });
  afterEach(() => server.close());

  it('apps.list: the catalog by name, parsed', async () => {
    const apps = await client.apps.list();
    expect(apps.map((a) => a.name)).to.include.members(['Slack', 'Mailchimp', 'LinkedIn']);
    expect(apps.find((a) => a.key === 'mailchimp')!.authMode).to.equal('api_key');
  });

  it('connections.create: OAuth answers a consent session; the connection exists once consent completes', async () => {
    const created = await client.connections.create({ appKey: 'hubspot', label: 'Bakery CRM' });
    if (created.type !== 'consent') expect.fail('expected a consent flow');
    expect(created.session.status).to.equal('pending');
    expect(isNotFound(await rejection(client.connections.get(created.session.connectionId)))).to.equal(true);
    await approveConsent(server.fetch, created.session.connectUrl, 'ada@acmebakery.example');
    await waitUntil(async () => (await client.connectSessions.get(created.session.id)).status === 'completed', 'consent completed');
    const added = await client.connections.get(created.session.connectionId);
    expect([added.status, added.owner, added.label]).to.deep.equal(['active', 'client', 'Bakery CRM']);
  });

  it('connections.create: API-key fields → the connection; 422 with field errors; 409 auth_config_missing', async () => {
    const bad = await rejection(agency.connections.create({ appKey: 'mailchimp', fields: { api_key: 'x' } }));
    expect(isInvalidCredentials(bad)).to.equal(true);
    const created = await agency.connections.create({ appKey: 'mailchimp', fields: { api_key: '0123456789abcdef0123456789abcdef-us21' } });
    if (created.type !== 'connection') expect.fail('expected a connection');
    expect([created.connection.status, created.connection.label]).to.deep.equal(['active', 'Mailchimp']);
    expect(isAuthConfigMissing(await rejection(agency.connections.create({ appKey: 'follow-up-boss' })))).to.equal(true);
  });

  it('connections.usage and remove; a second remove is 404', async () => {
    const usage = await client.connections.usage('con_slack');
    expect(usage.workflows.map((w) => w.workflowName).sort()).to.deep.equal(['Daily Slack digest', 'New HubSpot leads to Slack']);
    const removed = await client.connections.remove('con_slack');
    expect(removed.pausedRuns.map((r) => r.id).sort()).to.deep.equal(['run_agent_reauth', 'run_operator_reauth']);
    expect(isNotFound(await rejection(client.connections.remove('con_slack')))).to.equal(true);
    expect((await agency.runs.get('run_agent_reauth')).pauseReason).to.equal('connection_removed');
  });

  it('store.remove drops the row at once; another tab hears connection.removed live and drops it too', async () => {
    const mine = createRelinkStore(agency);
    const other = createRelinkStore(createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: await server.mintToken('agency', 'prn_agency'), retry: 0 }));
    await Promise.all([mine.connections.load(), other.connections.load()]);
    const stop = other.startLive();
    try {
      await waitUntil(() => other.getSnapshot().live === 'open', 'live');
      const before = mine.getSnapshot().connections.items.map((c) => c.id);
      await mine.remove('con_mailchimp');
      expect(mine.getSnapshot().connections.items.map((c) => c.id)).to.deep.equal(before.filter((id) => id !== 'con_mailchimp'));
      await waitUntil(() => !other.getSnapshot().connections.byId.has('con_mailchimp'), 'removed in the other tab');
      expect(other.getSnapshot().connections.items.some((c) => c.id === 'con_mailchimp')).to.equal(false);
      // Already gone (removed elsewhere): the store still drops it and resolves.
      expect((await other.remove('con_mailchimp')).id).to.equal('con_mailchimp');
    } finally {
      stop();
    }
  });

  it('store.addWithCredentials adds the row; store.loadApps shares one request', async () => {
    const store = createRelinkStore(agency);
    await store.connections.load();
    const [a, b] = await Promise.all([store.loadApps(), store.loadApps()]);
    expect(a).to.equal(b);
    const connection = await store.addWithCredentials('mailchimp', { api_key: '0123456789abcdef0123456789abcdef-us21' }, 'Second list');
    expect(store.getSnapshot().connections.byId.get(connection.id)!.label).to.equal('Second list');
  });
});
