import { expect } from '@open-wc/testing';
import FakeTimers from '@sinonjs/fake-timers';
import { RelinkAbortError, RelinkApiError, RelinkNetworkError, createRelinkClient } from '@relink/sdk';
import { startBackend, type Backend } from './support/faults.js';

// Retries against the reference backend in the page. The faults that make a request worth retrying (503 and 429
// with Retry-After, 5xx, dropped connections, a lost answer) are injected by support/faults.ts, because a healthy
// server does not produce them; what the server does with a replayed Idempotency-Key is the server's own rule.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Captured before any test fakes timers: response bodies resolve on the real event loop, not on the fake clock.
const realSetTimeout = globalThis.setTimeout;

/** Settles a promise without letting an unhandled rejection escape while the clock is still being ticked. */
function track<T>(promise: Promise<T>) {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return state;
}

describe('retry', () => {
  let server: Backend;
  let tokens: { agency: string; client: string };
  let clock: FakeTimers.Clock;

  beforeEach(async () => {
    server = startBackend();
    tokens = { agency: await server.token('agency'), client: await server.token('client') };
    // A whole second, so an HTTP-date Retry-After (second precision) is exact; the tokens above stay valid.
    clock = FakeTimers.withGlobal(globalThis).install({ now: Math.ceil(Date.now() / 1000) * 1000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    clock.uninstall();
    server.close();
  });

  /** Lets pending work that needs no clock time (body reads, hooks) finish, without moving the clock. */
  async function settle(call: { done: boolean }): Promise<void> {
    for (let turn = 0; turn < 50 && !call.done; turn += 1) {
      await clock.tickAsync(0);
      await new Promise((resolve) => realSetTimeout(resolve, 0));
    }
  }

  const client = (options: Parameters<typeof createRelinkClient>[0] extends infer O ? Partial<O> : never = {}) =>
    createRelinkClient({ baseUrl: server.baseUrl, token: tokens.agency, fetch: server.fetch, ...options });

  it('a GET waits exactly Retry-After seconds after a 503, then succeeds', async () => {
    server.inject({ path: '/connections', times: 1, status: 503, headers: { 'retry-after': '2' }, body: { error: { code: 'unavailable', message: 'Down for a moment.' } } });
    const call = track(client().connections.list());
    await clock.tickAsync(1999);
    expect(server.seen('/connections')).to.have.length(1);
    expect(call.done).to.equal(false);
    await clock.tickAsync(1);
    expect(server.seen('/connections')).to.have.length(2);
    await settle(call);
    expect(call.done).to.equal(true);
    expect(call.value!.data).to.have.length(9);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 3000).toUTCString(); // "Sun, 01 Nov 2026 10:00:03 GMT"
    server.inject({ path: '/me', times: 1, status: 429, headers: { 'retry-after': at }, body: { error: { code: 'rate_limited', message: 'Slow down.' } } });
    const call = track(client().viewer.get());
    await clock.tickAsync(2999);
    expect(server.seen('/me')).to.have.length(1);
    await clock.tickAsync(1);
    await settle(call);
    expect(server.seen('/me')).to.have.length(2);
    expect(call.value!.role).to.equal('agency');
  });

  it('without Retry-After backs off exponentially with jitter, then gives up after 2 retries', async () => {
    server.inject({ path: '/me', times: 5, status: 500, body: { error: { code: 'internal', message: 'Oops.' } } });
    const random = Math.random;
    Math.random = () => 0.5; // full jitter: half of 300 ms, then half of 600 ms
    try {
      const call = track(client().viewer.get());
      await clock.tickAsync(149);
      expect(server.seen('/me')).to.have.length(1);
      await clock.tickAsync(1);
      expect(server.seen('/me')).to.have.length(2);
      await clock.tickAsync(299);
      expect(server.seen('/me')).to.have.length(2);
      await clock.tickAsync(1);
      await settle(call);
      expect(server.seen('/me')).to.have.length(3);
      expect(call.error).to.be.instanceOf(RelinkApiError);
      expect(call.error).to.include({ status: 500 }); // the last attempt's answer; its words are the injected fault's, not checked
    } finally {
      Math.random = random;
    }
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    const call = track(client().connections.get('con_nope'));
    await clock.tickAsync(5000);
    await settle(call);
    expect(call.error).to.include({ status: 404 });
    expect(server.seen('/connections/con_nope')).to.have.length(1);
  });

  it('caps a huge Retry-After at maxRetryAfter (60 s by default)', async () => {
    server.inject({ path: '/me', times: 1, status: 503, headers: { 'retry-after': '3600' } });
    const call = track(client().viewer.get());
    await clock.tickAsync(59_999);
    expect(server.seen('/me')).to.have.length(1);
    await clock.tickAsync(1);
    await settle(call);
    expect(call.value!.role).to.equal('agency');
  });

  it('retry: 0 turns retries off', async () => {
    server.inject({ path: '/me', times: 1, status: 503, headers: { 'retry-after': '1' } });
    const call = track(client({ retry: 0 }).viewer.get());
    await settle(call);
    expect(call.error).to.include({ status: 503, code: 'unknown_error' });
    expect(server.seen('/me')).to.have.length(1);
  });

  it('aborting during the wait rejects at once with RelinkAbortError and sends nothing more', async () => {
    server.inject({ path: '/me', times: 1, status: 503, headers: { 'retry-after': '10' } });
    const controller = new AbortController();
    const call = track(client().viewer.get({ signal: controller.signal }));
    await clock.tickAsync(1000);
    controller.abort();
    await settle(call);
    expect(call.error).to.be.instanceOf(RelinkAbortError);
    await clock.tickAsync(20_000);
    expect(server.seen('/me')).to.have.length(1);
  });

  it('reads the token again for a retry', async () => {
    const queue = [tokens.agency, tokens.client];
    server.inject({ path: '/me', times: 1, status: 503, headers: { 'retry-after': '1' } });
    const call = track(client({ token: () => queue.shift() }).viewer.get());
    await clock.tickAsync(1000);
    await settle(call);
    expect(server.seen('/me').map((request) => request.authorization)).to.deep.equal([`Bearer ${tokens.agency}`, `Bearer ${tokens.client}`]);
    expect(call.value!.role).to.equal('client');
  });

  describe('POST', () => {
    it('sends one Idempotency-Key per call, stable across its retry after 503 + Retry-After', async () => {
      server.inject({ path: '/connections/con_slack/revoke', times: 1, status: 503, headers: { 'retry-after': '1' } });
      const call = track(client().connections.revoke('con_slack'));
      await clock.tickAsync(1000);
      await settle(call);
      const [first, second] = server.seen('/connections/con_slack/revoke');
      expect(first!.idempotencyKey).to.match(UUID);
      expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
      expect(call.value!.status).to.equal('revoked');

      await client().connections.revoke('con_slack').catch(() => undefined);
      const third = server.seen('/connections/con_slack/revoke')[2]!;
      expect(third.idempotencyKey).to.match(UUID);
      expect(third.idempotencyKey).to.not.equal(first!.idempotencyKey);
    });

    /** Replays of a run, as the server lists them (the clock is fake, but this needs no time). */
    const replaysOf = async (id: string) => (await client().runs.list({ limit: 100 })).data.filter((run) => run.replayOf === id);

    it('retries after a network error with the same key; the server acts once', async () => {
      server.inject({ path: '/runs/run_failed/replay', times: 1, throws: new TypeError('Failed to fetch') });
      const call = track(client().runs.replay('run_failed'));
      await clock.tickAsync(1000);
      await settle(call);
      const attempts = server.seen('/runs/run_failed/replay');
      expect(attempts).to.have.length(2);
      expect(attempts[1]!.idempotencyKey).to.equal(attempts[0]!.idempotencyKey);
      expect(call.value!.replayOf).to.equal('run_failed');
      expect(await replaysOf('run_failed')).to.have.length(1);
    });

    it('a replayed key gets the first outcome, not a second action', async () => {
      // The first attempt is processed but its answer is lost: the retry must not replay the run twice.
      server.inject({ path: '/runs/run_failed/replay', times: 1, loseAnswer: new TypeError('Failed to fetch') });
      const call = track(client().runs.replay('run_failed'));
      // The lost answer comes after the server's work, which takes real turns: step the clock until the retry.
      for (let turn = 0; turn < 100 && server.seen('/runs/run_failed/replay').length < 2; turn += 1) {
        await clock.tickAsync(50);
        await new Promise((resolve) => realSetTimeout(resolve, 0));
      }
      await settle(call);
      expect(server.seen('/runs/run_failed/replay')).to.have.length(2);
      const replays = await replaysOf('run_failed');
      expect(replays).to.have.length(1);
      expect(call.value!.id).to.equal(replays[0]!.id);
    });

    it('is not retried on 500, 502 or 504', async () => {
      for (const status of [500, 502, 504]) {
        server.requests.length = 0;
        server.inject({ path: '/runs/run_operator_reauth/resume', times: 1, status, body: { error: { code: 'internal', message: 'Oops.' } } });
        const call = track(client().runs.resume('run_operator_reauth'));
        await clock.tickAsync(5000);
        await settle(call);
        expect(call.error).to.include({ status });
        expect(server.seen('/runs/run_operator_reauth/resume')).to.have.length(1);
      }
    });

    it('is retried on 408 and 429', async () => {
      for (const status of [408, 429]) {
        server.requests.length = 0;
        server.inject({ path: '/notifications/ntf_hubspot/read', times: 1, status });
        const call = track(client().notifications.markRead('ntf_hubspot'));
        await clock.tickAsync(1000);
        await settle(call);
        expect(server.seen('/notifications/ntf_hubspot/read')).to.have.length(2);
        expect(call.value!.read).to.equal(true);
      }
    });

    it('gives up with RelinkNetworkError after the retry limit', async () => {
      server.inject({ path: '/connections/con_slack/refresh', times: 3, throws: new TypeError('Failed to fetch') });
      const call = track(client().connections.refresh('con_slack'));
      await clock.tickAsync(2000);
      await settle(call);
      expect(call.error).to.be.instanceOf(RelinkNetworkError);
      expect(server.seen('/connections/con_slack/refresh')).to.have.length(3);
    });
  });
});
