import { expect } from '@open-wc/testing';
import {
  RelinkAbortError,
  RelinkApiError,
  type RelinkError,
  RelinkNetworkError,
  RelinkResponseError,
  RelinkTimeoutError,
  createRelinkClient,
  isAbortError,
  isAlreadyRevoked,
  isAuthConfigMissing,
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
  isTimeoutError,
  isUnauthorized,
  type RelinkClient,
} from '@relink/sdk';
import { BASE_URL, ContractServer, NOT_REFRESHABLE, makeConnection } from './support/contract-server.js';

const SECRET = 'tok_agency';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** Asserts the common shape of an API error and that the token leaked into nothing a caller might log. */
function apiError(error: unknown, status: number, code: string, message: string): RelinkApiError {
  expect(error).to.be.instanceOf(RelinkApiError);
  const api = error as RelinkApiError;
  expect(api.kind).to.equal('api');
  expect(api.name).to.equal('RelinkApiError');
  expect({ status: api.status, code: api.code, message: api.message }).to.deep.equal({ status, code, message });
  expect(api.requestId).to.match(/^req_/);
  expect(`${api.message} ${api.stack} ${JSON.stringify(api)}`).to.not.contain(SECRET);
  return api;
}

describe('errors: documented API errors', () => {
  const server = new ContractServer();
  let client: RelinkClient;
  beforeEach(() => {
    server.reset();
    client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, fetch: server.fetch, retry: 0 });
  });

  it('400 not_refreshable keeps the server message word for word', async () => {
    const error = await failure(client.connections.refresh('con_hubspot'));
    apiError(error, 400, 'not_refreshable', NOT_REFRESHABLE);
    expect(NOT_REFRESHABLE).to.equal('Connection cannot be refreshed. Please reconnect your connection.');
    expect(isNotRefreshable(error)).to.equal(true);
    expect(isAlreadyRevoked(error)).to.equal(false);
  });

  it('409 already_revoked', async () => {
    const error = await failure(client.connections.revoke('con_revoked'));
    apiError(error, 409, 'already_revoked', 'This connection is already revoked.');
    expect(isAlreadyRevoked(error)).to.equal(true);
  });

  it('409 auth_config_missing', async () => {
    const error = await failure(client.connections.reconnect('con_fub'));
    apiError(error, 409, 'auth_config_missing', 'Follow Up Boss needs its managed auth config before it can be connected.');
    expect(isAuthConfigMissing(error)).to.equal(true);
  });

  it('422 invalid_credentials carries the field errors', async () => {
    const error = await failure(client.connections.submitCredentials('con_mailchimp', { api_key: 'wrong' }));
    const api = apiError(error, 422, 'invalid_credentials', 'Check the highlighted fields.');
    expect(api.fields).to.deep.equal([
      { field: 'server_prefix', message: 'Server prefix is required.' },
      { field: 'api_key', message: 'Mailchimp rejected this API key.' },
    ]);
    expect(isInvalidCredentials(error)).to.equal(true);
  });

  it('403 for a client cancelling a request', async () => {
    const portal = createRelinkClient({ baseUrl: BASE_URL, token: 'tok_client', fetch: server.fetch });
    const error = await failure(portal.connectionRequests.cancel('req_1'));
    expect(error).to.be.instanceOf(RelinkApiError);
    expect(error).to.include({ status: 403, code: 'forbidden', message: 'Only the agency can cancel connection requests.' });
    expect(isForbidden(error)).to.equal(true);
    expect(server.data.requests[0]!.state).to.equal('outstanding');
  });

  it('404 not_found', async () => {
    const error = await failure(client.connections.get('con_nope'));
    apiError(error, 404, 'not_found', 'No such resource: con_nope.');
    expect(isNotFound(error)).to.equal(true);
  });

  it('409 run_not_paused and run_not_terminal', async () => {
    const notPaused = await failure(client.runs.resume('run_running'));
    apiError(notPaused, 409, 'run_not_paused', 'Only a paused run can be resumed.');
    expect(isRunNotPaused(notPaused)).to.equal(true);
    expect(isRunNotTerminal(notPaused)).to.equal(false);
    const notTerminal = await failure(client.runs.replay('run_paused'));
    apiError(notTerminal, 409, 'run_not_terminal', 'Only a completed, failed or cancelled run can be replayed.');
    expect(isRunNotTerminal(notTerminal)).to.equal(true);
  });

  it('401 for an unknown token, which appears in no message', async () => {
    const stranger = createRelinkClient({ baseUrl: BASE_URL, token: 'tok_leaked_secret', fetch: server.fetch });
    const error = await failure(stranger.viewer.get());
    expect(error).to.include({ status: 401, code: 'unauthorized', message: 'Missing or expired session token.' });
    expect(isUnauthorized(error)).to.equal(true);
    expect(String((error as Error).stack)).to.not.contain('tok_leaked_secret');
  });

  it('takes requestId from the body, else from x-request-id', async () => {
    server.on({ path: '/me', times: 1, status: 429, body: { error: { code: 'rate_limited', message: 'Slow down.', requestId: 'req_body' } } });
    const error = await failure(client.viewer.get());
    expect(error).to.include({ status: 429, code: 'rate_limited', requestId: 'req_body' });
    expect(isRateLimited(error)).to.equal(true);
  });

  it('a non-envelope error body becomes unknown_error naming the status', async () => {
    server.on({ path: '/me', times: 1, status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } });
    const error = await failure(client.viewer.get());
    expect(error).to.be.instanceOf(RelinkApiError);
    expect(error).to.include({ status: 502, code: 'unknown_error', message: 'Request failed with status 502: GET me' });
    server.on({ path: '/me', times: 1, status: 404, body: { message: 'not the envelope' } });
    const notFound = await failure(client.viewer.get());
    expect(notFound).to.include({ status: 404, code: 'unknown_error' });
    expect(isNotFound(notFound)).to.equal(true);
  });
});

describe('errors: transport failures', () => {
  const server = new ContractServer();
  beforeEach(() => server.reset());

  it('an aborted signal rejects with RelinkAbortError carrying the reason', async () => {
    server.on({ path: '/me', times: 1, delay: 500 });
    const client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, fetch: server.fetch });
    const controller = new AbortController();
    const pending = client.viewer.get({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left the page')), 20);
    const error = await failure(pending);
    expect(error).to.be.instanceOf(RelinkAbortError);
    expect(error).to.include({ kind: 'abort', message: 'Request aborted: GET me' });
    expect(((error as RelinkAbortError).cause as Error).message).to.equal('user left the page');
    expect(isAbortError(error)).to.equal(true);
  });

  it('an already-aborted signal fails without a request', async () => {
    const client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, fetch: server.fetch });
    const error = await failure(client.connections.list({}, { signal: AbortSignal.abort() }));
    expect(error).to.be.instanceOf(RelinkAbortError);
    expect(server.requests).to.have.length(0);
  });

  it('no answer within timeout → RelinkTimeoutError', async () => {
    server.on({ path: '/connections/con_slack', times: 1, delay: 300 });
    const client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, fetch: server.fetch, timeout: 30 });
    const error = await failure(client.connections.get('con_slack'));
    expect(error).to.be.instanceOf(RelinkTimeoutError);
    expect(error).to.include({ kind: 'timeout', message: 'Request timed out after 30 ms: GET connections/con_slack' });
    expect(isTimeoutError(error)).to.equal(true);
  });

  it('the caller\'s AbortSignal.timeout() → RelinkTimeoutError', async () => {
    server.on({ path: '/me', times: 1, delay: 300 });
    const client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, fetch: server.fetch });
    const error = await failure(client.viewer.get({ signal: AbortSignal.timeout(20) }));
    expect(error).to.be.instanceOf(RelinkTimeoutError);
  });

  it('a fetch that throws TypeError → RelinkNetworkError with the cause, after retrying a GET', async () => {
    const cause = new TypeError('Failed to fetch');
    server.on({ path: '/me', times: 3, throws: cause });
    const client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, fetch: server.fetch, retry: { limit: 2, delay: () => 1 } });
    const error = await failure(client.viewer.get());
    expect(error).to.be.instanceOf(RelinkNetworkError);
    expect(error).to.include({ kind: 'network', message: 'Could not reach the Relink API: GET me' });
    expect((error as RelinkNetworkError).cause).to.equal(cause);
    expect(server.seen('/me')).to.have.length(3);
    expect(isNetworkError(error)).to.equal(true);
  });

  it('any other throw from fetch is a network error too', async () => {
    const cause = new Error('socket hang up');
    const client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, retry: 0, fetch: () => Promise.reject(cause) });
    const error = await failure(client.viewer.get());
    expect(error).to.be.instanceOf(RelinkNetworkError);
    expect((error as RelinkNetworkError).cause).to.equal(cause);
  });

  it('a 2xx body that breaks the schema → RelinkResponseError naming the field path', async () => {
    server.on({ path: '/connections', times: 1, status: 200, body: { data: [{ ...makeConnection({ id: 'con_1' }), status: 'expired' }], nextCursor: null } });
    const client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, fetch: server.fetch });
    const error = await failure(client.connections.list());
    expect(error).to.be.instanceOf(RelinkResponseError);
    const response = error as RelinkResponseError;
    expect(response.status).to.equal(200);
    expect(response.message).to.match(/^Unexpected response to GET connections: data\[0\]\.status: /);
    expect(response.issues).to.have.length(1);
    expect(response.issues[0]!.path).to.deep.equal(['data', 0, 'status']);
    expect(isResponseError(error)).to.equal(true);
  });

  it('a 200 that is not JSON, or empty, or a 204 → RelinkResponseError', async () => {
    const client = createRelinkClient({ baseUrl: BASE_URL, token: SECRET, fetch: server.fetch });
    server.on({ path: '/me', times: 1, status: 200, body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(await failure(client.viewer.get())).to.include({ message: 'Unexpected response to GET me: (root): the body is not JSON', status: 200 });
    server.on({ path: '/me', times: 1, status: 200, body: '' });
    expect(await failure(client.viewer.get())).to.be.instanceOf(RelinkResponseError);
    server.on({ path: '/notifications/ntf_1/read', times: 1, status: 204 });
    const noContent = await failure(client.notifications.markRead('ntf_1'));
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

    const all: RelinkError[] = [
      new RelinkApiError({ status: 500, code: 'internal', message: 'x' }),
      new RelinkNetworkError('x', { cause: null }),
      new RelinkTimeoutError('x'),
      new RelinkAbortError('x', { cause: null }),
      new RelinkResponseError({ status: 200, issues: [], message: 'x' }),
    ];
    expect(all.map((error) => error.kind)).to.deep.equal(['api', 'network', 'timeout', 'abort', 'response']);
    expect(all.every((error) => isRelinkError(error) && error instanceof Error)).to.equal(true);
  });
});
