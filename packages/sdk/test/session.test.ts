// An expired session (issue 14) against the reference backend in the page: its clock is moved past a token's expiry,
// so the 401s and their messages are the server's own. The host's getter is asked for a new token once and the
// request retried; only when that fails does the caller get a RelinkSessionError.
import { expect } from '@open-wc/testing';
import {
  RelinkApiError,
  RelinkNetworkError,
  RelinkSessionError,
  createRelinkClient,
  isAbortError,
  isSessionExpired,
  isUnauthorized,
  type LiveStatus,
  type TokenRequest,
} from '@relink/sdk';
import { startBackend, type Backend } from './support/faults.js';

const HOUR = 3_600_000;
let backend: Backend;
/** How far the server's clock runs ahead of the page's. */
let skew = 0;
/** A token the server took a minute ago, expired now. */
let expired: string;

const rejection = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);

const until = async (predicate: () => boolean, what: string, timeout = 5000) => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** A host getter: the cached (expired) token, and a fresh one only when asked to renew; records each call. */
function hostGetter(renewal: () => Promise<string> = () => backend.token('agency')) {
  const calls: boolean[] = [];
  let current = expired;
  const getter = async (request?: TokenRequest) => {
    calls.push(request?.renew ?? false);
    if (request?.renew) current = await renewal();
    return current;
  };
  return { getter, calls };
}

beforeEach(async () => {
  skew = 0;
  backend = startBackend({
    clock: {
      now: () => new Date(Date.now() + skew),
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (handle: unknown) => clearTimeout(handle as number),
    },
  });
  expired = await backend.token('agency', 60);
  skew = HOUR; // the session above expired an hour ago
});
afterEach(() => backend.close());

describe('an expired session', () => {
  it('asks the getter for a new token and retries the request once', async () => {
    const { getter, calls } = hostGetter();
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter, retry: 0 });
    const page = await client.connections.list({ status: 'error' });
    expect(page.data).to.have.length(3);
    expect(calls).to.deep.equal([false, true]);
    const auth = backend.seen('/connections').map((r) => r.authorization);
    expect(auth).to.have.length(2);
    expect(auth[0]).to.equal(`Bearer ${expired}`);
    expect(auth[1]).to.not.equal(auth[0]);
  });

  it('a POST retried after the renewal keeps its Idempotency-Key, and the server acts once', async () => {
    const { getter } = hostGetter();
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter, retry: 0 });
    expect((await client.connections.revoke('con_slack')).status).to.equal('revoked');
    const [first, second] = backend.seen('/connections/con_slack/revoke');
    expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
  });

  it('requests refused together share one renewal', async () => {
    const { getter, calls } = hostGetter();
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter, retry: 0 });
    await Promise.all([client.viewer.get(), client.connections.list(), client.runs.list()]);
    expect(calls.filter(Boolean)).to.have.length(1);
  });

  it('a getter that fails to renew gives a RelinkSessionError with what it threw', async () => {
    const cause = new Error('The host could not start a session (503).');
    const { getter } = hostGetter(() => Promise.reject(cause));
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter, retry: 0 });
    const error = await rejection(client.viewer.get());
    expect(error).to.be.instanceOf(RelinkSessionError);
    expect(error).to.include({ kind: 'session', name: 'RelinkSessionError', status: 401 });
    expect((error as RelinkSessionError).cause).to.equal(cause);
    expect((error as RelinkSessionError).requestId).to.match(/^req_/);
    expect(isSessionExpired(error)).to.equal(true);
    expect(isUnauthorized(error)).to.equal(true);
    expect(backend.seen('/me')).to.have.length(1);
  });

  it('a renewed token the server refuses too gives a RelinkSessionError after exactly one retry', async () => {
    const alsoExpired = expired;
    const { getter } = hostGetter(async () => alsoExpired);
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter });
    const error = await rejection(client.viewer.get());
    expect(isSessionExpired(error)).to.equal(true);
    const cause = (error as RelinkSessionError).cause;
    expect(cause).to.be.instanceOf(RelinkApiError);
    expect(cause).to.include({ status: 401, code: 'unauthorized', message: 'The session token has expired. Mint a new one.' });
    expect(backend.seen('/me')).to.have.length(2);
  });

  it('a caller that aborts while the token is renewed gets a RelinkAbortError, and the request is not sent again', async () => {
    const controller = new AbortController();
    const { getter } = hostGetter(async () => {
      controller.abort();
      return backend.token('agency');
    });
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter, retry: 0 });
    const error = await rejection(client.viewer.get({ signal: controller.signal }));
    expect(isAbortError(error)).to.equal(true);
    expect(backend.seen('/me')).to.have.length(1);
  });

  it('a fixed string token is not renewed: one request, then a RelinkSessionError', async () => {
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: expired });
    const error = await rejection(client.viewer.get());
    expect(isSessionExpired(error)).to.equal(true);
    expect((error as RelinkSessionError).cause).to.include({ status: 401, message: 'The session token has expired. Mint a new one.' });
    expect(backend.seen('/me')).to.have.length(1);
  });

  it('a network failure on the retry stays a RelinkNetworkError, not a session error', async () => {
    const { getter } = hostGetter(async () => {
      backend.inject({ path: '/me', times: 1, throws: new TypeError('Failed to fetch') });
      return backend.token('agency');
    });
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter, retry: 0 });
    const error = await rejection(client.viewer.get());
    expect(error).to.be.instanceOf(RelinkNetworkError);
    expect(isSessionExpired(error)).to.equal(false);
  });

  it('the live stream renews its token and resumes by itself', async () => {
    const { getter, calls } = hostGetter();
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter });
    const statuses: LiveStatus[] = [];
    const seen: string[] = [];
    const abort = new AbortController();
    try {
      void client.events.subscribe({
        signal: abort.signal,
        onStatus: (status) => statuses.push(status),
        onEvent: (event) => {
          if (event.type === 'connection.updated') seen.push(`${event.connection.id}:${event.connection.status}`);
        },
      });
      await until(() => statuses.includes('open'), 'the stream to open');
      expect(calls).to.deep.equal([false, true]);
      expect(statuses).to.deep.equal(['connecting', 'reconnecting', 'open']);
      const other = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: await backend.token('agency') });
      await other.connections.revoke('con_linkedin');
      await until(() => seen.includes('con_linkedin:revoked'), 'the change made elsewhere');
    } finally {
      abort.abort();
    }
  });

  it('while the getter cannot renew, the stream keeps trying with backoff, and opens once it can', async () => {
    let failuresLeft = 2;
    const { getter, calls } = hostGetter(async () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new TypeError('Failed to fetch'); // the host's own backend is unreachable for a moment
      }
      return backend.token('agency');
    });
    const client = createRelinkClient({ baseUrl: backend.baseUrl, fetch: backend.fetch, token: getter });
    const statuses: LiveStatus[] = [];
    const abort = new AbortController();
    try {
      void client.events.subscribe({ signal: abort.signal, initialDelay: 5, maxDelay: 20, onStatus: (status) => statuses.push(status), onEvent: () => undefined });
      await until(() => statuses.includes('open'), 'the stream to open');
      expect(calls).to.deep.equal([false, true, true, true]);
      expect(failuresLeft).to.equal(0);
    } finally {
      abort.abort();
    }
  });
});
