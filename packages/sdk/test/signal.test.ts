// The caller's AbortSignal, against the in-page reference backend: every method forwards it, and a long-lived
// signal (a page's, a provider's) collects nothing per request.
import { expect } from '@open-wc/testing';
import { createInPageRelink, type InPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore, isAbortError, type RelinkClient } from '@relink/sdk';

let server: InPageRelink;
let requests: string[];
let client: RelinkClient;

beforeEach(async () => {
  server = createInPageRelink({ rateLimit: false });
  requests = [];
  const token = await server.mintToken('agency', 'prn_agency');
  client = createRelinkClient({
    baseUrl: server.baseUrl,
    token,
    retry: 0,
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return server.fetch(request);
    },
  });
});
afterEach(() => server.close());

/**
 * Counts the `abort` listeners that are added to signals and not removed (a `{ once }` listener stays until the
 * signal aborts, which for a page-long signal is never).
 */
function countAbortListeners() {
  const live = new Set<unknown>();
  const { addEventListener, removeEventListener } = AbortSignal.prototype;
  AbortSignal.prototype.addEventListener = function (this: AbortSignal, type: string, listener: unknown, options?: unknown) {
    if (type === 'abort') live.add(listener);
    return addEventListener.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof addEventListener;
  AbortSignal.prototype.removeEventListener = function (this: AbortSignal, type: string, listener: unknown, options?: unknown) {
    if (type === 'abort') live.delete(listener);
    return removeEventListener.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof removeEventListener;
  return {
    get live() {
      return live.size;
    },
    restore() {
      Object.assign(AbortSignal.prototype, { addEventListener, removeEventListener });
    },
  };
}

describe('the caller\'s signal', () => {
  it('leaves no abort listener behind after 20 requests on one long-lived signal', async () => {
    const page = new AbortController();
    const listeners = countAbortListeners();
    try {
      for (let i = 0; i < 20; i += 1) await client.connections.get('con_slack', { signal: page.signal });
      await client.connections.get('con_nope', { signal: page.signal }).catch(() => undefined); // a failure, too
      expect(requests).to.have.length(21);
      expect(listeners.live).to.equal(0);
    } finally {
      listeners.restore();
    }
  });
});

describe('every method forwards { signal }', () => {
  // Each method with an already-aborted signal: it must reject with RelinkAbortError before sending anything.
  // A method that dropped its options would send the request (and most would succeed).
  const calls: Array<[string, (signal: AbortSignal) => Promise<unknown>]> = [
    ['connections.list', (signal) => client.connections.list({}, { signal })],
    ['connections.listAll', async (signal) => {
      for await (const _ of client.connections.listAll({}, { signal })) break;
    }],
    ['connections.get', (signal) => client.connections.get('con_slack', { signal })],
    ['connections.refresh', (signal) => client.connections.refresh('con_slack', { signal })],
    ['connections.revoke', (signal) => client.connections.revoke('con_slack', { signal })],
    ['connections.reconnect', (signal) => client.connections.reconnect('con_hubspot', {}, { signal })],
    ['connections.submitCredentials', (signal) => client.connections.submitCredentials('con_mailchimp', { api_key: 'x' }, { signal })],
    ['connections.create', (signal) => client.connections.create({ appKey: 'slack' }, { signal })],
    ['connections.usage', (signal) => client.connections.usage('con_slack', { signal })],
    ['connections.remove', (signal) => client.connections.remove('con_slack', { signal })],
    ['apps.list', (signal) => client.apps.list({ signal })],
    ['connectSessions.get', (signal) => client.connectSessions.get('cs_1', { signal })],
    ['connectSessions.confirm', (signal) => client.connectSessions.confirm('cs_1', { signal })],
    ['connectSessions.decline', (signal) => client.connectSessions.decline('cs_1', { signal })],
    ['connectSessions.chooseAccounts', (signal) => client.connectSessions.chooseAccounts('cs_1', ['page_bakery_main'], { signal })],
    ['connectionRequests.list', (signal) => client.connectionRequests.list({}, { signal })],
    ['connectionRequests.create', (signal) => client.connectionRequests.create({ connectionId: 'con_quickbooks' }, { signal })],
    ['connectionRequests.cancel', (signal) => client.connectionRequests.cancel('req_salesforce', { signal })],
    ['connectionRequests.connect', (signal) => client.connectionRequests.connect('req_salesforce', {}, { signal })],
    ['notifications.list', (signal) => client.notifications.list({}, { signal })],
    ['notifications.markRead', (signal) => client.notifications.markRead('ntf_hubspot', { signal })],
    ['notificationPreferences.get', (signal) => client.notificationPreferences.get({ signal })],
    ['notificationPreferences.update', (signal) => client.notificationPreferences.update([{ kind: 'run_failed', enabled: false }], { signal })],
    ['runs.list', (signal) => client.runs.list({}, { signal })],
    ['runs.get', (signal) => client.runs.get('run_failed', { signal })],
    ['runs.resume', (signal) => client.runs.resume('run_operator_reauth', { signal })],
    ['runs.replay', (signal) => client.runs.replay('run_failed', { signal })],
    ['workflows.publishCheck', (signal) => client.workflows.publishCheck('wf_lead_sync', { signal })],
    ['viewer.get', (signal) => client.viewer.get({ signal })],
    ['store.connections.get', (signal) => createRelinkStore(client).connections.get('con_slack', { signal })],
    ['store.runs.get', (signal) => createRelinkStore(client).runs.get('run_failed', { signal })],
  ];

  it('covers every method of the client', () => {
    const methods = Object.entries(client).flatMap(([resource, value]) =>
      resource === 'events' ? [] : Object.keys(value as object).map((method) => `${resource}.${method}`),
    );
    expect(calls.map(([name]) => name).filter((name) => !name.startsWith('store.')).sort()).to.deep.equal(methods.sort());
  });

  for (const [name, call] of calls) {
    it(name, async () => {
      const reason = new Error('the element was removed');
      const error = await call(AbortSignal.abort(reason)).then(() => undefined, (caught: unknown) => caught);
      expect(isAbortError(error), `${name} rejected with ${String(error)}`).to.equal(true);
      expect((error as Error).cause).to.equal(reason);
      expect(requests).to.deep.equal([]);
    });
  }
});
