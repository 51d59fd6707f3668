// The error family. API errors come from the reference backend in the page, and each is checked against the raw
// answer the same server gives without the SDK, so "word for word" means the server's words. Transport failures
// (slow answers, dropped connections, gateway pages, garbage bodies) are injected by support/faults.ts, because a
// healthy server never produces them; no server message or rule is asserted against an injected answer.
import { expect } from '@open-wc/testing';
import {
  RelinkAbortError,
  RelinkApiError,
  RelinkChunkLoadError,
  type RelinkError,
  RelinkNetworkError,
  RelinkResponseError,
  RelinkSessionError,
  RelinkTimeoutError,
  createRelinkClient,
  errorKind,
  isAbortError,
  isAlreadyRevoked,
  isAuthConfigMissing,
  isChunkLoadError,
  isForbidden,
  isInvalidCredentials,
  isNetworkError,
  isNotFound,
  isNotRefreshable,
  isRateLimited,
  isRelinkApiError,
  isRelinkError,
  isResponseError,
  isRunNotPaused,
  isRunNotTerminal,
  isSessionExpired,
  isTimeoutError,
  isUnauthorized,
  type RelinkClient,
} from '@relink/sdk';
import { startBackend, type Backend } from './support/faults.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('errors: the server\'s API errors, word for word', () => {
  let backend: Backend;
  let token: string;
  let client: RelinkClient;
  beforeEach(async () => {
    backend = startBackend();
    token = await backend.token('agency');
    client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: backend.fetch, retry: 0 });
  });
  afterEach(() => backend.close());

  /** The same request without the SDK: the server's own status and error envelope. */
  async function raw(method: 'GET' | 'POST', path: string, body?: unknown, as = token) {
    const response = await backend.server.fetch(`${backend.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const { error } = (await response.json()) as { error: { code: string; message: string; fields?: unknown } };
    return { status: response.status, ...error };
  }

  /** The SDK's error carries the server's status, code and message unchanged, a request id, and never the token. */
  async function matchesServer(error: unknown, method: 'GET' | 'POST', path: string, body?: unknown, as?: string): Promise<RelinkApiError> {
    expect(error).to.be.instanceOf(RelinkApiError);
    const api = error as RelinkApiError;
    const server = await raw(method, path, body, as);
    expect({ kind: api.kind, name: api.name, status: api.status, code: api.code, message: api.message }).to.deep.equal({
      kind: 'api',
      name: 'RelinkApiError',
      status: server.status,
      code: server.code,
      message: server.message,
    });
    expect(api.requestId).to.match(/^req_/);
    expect(`${api.message} ${api.stack} ${JSON.stringify(api)}`).to.not.contain(token);
    return api;
  }

  it('400 not_refreshable keeps the seed\'s message', async () => {
    const error = await failure(client.connections.refresh('con_quickbooks'));
    await matchesServer(error, 'POST', '/connections/con_quickbooks/refresh');
    expect((error as Error).message).to.equal('Connection cannot be refreshed. Please reconnect your connection.');
    expect(isNotRefreshable(error)).to.equal(true);
    expect(isAlreadyRevoked(error)).to.equal(false);
  });

  it('409 already_revoked', async () => {
    await client.connections.revoke('con_facebook').catch(() => undefined); // seeded as revoked already
    const error = await failure(client.connections.revoke('con_facebook'));
    await matchesServer(error, 'POST', '/connections/con_facebook/revoke');
    expect(isAlreadyRevoked(error)).to.equal(true);
  });

  it('409 auth_config_missing names the app', async () => {
    const error = await failure(client.connections.reconnect('con_fub'));
    await matchesServer(error, 'POST', '/connections/con_fub/reconnect', {});
    expect((error as Error).message).to.contain('Follow Up Boss');
    expect(isAuthConfigMissing(error)).to.equal(true);
  });

  it('422 invalid_credentials carries the field errors', async () => {
    const fields = { api_key: 'wrong' };
    const error = await failure(client.connections.submitCredentials('con_mailchimp', fields));
    const api = await matchesServer(error, 'POST', '/connections/con_mailchimp/credentials', { fields });
    expect(api.fields).to.deep.equal((await raw('POST', '/connections/con_mailchimp/credentials', { fields })).fields);
    expect(api.fields!.map((f) => f.field)).to.deep.equal(['api_key']);
    expect(isInvalidCredentials(error)).to.equal(true);
  });

  it('403 for a client cancelling a request, which stays outstanding', async () => {
    const clientToken = await backend.token('client');
    const portal = createRelinkClient({ baseUrl: backend.baseUrl, token: clientToken, fetch: backend.fetch });
    const error = await failure(portal.connectionRequests.cancel('req_salesforce'));
    await matchesServer(error, 'POST', '/connection-requests/req_salesforce/cancel', undefined, clientToken);
    expect(isForbidden(error)).to.equal(true);
    expect((await client.connectionRequests.list({ state: 'outstanding' })).data.map((r) => r.id)).to.deep.equal(['req_salesforce']);
  });

  it('404 not_found', async () => {
    const error = await failure(client.connections.get('con_nope'));
    await matchesServer(error, 'GET', '/connections/con_nope');
    expect(isNotFound(error)).to.equal(true);
  });

  it('409 run_not_paused and run_not_terminal', async () => {
    const notPaused = await failure(client.runs.resume('run_completed'));
    await matchesServer(notPaused, 'POST', '/runs/run_completed/resume');
    expect(isRunNotPaused(notPaused)).to.equal(true);
    expect(isRunNotTerminal(notPaused)).to.equal(false);
    const notTerminal = await failure(client.runs.replay('run_running'));
    await matchesServer(notTerminal, 'POST', '/runs/run_running/replay');
    expect(isRunNotTerminal(notTerminal)).to.equal(true);
  });

  it('401 for an unknown token: a session error whose cause is the server\'s answer, naming no token', async () => {
    const leaked = 'tok_leaked_secret.c2lnbmF0dXJl';
    const stranger = createRelinkClient({ baseUrl: backend.baseUrl, token: leaked, fetch: backend.fetch });
    const error = await failure(stranger.viewer.get());
    expect(error).to.be.instanceOf(RelinkSessionError);
    await matchesServer((error as RelinkSessionError).cause, 'GET', '/me', undefined, leaked);
    expect(isUnauthorized(error)).to.equal(true);
    expect(`${(error as Error).message} ${(error as Error).stack}`).to.not.contain(leaked);
  });

  it('takes requestId from the body, else from the x-request-id header', async () => {
    const fromBody = await failure(client.connections.get('con_nope'));
    expect((fromBody as RelinkApiError).requestId).to.match(/^req_/);

    // A gateway in front of the server answers with its own page but passes the server's x-request-id through.
    backend.inject({ path: '/connections/con_nope', times: 1, rewriteBody: '<html>Not found</html>' });
    const fromHeader = await failure(client.connections.get('con_nope'));
    expect(fromHeader).to.include({ status: 404, code: 'unknown_error' });
    const sent = backend.seen('/connections/con_nope').length;
    expect(sent).to.equal(2);
    expect((fromHeader as RelinkApiError).requestId).to.match(/^req_/);
    expect((fromHeader as RelinkApiError).requestId).to.not.equal((fromBody as RelinkApiError).requestId);

    backend.inject({ path: '/me', times: 1, status: 429, body: 'Slow down', headers: { 'x-request-id': 'req_from_header' } });
    const limited = await failure(client.viewer.get());
    expect(limited).to.include({ status: 429, code: 'unknown_error', requestId: 'req_from_header' });
    expect(isRateLimited(limited)).to.equal(true);
  });

  it('a non-envelope error body becomes unknown_error naming the status', async () => {
    backend.inject({ path: '/me', times: 1, status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } });
    const error = await failure(client.viewer.get());
    expect(error).to.be.instanceOf(RelinkApiError);
    expect(error).to.include({ status: 502, code: 'unknown_error', message: 'Request failed with status 502: GET me' });
    backend.inject({ path: '/me', times: 1, status: 404, body: { message: 'not the envelope' } });
    const notFound = await failure(client.viewer.get());
    expect(notFound).to.include({ status: 404, code: 'unknown_error' });
    expect(isNotFound(notFound)).to.equal(true);
  });
});

describe('errors: transport failures', () => {
  let backend: Backend;
  let token: string;
  beforeEach(async () => {
    backend = startBackend();
    token = await backend.token('agency');
  });
  afterEach(() => backend.close());

  it('an aborted signal rejects with RelinkAbortError carrying the reason', async () => {
    const controller = new AbortController();
    // The answer waits until the abort has happened: no race with the clock.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const client = createRelinkClient({
      baseUrl: backend.baseUrl,
      token,
      fetch: async (input, init) => {
        controller.abort(new Error('user left the page'));
        await held;
        return backend.fetch(input, init);
      },
    });
    const error = await failure(client.viewer.get({ signal: controller.signal }));
    release();
    expect(error).to.be.instanceOf(RelinkAbortError);
    expect(error).to.include({ kind: 'abort', message: 'Request aborted: GET me' });
    expect(((error as RelinkAbortError).cause as Error).message).to.equal('user left the page');
    expect(isAbortError(error)).to.equal(true);
  });

  it('an already-aborted signal fails without a request', async () => {
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: backend.fetch });
    const error = await failure(client.connections.list({}, { signal: AbortSignal.abort() }));
    expect(error).to.be.instanceOf(RelinkAbortError);
    expect(backend.requests).to.have.length(0);
  });

  it('no answer within timeout → RelinkTimeoutError', async () => {
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, timeout: 30, fetch: () => new Promise<Response>(() => undefined) });
    const error = await failure(client.connections.get('con_slack'));
    expect(error).to.be.instanceOf(RelinkTimeoutError);
    expect(error).to.include({ kind: 'timeout', message: 'Request timed out after 30 ms: GET connections/con_slack' });
    expect(isTimeoutError(error)).to.equal(true);
    expect(isNetworkError(error)).to.equal(false);
  });

  it('the caller\'s AbortSignal.timeout() → RelinkTimeoutError', async () => {
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: () => new Promise<Response>(() => undefined) });
    const error = await failure(client.viewer.get({ signal: AbortSignal.timeout(20) }));
    expect(error).to.be.instanceOf(RelinkTimeoutError);
  });

  it('a fetch that throws TypeError → RelinkNetworkError with the cause, after retrying a GET', async () => {
    const cause = new TypeError('Failed to fetch');
    backend.inject({ path: '/me', times: 3, throws: cause });
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: backend.fetch, retry: { limit: 2, delay: () => 1 } });
    const error = await failure(client.viewer.get());
    expect(error).to.be.instanceOf(RelinkNetworkError);
    expect(error).to.include({ kind: 'network', message: 'Could not reach the Relink API: GET me' });
    expect((error as RelinkNetworkError).cause).to.equal(cause);
    expect(backend.seen('/me')).to.have.length(3);
    expect(isNetworkError(error)).to.equal(true);
    expect(isSessionExpired(error)).to.equal(false);
  });

  it('any other throw from fetch is a network error too', async () => {
    const cause = new Error('socket hang up');
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, retry: 0, fetch: () => Promise.reject(cause) });
    const error = await failure(client.viewer.get());
    expect(error).to.be.instanceOf(RelinkNetworkError);
    expect((error as RelinkNetworkError).cause).to.equal(cause);
  });

  it('a 2xx body that breaks the schema → RelinkResponseError naming the field path', async () => {
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: backend.fetch });
    const real = await client.connections.list();
    backend.inject({ path: '/connections', times: 1, status: 200, body: { ...real, data: [{ ...real.data[0], status: 'expired' }] } });
    const error = await failure(client.connections.list());
    expect(error).to.be.instanceOf(RelinkResponseError);
    const response = error as RelinkResponseError;
    expect(response.status).to.equal(200);
    expect(response.message).to.match(/^Unexpected response to GET connections: data\[0\]\.status: /);
    expect(response.issues).to.have.length(1);
    expect(response.issues[0]!.path).to.deep.equal(['data', 0, 'status']);
    expect(isResponseError(error)).to.equal(true);
  });

  it('a malformed date in a list response → RelinkResponseError naming its field (a date the calendar lacks too)', async () => {
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: backend.fetch });
    const real = await client.connections.list();
    for (const updatedAt of ['2026-11-01 10:00:00Z', '2026-02-30T10:00:00.000Z', 'yesterday']) {
      backend.inject({ path: '/connections', times: 1, status: 200, body: { ...real, data: [real.data[0], { ...real.data[1], updatedAt }] } });
      const error = await failure(client.connections.list());
      expect(error, updatedAt).to.be.instanceOf(RelinkResponseError);
      expect((error as RelinkResponseError).issues.map((issue) => issue.path)).to.deep.equal([['data', 1, 'updatedAt']]);
    }
  });

  it('a 200 that is not JSON, or empty, or a 204 → RelinkResponseError', async () => {
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: backend.fetch });
    backend.inject({ path: '/me', times: 1, status: 200, body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(await failure(client.viewer.get())).to.include({ message: 'Unexpected response to GET me: (root): the body is not JSON', status: 200 });
    backend.inject({ path: '/me', times: 1, status: 200, body: '' });
    expect(await failure(client.viewer.get())).to.be.instanceOf(RelinkResponseError);
    backend.inject({ path: '/notifications/ntf_hubspot/read', times: 1, status: 204 });
    const noContent = await failure(client.notifications.markRead('ntf_hubspot'));
    expect(noContent).to.be.instanceOf(RelinkResponseError);
    expect(noContent).to.include({ status: 204 });
  });
});

describe('errors: guards', () => {
  it('work across realms by name, and kinds discriminate', () => {
    const foreign = Object.assign(new Error('Connection cannot be refreshed.'), { name: 'RelinkApiError', kind: 'api', code: 'not_refreshable', status: 400 });
    expect(foreign instanceof RelinkApiError).to.equal(false);
    expect(isRelinkError(foreign)).to.equal(true);
    expect(isRelinkApiError(foreign)).to.equal(true);
    expect(isNotRefreshable(foreign)).to.equal(true);
    expect(isRelinkError(new Error('plain'))).to.equal(false);
    expect(isRelinkError(null)).to.equal(false);
    expect(isNotFound(undefined)).to.equal(false);
    const foreignSession = Object.assign(new Error('expired'), { name: 'RelinkSessionError', kind: 'session' });
    expect(isSessionExpired(foreignSession)).to.equal(true);
    expect(isRelinkError(foreignSession)).to.equal(true);

    const all: RelinkError[] = [
      new RelinkApiError({ status: 500, code: 'internal', message: 'x' }),
      new RelinkNetworkError('x', { cause: null }),
      new RelinkTimeoutError('x'),
      new RelinkAbortError('x', { cause: null }),
      new RelinkResponseError({ status: 200, issues: [], message: 'x' }),
      new RelinkSessionError('x', { cause: null }),
      new RelinkChunkLoadError('x', { cause: null }),
    ];
    expect(all.map((error) => error.kind)).to.deep.equal(['api', 'network', 'timeout', 'abort', 'response', 'session', 'chunk']);
    expect(all.every((error) => isRelinkError(error) && error instanceof Error)).to.equal(true);
    // Exactly one guard per kind: elements map kinds to copy, so a network failure must never read as a session one.
    const guards = [isRelinkApiError, isNetworkError, isTimeoutError, isAbortError, isResponseError, isSessionExpired, isChunkLoadError];
    expect(all.map((error) => guards.filter((guard) => guard(error)).length)).to.deep.equal([1, 1, 1, 1, 1, 1, 1]);
    expect(all.map(errorKind)).to.deep.equal(['api', 'network', 'timeout', 'abort', 'response', 'session', 'chunk']);
    const foreignChunk = Object.assign(new Error('did not load'), { name: 'RelinkChunkLoadError', kind: 'chunk' });
    expect([foreign, foreignSession, foreignChunk, new Error('plain'), undefined].map(errorKind)).to.deep.equal(['api', 'session', 'chunk', 'unknown', 'unknown']);
  });
});
