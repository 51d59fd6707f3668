import { expect } from '@open-wc/testing';
import { createInPageRelink, type InPageRelink } from '@relink/server/browser';
import {
  createRelinkClient,
  createRelinkStore,
  fieldErrors,
  isAbortError,
  isInvalidCredentials,
  isNotRefreshable,
  selectExpiringSoon,
  selectPausedForReauth,
  selectReauthNeeded,
  type RelinkClient,
} from '@relink/sdk';

/**
 * The in-page reference backend, with a fetch that counts requests per path and records those whose signal aborted
 * (the real fetch does the work). `hold()` keeps requests in flight until its `release()`, so a test can abort one.
 */
async function setup(role: 'agency' | 'client' = 'agency') {
  const server = createInPageRelink({ rateLimit: false });
  const calls: string[] = [];
  const aborted: string[] = [];
  let gate: Promise<void> | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const call = `${request.method} ${new URL(request.url).pathname}`;
    calls.push(call);
    request.signal.addEventListener('abort', () => aborted.push(call), { once: true });
    await gate;
    return server.fetch(request);
  };
  const hold = () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    return () => {
      gate = undefined;
      release();
    };
  };
  const token = await server.mintToken(role, role === 'agency' ? 'prn_agency' : 'prn_client');
  const client = createRelinkClient({ baseUrl: server.baseUrl, fetch, token });
  const store = createRelinkStore(client);
  return { server, client, store, calls, aborted, hold, token };
}

const until = async (predicate: () => boolean, what: string, timeout = 4000) => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('RelinkStore against the reference backend', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  const stops: Array<() => void> = [];
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    ctx?.server.close();
  });

  it('loads lazily, shares identical loads in flight, and keeps the snapshot immutable', async () => {
    ctx = await setup();
    const before = ctx.store.getSnapshot();
    expect(before.connections.status).to.equal('idle');
    expect(ctx.calls).to.deep.equal([]);

    await Promise.all([ctx.store.connections.load(), ctx.store.connections.load()]);
    expect(ctx.calls.filter((c) => c === 'GET /v1/connections')).to.have.length(1);

    const after = ctx.store.getSnapshot();
    expect(after).to.not.equal(before);
    expect(before.connections.status).to.equal('idle');
    expect(after.connections.status).to.equal('ready');
    expect(after.connections.byId.get('con_hubspot')?.status).to.equal('error');
    expect(ctx.store.getSnapshot()).to.equal(after);
  });

  it('notifies subscribers once per change and never when nothing changed', async () => {
    ctx = await setup();
    let calls = 0;
    const unsubscribe = ctx.store.subscribe(() => (calls += 1));
    await ctx.store.connections.load();
    await Promise.resolve();
    const afterLoad = calls;
    expect(afterLoad).to.be.greaterThan(0);

    // The same server answer again: snapshot unchanged for the connection rows, so no row object changes identity.
    const slack = ctx.store.getSnapshot().connections.byId.get('con_slack');
    await ctx.store.connections.get('con_slack');
    await Promise.resolve();
    expect(ctx.store.getSnapshot().connections.byId.get('con_slack')).to.equal(slack);

    unsubscribe();
    await ctx.store.refresh('con_slack');
    await Promise.resolve();
    expect(calls).to.equal(afterLoad);
  });

  it('surfaces load errors per collection, typed, and recovers on retry', async () => {
    ctx = await setup();
    let fail = true;
    const flaky = createRelinkClient({
      baseUrl: ctx.server.baseUrl,
      token: ctx.token,
      retry: 0,
      fetch: (input, init) => (fail ? Promise.reject(new TypeError('Failed to fetch')) : ctx.server.fetch(input, init)),
    });
    const store = createRelinkStore(flaky);
    let error: unknown;
    await store.connections.load().catch((e) => (error = e));
    expect(store.getSnapshot().connections.status).to.equal('error');
    expect(store.getSnapshot().connections.error).to.equal(error);
    expect((error as Error).name).to.equal('RelinkNetworkError');
    fail = false;
    await store.connections.load();
    expect(store.getSnapshot().connections.status).to.equal('ready');
  });

  it('makes one request for two refresh clicks in flight, and updates the row from the answer', async () => {
    ctx = await setup();
    await ctx.store.connections.load();
    const [a, b] = await Promise.all([ctx.store.refresh('con_slack'), ctx.store.refresh('con_slack')]);
    expect(a).to.equal(b);
    expect(ctx.calls.filter((c) => c === 'POST /v1/connections/con_slack/refresh')).to.have.length(1);
    expect(ctx.store.getSnapshot().connections.byId.get('con_slack')?.lastRefreshedAt).to.equal(a.lastRefreshedAt);
  });

  it('passes the server error through unchanged when a refresh is refused', async () => {
    ctx = await setup();
    await ctx.store.connections.load();
    let error: unknown;
    await ctx.store.refresh('con_quickbooks').catch((e) => (error = e));
    expect(isNotRefreshable(error)).to.equal(true);
    expect((error as Error).message).to.equal('Connection cannot be refreshed. Please reconnect your connection.');
    expect(ctx.store.getSnapshot().connections.byId.get('con_quickbooks')?.status).to.equal('error');
  });

  it('derives the banner, the paused-for-reauth runs and the expiring connections', async () => {
    ctx = await setup();
    await Promise.all([ctx.store.connections.load(), ctx.store.notifications.load(), ctx.store.runs.load()]);
    const snapshot = ctx.store.getSnapshot();
    const reauth = selectReauthNeeded(snapshot);
    expect(reauth.count).to.equal(3);
    expect(reauth.firstAppName).to.equal('HubSpot');
    expect(reauth.more).to.equal(2);
    expect(selectReauthNeeded(snapshot)).to.equal(reauth); // memoised

    const paused = selectPausedForReauth(snapshot);
    expect(paused.map((run) => run.kind).sort()).to.deep.equal(['agent', 'operator']);
    expect(paused.every((run) => run.blockedConnectionId === 'con_hubspot')).to.equal(true);

    const expiring = selectExpiringSoon(snapshot, ctx.store.expiringWithinDays);
    expect(expiring.map((e) => [e.connection.app.name, e.daysLeft])).to.deep.equal([['LinkedIn', 5]]);
    expect(selectExpiringSoon(snapshot, 3)).to.deep.equal([]);
  });

  it('a client sees only its own connections', async () => {
    ctx = await setup('client');
    await ctx.store.connections.load();
    const names = ctx.store.getSnapshot().connections.items.map((c) => c.app.name).sort();
    expect(names).to.deep.equal(['Facebook Pages', 'Google Drive', 'QuickBooks', 'Slack']);
  });

  it('replays a terminal run and adds the new run; refuses to resume a running one with the typed error', async () => {
    ctx = await setup();
    await ctx.store.runs.load();
    const failed = ctx.store.getSnapshot().runs.items.find((run) => run.status === 'failed');
    const running = ctx.store.getSnapshot().runs.items.find((run) => run.status === 'running');
    const replay = await ctx.store.replay(failed!.id);
    expect(replay.replayOf).to.equal(failed!.id);
    expect(ctx.store.getSnapshot().runs.byId.get(replay.id)).to.deep.equal(replay);
    let error: unknown;
    await ctx.store.resume(running!.id).catch((e) => (error = e));
    expect((error as { code?: string }).code).to.equal('run_not_paused');
  });

  it('gets one run without loading the list, and rejects an unknown one with the typed 404', async () => {
    ctx = await setup();
    const run = await ctx.store.runs.get('run_failed');
    expect(run.status).to.equal('failed');
    expect(ctx.store.getSnapshot().runs.byId.get('run_failed')).to.deep.equal(run);
    expect(ctx.store.getSnapshot().runs.status).to.equal('idle');
    expect(ctx.calls.filter((call) => call.endsWith('/runs'))).to.deep.equal([]);
    const error = await ctx.store.runs.get('run_nope').catch((e: unknown) => e);
    expect((error as { status?: number }).status).to.equal(404);
  });
});

describe('cancellable loads', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  afterEach(() => ctx?.server.close());
  const connectionLists = () => ctx.calls.filter((call) => call === 'GET /v1/connections').length;

  it('a sole caller that aborts cancels the request, at once, and leaves the collection as it was', async () => {
    ctx = await setup();
    const release = ctx.hold();
    const controller = new AbortController();
    const load = ctx.store.connections.load({ signal: controller.signal });
    await until(() => connectionLists() === 1, 'the request to be sent');
    expect(ctx.store.getSnapshot().connections.status).to.equal('loading');
    controller.abort();
    const error = await load.catch((e: unknown) => e);
    expect(isAbortError(error), String(error)).to.equal(true);
    expect(ctx.aborted).to.deep.equal(['GET /v1/connections']);
    expect(ctx.store.getSnapshot().connections).to.include({ status: 'idle', error: undefined });
    release();
    // The next load starts afresh rather than joining the aborted one.
    await ctx.store.connections.load();
    expect(connectionLists()).to.equal(2);
    expect(ctx.store.getSnapshot().connections.status).to.equal('ready');
  });

  it('one of two callers aborting stops only its own wait; the shared request goes on for the other', async () => {
    ctx = await setup();
    const release = ctx.hold();
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = ctx.store.connections.load({ signal: leaving.signal });
    const stayed = ctx.store.connections.load({ signal: staying.signal });
    await until(() => connectionLists() === 1, 'the request to be sent');
    leaving.abort();
    expect(isAbortError(await left.catch((e: unknown) => e))).to.equal(true);
    release();
    // The other caller's load completing proves the request was not aborted (an aborted one rejects).
    await stayed;
    expect(ctx.aborted).to.deep.equal([]);
    expect(connectionLists()).to.equal(1);
    expect(ctx.store.getSnapshot().connections.status).to.equal('ready');
  });

  it('an aborted reload never shows an error: the loaded collection stays ready, and a later load succeeds', async () => {
    ctx = await setup();
    await ctx.store.notifications.load();
    const loaded = ctx.store.getSnapshot().notifications;
    const statuses: string[] = [];
    const unsubscribe = ctx.store.subscribe(() => statuses.push(ctx.store.getSnapshot().notifications.status));
    const release = ctx.hold();
    const first = new AbortController();
    const second = new AbortController();
    const loads = [first, second].map((c) => ctx.store.notifications.load({ signal: c.signal }).catch((e: unknown) => e));
    await until(() => ctx.calls.filter((call) => call === 'GET /v1/notifications').length === 2, 'the reload to be sent');
    first.abort();
    expect(ctx.aborted).to.deep.equal([]);
    second.abort();
    const errors = await Promise.all(loads);
    expect(errors.every(isAbortError)).to.equal(true);
    expect(ctx.aborted).to.deep.equal(['GET /v1/notifications']);
    const after = ctx.store.getSnapshot().notifications;
    expect(after).to.include({ status: 'ready', error: undefined });
    expect(after.items).to.equal(loaded.items);
    release();
    await ctx.store.notifications.load();
    await Promise.resolve();
    unsubscribe();
    expect(ctx.store.getSnapshot().notifications.status).to.equal('ready');
    expect(statuses).to.not.include('error');
  });

  it('an aborted narrowed run load leaves runs loading while the full load goes on, then idle once both abort', async () => {
    ctx = await setup();
    const runLists = () => ctx.calls.filter((call) => call === 'GET /v1/runs').length;
    const release = ctx.hold();
    const [whole, narrowed] = [new AbortController(), new AbortController()];
    const full = ctx.store.runs.load({ signal: whole.signal }).catch((e: unknown) => e);
    const paused = ctx.store.runs.load({ preset: 'paused_for_reauth', signal: narrowed.signal }).catch((e: unknown) => e);
    await until(() => runLists() === 2, 'both run loads to be sent');
    narrowed.abort();
    expect(isAbortError(await paused)).to.equal(true);
    expect(ctx.store.getSnapshot().runs.status).to.equal('loading');
    whole.abort();
    expect(isAbortError(await full)).to.equal(true);
    expect(ctx.store.getSnapshot().runs).to.include({ status: 'idle', error: undefined });
    expect(ctx.aborted).to.have.length(2);
    release();
  });

  it('a load given an aborted signal sends nothing', async () => {
    ctx = await setup();
    const error = await ctx.store.runs.load({ preset: 'paused_for_reauth', signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(isAbortError(error)).to.equal(true);
    expect(ctx.calls).to.deep.equal([]);
    expect(ctx.store.getSnapshot().runs.status).to.equal('idle');
  });
});

describe('live updates', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    ctx?.server.close();
  });

  /** A second, independent caller: what another tab or a teammate does. */
  async function otherTab(server: InPageRelink): Promise<RelinkClient> {
    return createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: await server.mintToken('agency', 'prn_agency') });
  }

  it('shows a change made elsewhere without a reload', async () => {
    ctx = await setup();
    await Promise.all([ctx.store.connections.load(), ctx.store.runs.load()]);
    stop = ctx.store.startLive();
    await until(() => ctx.store.getSnapshot().live === 'open', 'the stream to open');

    const other = await otherTab(ctx.server);
    await other.connections.revoke('con_slack');
    await until(() => ctx.store.getSnapshot().connections.byId.get('con_slack')?.status === 'revoked', 'Slack to show revoked');
    expect(ctx.calls.filter((c) => c.startsWith('GET /v1/connections'))).to.have.length(1);
  });

  it('delivers an event raised while the stream was down once it comes back (Last-Event-ID)', async () => {
    ctx = await setup();
    let down = false;
    let refusedWhileDown = 0;
    const streams: AbortController[] = [];
    const client = createRelinkClient({
      baseUrl: ctx.server.baseUrl,
      token: ctx.token,
      fetch: (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/events')) {
          if (down) {
            refusedWhileDown += 1;
            return Promise.reject(new TypeError('Failed to fetch'));
          }
          // Let the test sever an open stream, as a dropped network would.
          const cut = new AbortController();
          streams.push(cut);
          return ctx.server.fetch(request).then((response) => {
            const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
            void response.body?.pipeTo(writable, { signal: cut.signal }).catch(() => undefined);
            return new Response(readable, response);
          });
        }
        return ctx.server.fetch(request);
      },
    });
    const store = createRelinkStore(client);
    await store.connections.load();
    const seen: string[] = [];
    const abort = new AbortController();
    stop = () => abort.abort();
    let open = false;
    void client.events.subscribe({
      signal: abort.signal,
      initialDelay: 20,
      maxDelay: 50,
      pollAfterFailures: 100,
      onStatus: (status) => (open ||= status === 'open'),
      onEvent: (event) => {
        seen.push(event.type === 'connection.updated' ? `${event.connection.id}:${event.connection.status}` : event.type);
        store.apply(event);
      },
    });
    // A change made before the stream is open is not the stream's to deliver (events load on first subscription).
    await until(() => open, 'the stream to open');
    // Warm the stream with one event so it has a Last-Event-ID to resume from.
    const other = await otherTab(ctx.server);
    await other.connections.refresh('con_slack');
    await until(() => seen.includes('con_slack:active'), 'the first event');

    down = true;
    streams.forEach((s) => s.abort());
    await other.connections.revoke('con_linkedin');
    // Two reconnect attempts refused after the change: the stream really was down while it happened.
    const refusedBefore = refusedWhileDown;
    await until(() => refusedWhileDown >= refusedBefore + 2, 'two refused reconnects');
    expect(seen).to.not.include('con_linkedin:revoked');

    down = false;
    await until(() => seen.includes('con_linkedin:revoked'), 'the missed event after reconnecting');
    expect(store.getSnapshot().connections.byId.get('con_linkedin')?.status).to.equal('revoked');
  });

  it('a burst of 1,000 events leaves the snapshot equal to a fresh load', async function () {
    this.timeout(60_000);
    ctx = await setup();
    await ctx.store.connections.load();
    let renders = 0;
    ctx.store.subscribe(() => (renders += 1));
    stop = ctx.store.startLive();
    await until(() => ctx.store.getSnapshot().live === 'open', 'the stream to open');

    const other = await otherTab(ctx.server);
    const started = performance.now();
    for (let i = 0; i < 1000; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => other.connections.refresh(j % 2 ? 'con_slack' : 'con_linkedin').catch(() => undefined)));
    }
    console.warn(`1,000 refreshes took ${Math.round(performance.now() - started)} ms`);
    const fresh = createRelinkStore(other);
    await fresh.connections.load();
    const want = fresh.getSnapshot().connections.byId;
    await until(
      () => JSON.stringify([...ctx.store.getSnapshot().connections.byId]) === JSON.stringify([...want]),
      'the live snapshot to match a fresh load',
      10_000,
    );
    expect(renders).to.be.lessThan(1000);
  });

  it('reloads once when the stream first opens after a failed attempt, with nothing to resume from', async () => {
    ctx = await setup();
    let refused = 0;
    let other: RelinkClient | undefined;
    const client = createRelinkClient({
      baseUrl: ctx.server.baseUrl,
      token: ctx.token,
      fetch: async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/events') && refused === 0) {
          refused += 1;
          // Meanwhile, elsewhere: a change this page's stream will never replay.
          other ??= await otherTab(ctx.server);
          await other.connections.revoke('con_linkedin');
          return new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'No token yet.' } }), { status: 401 });
        }
        return ctx.server.fetch(request);
      },
    });
    const store = createRelinkStore(client);
    await store.connections.load();
    stop = store.startLive();
    await until(() => store.getSnapshot().connections.byId.get('con_linkedin')?.status === 'revoked', 'the missed change after the stream opened', 8000);
    expect(refused).to.equal(1);
  });

  it('falls back to polling when the stream is unavailable', async () => {
    ctx = await setup();
    const client = createRelinkClient({
      baseUrl: ctx.server.baseUrl,
      token: ctx.token,
      fetch: (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/events')) return Promise.resolve(new Response('Not here', { status: 404 }));
        return ctx.server.fetch(request);
      },
    });
    const statuses: string[] = [];
    const polls: number[] = [];
    const abort = new AbortController();
    stop = () => abort.abort();
    void client.events.subscribe({
      signal: abort.signal,
      onEvent: () => undefined,
      onStatus: (status) => statuses.push(status),
      onPoll: () => polls.push(Date.now()),
      initialDelay: 5,
      maxDelay: 10,
      pollAfterFailures: 2,
      pollInterval: 30,
    });
    await until(() => polls.length >= 2, 'two polls');
    expect(statuses.slice(0, 3)).to.deep.equal(['connecting', 'reconnecting', 'polling']);
  });
});

describe('the useSyncExternalStore contract', () => {
  it('getSnapshot is stable between changes; a listener hears a change until it unsubscribes', async () => {
    const { store, server } = await setup();
    expect(store.getSnapshot()).to.equal(store.getSnapshot());
    let heard = 0;
    const unsubscribe = store.subscribe(() => (heard += 1));
    await store.connections.load();
    await Promise.resolve();
    const afterLoad = heard;
    expect(afterLoad).to.be.greaterThan(0);
    const snapshot = store.getSnapshot();
    expect(store.getSnapshot()).to.equal(snapshot);
    unsubscribe();
    await store.revoke('con_slack');
    await Promise.resolve();
    expect(store.getSnapshot()).to.not.equal(snapshot);
    expect(heard).to.equal(afterLoad);
    server.close();
  });
});

describe('API-key reconnect', () => {
  it('maps field errors for a form, then reactivates with a valid key', async () => {
    const { store, server } = await setup();
    await store.connections.load();
    let error: unknown;
    await store.submitCredentials('con_mailchimp', { api_key: 'not-a-key' }).catch((e) => (error = e));
    expect(isInvalidCredentials(error)).to.equal(true);
    expect(fieldErrors(error)).to.deep.equal({
      api_key: 'Mailchimp API keys are 32 hexadecimal characters followed by a data-center suffix such as -us21.',
    });
    expect(fieldErrors(new Error('other'))).to.deep.equal({});
    expect(store.getSnapshot().connections.byId.get('con_mailchimp')?.status).to.equal('error');

    const connection = await store.submitCredentials('con_mailchimp', { api_key: `${'a1'.repeat(16)}-us21` });
    expect(connection.status).to.equal('active');
    expect(store.getSnapshot().connections.byId.get('con_mailchimp')?.status).to.equal('active');
    server.close();
  });
});
