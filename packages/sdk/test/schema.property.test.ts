import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createRelinkClient, isResponseError } from '@relink/sdk';
import {
  CONNECTION_STATUSES,
  ConnectSession,
  Connection,
  ConnectionRequest,
  Notification,
  RUN_STATUSES,
  Run,
  type App,
} from '@relink/sdk/schema';
import { startBackend } from './support/faults.js';

// Arbitraries that produce only values the contract accepts, so a round trip must give back exactly the input.
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const timestamp = fc
  .date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const url = fc.webUrl();
const text = fc.string({ maxLength: 40 });

const app: fc.Arbitrary<App> = fc.record(
  {
    key: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    name: fc.string({ minLength: 1, maxLength: 30 }),
    logo: url,
    authMode: fc.constantFrom('oauth2', 'api_key'),
    managedAuthConfig: fc.constantFrom('not_required', 'ready', 'missing', 'invalid'),
    credentialFields: fc.array(
      fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9_]{0,63}$/), label: text, secret: fc.boolean() }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['key', 'name', 'authMode', 'managedAuthConfig'] },
);

const connection: fc.Arbitrary<Connection> = fc.record(
  {
    id,
    app,
    label: text,
    status: fc.constantFrom(...CONNECTION_STATUSES),
    owner: fc.constantFrom('agency', 'client'),
    externalAccountEmail: fc.emailAddress(),
    lastRefreshedAt: timestamp,
    expiresAt: timestamp,
    refreshable: fc.boolean(),
    lastError: fc.record({ code: text, message: text, at: timestamp, transient: fc.boolean() }),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  { requiredKeys: ['id', 'app', 'label', 'status', 'owner', 'refreshable', 'createdAt', 'updatedAt'] },
);

const run: fc.Arbitrary<Run> = fc.record(
  {
    id,
    workflowId: id,
    workflowName: text,
    kind: fc.constantFrom('agent', 'operator'),
    status: fc.constantFrom(...RUN_STATUSES),
    pauseReason: fc.constantFrom('reauth', 'approval', 'spend_cap', 'operator'),
    blockedConnectionId: id,
    connectionIds: fc.array(id, { maxLength: 4 }),
    replayOf: id,
    error: fc.record({ code: text, message: text }),
    startedAt: timestamp,
    updatedAt: timestamp,
    finishedAt: timestamp,
  },
  { requiredKeys: ['id', 'workflowId', 'workflowName', 'kind', 'status', 'connectionIds', 'startedAt', 'updatedAt'] },
);

const notification: fc.Arbitrary<Notification> = fc.record(
  {
    id,
    kind: fc.constantFrom('reauth_required', 'run_failed', 'connection_revoked', 'expiring_soon'),
    severity: fc.constantFrom('critical', 'warning', 'info'),
    title: text,
    body: text,
    appName: text,
    connectionId: id,
    runId: id,
    read: fc.boolean(),
    createdAt: timestamp,
  },
  { requiredKeys: ['id', 'kind', 'severity', 'title', 'read', 'createdAt'] },
);

const connectionRequest: fc.Arbitrary<ConnectionRequest> = fc.record(
  {
    id,
    app,
    requestedBy: fc.record({ principalId: id, name: text }),
    requestedFor: id,
    requestedAt: timestamp,
    state: fc.constantFrom('outstanding', 'completed', 'cancelled'),
    connectUrl: url,
    connectionId: id,
    note: text,
  },
  { requiredKeys: ['id', 'app', 'requestedBy', 'requestedFor', 'requestedAt', 'state', 'connectUrl'] },
);

const connectSession: fc.Arbitrary<ConnectSession> = fc.record(
  {
    id,
    connectionId: id,
    status: fc.constantFrom('pending', 'completed', 'failed', 'cancelled', 'account_mismatch'),
    connectUrl: url,
    state: fc.string({ minLength: 16, maxLength: 40 }),
    expiresAt: timestamp,
    previousAccountEmail: fc.emailAddress(),
    newAccountEmail: fc.emailAddress(),
    error: fc.record({ code: text, message: text }),
  },
  { requiredKeys: ['id', 'connectionId', 'status', 'connectUrl', 'state', 'expiresAt'] },
);

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('schema properties', () => {
  const cases = [
    ['Connection', Connection, connection],
    ['Run', Run, run],
    ['Notification', Notification, notification],
    ['ConnectionRequest', ConnectionRequest, connectionRequest],
    ['ConnectSession', ConnectSession, connectSession],
  ] as const;

  for (const [name, schema, arbitrary] of cases) {
    it(`a valid ${name} survives JSON and parsing unchanged`, () => {
      fc.assert(
        fc.property(arbitrary as fc.Arbitrary<unknown>, (value) => {
          const parsed = schema.safeParse(viaJson(value));
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).to.equal(true);
          expect(parsed.data).to.deep.equal(value);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a valid resource served by the server arrives from the client unchanged', async () => {
    // Arbitrary valid resources are answers the seeded server cannot give: injected in its place.
    const server = startBackend();
    const client = createRelinkClient({ baseUrl: server.baseUrl, token: await server.token(), fetch: server.fetch, retry: 0 });
    await fc.assert(
      fc.asyncProperty(connection, run, notification, async (c, r, n) => {
        server.inject({ path: '/connections/con_x', times: 1, status: 200, body: c });
        server.inject({ path: '/runs/run_x/replay', times: 1, status: 201, body: r });
        server.inject({ path: '/notifications/ntf_x/read', times: 1, status: 200, body: n });
        expect(await client.connections.get('con_x')).to.deep.equal(c);
        expect(await client.runs.replay('run_x')).to.deep.equal(r);
        expect(await client.notifications.markRead('ntf_x')).to.deep.equal(n);
      }),
      { numRuns: 100 },
    );
    server.close();
  });

  it('10,000 garbage 2xx bodies raise nothing but RelinkResponseError', async function () {
    this.timeout(60_000);
    const server = startBackend();
    const client = createRelinkClient({ baseUrl: server.baseUrl, token: await server.token(), fetch: server.fetch, retry: 0 });
    // Each call paired with the path its rule must answer on.
    const calls = [
      ['/me', () => client.viewer.get()],
      ['/connections', () => client.connections.list()],
      ['/runs/run_1', () => client.runs.get('run_1')],
      ['/notifications', () => client.notifications.list({ unread: true })],
      ['/workflows/wf_1/publish-check', () => client.workflows.publishCheck('wf_1')],
      ['/connections/con_1/refresh', () => client.connections.refresh('con_1')],
      ['/connect-sessions/cs_1', () => client.connectSessions.get('cs_1')],
      ['/connection-requests', () => client.connectionRequests.list()],
    ] as const;
    const garbage = fc.oneof(
      { weight: 4, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null') },
      { weight: 1, arbitrary: fc.string() }, // not even JSON
    );
    let served = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(garbage, { minLength: 100, maxLength: 100 }), async (bodies) => {
        const outcomes = await Promise.allSettled(
          bodies.map((body, index) => {
            const [path, call] = calls[index % calls.length]!;
            server.inject({ path, times: 1, status: index % 2 ? 200 : 201, body, headers: { 'content-type': 'application/json' } });
            return call();
          }),
        );
        served += bodies.length;
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') accepted += 1;
          else expect(isResponseError(outcome.reason), String(outcome.reason)).to.equal(true);
        }
      }),
      { numRuns: 100 },
    );
    expect(served).to.equal(10_000);
    expect(accepted).to.be.below(50); // garbage should almost never be a valid resource
    server.close();
  });
});
