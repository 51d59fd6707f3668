// The reconnect flow end to end over real HTTP: the reference backend is mounted on the test page's origin
// (scripts/wtr-relink-backend.mjs), the popup shows the oidc-provider authorization server's consent page, and the test clicks in it
// as a user would.
import { expect, waitUntil } from '@open-wc/testing';
import FakeTimers from '@sinonjs/fake-timers';
import {
  RelinkAbortError,
  createRelinkClient,
  createRelinkStore,
  isAbortError,
  resumeRedirect,
  startReconnect,
  type RelinkClient,
  type RelinkStore,
} from '@relink/sdk';
import { startBackend, type Backend } from './support/faults.js';

const baseUrl = `${location.origin}/v1`;
const DEMO_SECRET_KEY = 'sk_demo_northwind_relink';

async function session(role: 'agency' | 'client', principalId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SECRET_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role, principalId }),
  });
  return ((await response.json()) as { token: string }).token;
}

const until = async <T>(read: () => T | undefined | null | false, what: string, timeout = 8000): Promise<T> => {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** The popup the flow opened (a named window: asking for it by name returns it without navigating). */
function popup(): Window {
  const win = window.open('', 'relink-connect');
  if (!win) throw new Error('no popup');
  return win;
}

/** Wait for the provider's consent page in the popup, pick an account, press a button. */
async function consent(decision: 'approve' | 'deny', accountId?: string) {
  const doc = await until(() => {
    try {
      const d = popup().document;
      return d.querySelector('button[value=approve]') ? d : undefined;
    } catch {
      return undefined;
    }
  }, 'the consent page');
  if (accountId) (doc.querySelector(`input[name=account][value="${accountId}"]`) as HTMLInputElement).click();
  (doc.querySelector(`button[value=${decision}]`) as HTMLButtonElement).click();
}

describe('startReconnect through the real consent page', function () {
  this.timeout(20_000);
  let client: RelinkClient;
  let store: RelinkStore;

  beforeEach(async () => {
    const token = await session('agency', 'prn_agency');
    client = createRelinkClient({ baseUrl, token });
    await client.connections.get('con_hubspot'); // warms the session
    await fetch(`${baseUrl}/demo/reset`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    store = createRelinkStore(client);
    await Promise.all([store.connections.load(), store.notifications.load(), store.runs.load()]);
  });

  afterEach(() => {
    const win = window.open('', 'relink-connect');
    win?.close();
  });

  it('Approve with the same account: active, notification read, agent run resumed, operator run still paused', async () => {
    expect(store.getSnapshot().connections.byId.get('con_hubspot')?.status).to.equal('error');
    const outcome = store.reconnect('con_hubspot');
    await consent('approve', 'acct_ops');
    const result = await outcome;
    expect(result.status).to.equal('completed');

    await Promise.all([store.notifications.load(), store.runs.load()]);
    const snapshot = store.getSnapshot();
    expect(snapshot.connections.byId.get('con_hubspot')?.status).to.equal('active');
    expect(snapshot.notifications.byId.get('ntf_hubspot')?.read).to.equal(true);
    expect(snapshot.runs.byId.get('run_agent_reauth')?.status).to.equal('running');
    expect(snapshot.runs.byId.get('run_operator_reauth')?.status).to.equal('paused');
    await until(() => popup().closed || undefined, 'the popup to close itself').catch(() => undefined);
  });

  it('a different account asks before switching, and switches only on confirm', async () => {
    const outcome = await (async () => {
      const pending = startReconnect(client, 'con_hubspot');
      await consent('approve', 'acct_sam');
      return pending;
    })();
    if (outcome.status !== 'account_mismatch') throw new Error(`expected account_mismatch, got ${outcome.status}`);
    expect(outcome.previousAccountEmail).to.equal('ops@northwind.example');
    expect(outcome.newAccountEmail).to.equal('sam.personal@example.com');
    expect((await client.connections.get('con_hubspot')).status).to.equal('error');

    const confirmed = await outcome.confirm();
    expect(confirmed.status).to.equal('completed');
    const connection = await client.connections.get('con_hubspot');
    expect(connection.status).to.equal('active');
    expect(connection.externalAccountEmail).to.equal('sam.personal@example.com');
  });

  it('Deny cancels and changes nothing', async () => {
    const pending = startReconnect(client, 'con_hubspot');
    await consent('deny');
    const outcome = await pending;
    expect(outcome.status).to.equal('cancelled');
    expect((await client.connections.get('con_hubspot')).status).to.equal('error');
  });

  it('closing the popup cancels', async () => {
    const pending = startReconnect(client, 'con_hubspot', { pollInterval: 5_000 });
    await until(() => {
      try {
        return popup().document.querySelector('button[value=approve]');
      } catch {
        return undefined;
      }
    }, 'the consent page');
    popup().close();
    const outcome = await pending;
    expect(outcome.status).to.equal('cancelled');
  });

  it('a forged message without the session state is ignored', async () => {
    // Count the flow's checks of its session: a message it accepted would start one at once.
    let checks = 0;
    const counting = createRelinkClient({
      baseUrl,
      token: await session('agency', 'prn_agency'),
      fetch: (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (new URL(request.url).pathname.startsWith('/v1/connect-sessions/')) checks += 1;
        return fetch(request);
      },
    });
    const pending = startReconnect(counting, 'con_hubspot', { pollInterval: 60_000 });
    // The provider moves the authorization request (and its state) off the URL onto its consent page: wait for that.
    const page = await until(() => {
      try {
        return popup().document.querySelector('button[value=approve]');
      } catch {
        return undefined;
      }
    }, 'the popup to reach the provider');
    expect(page.textContent).to.equal('Approve');
    window.postMessage({ type: 'relink:connect-result', sessionId: 'cs_forged', state: 'forged', status: 'completed' }, location.origin);
    // Messages arrive in order: once this one is here, the flow has handled the forged one. A request sent after it
    // through the same client reaches fetch after any check the forged message could have started.
    await new Promise((resolve) => {
      const sentinel = (event: MessageEvent) => event.data === 'sentinel' && (window.removeEventListener('message', sentinel), resolve(undefined));
      window.addEventListener('message', sentinel);
      window.postMessage('sentinel', location.origin);
    });
    await counting.viewer.get();
    expect(checks).to.equal(0);
    await consent('approve', 'acct_ops');
    expect((await pending).status).to.equal('completed');
    expect(checks).to.be.greaterThan(0); // the real answer was checked with the server
  });

  it('an app whose managed auth config is missing answers with the server message and closes the popup', async () => {
    let opened: Window | null = null;
    const original = window.open.bind(window);
    window.open = (...args: Parameters<Window['open']>) => (opened = original(...args));
    try {
      const outcome = await startReconnect(client, 'con_fub');
      expect(outcome).to.include({ status: 'auth_config_missing' });
      expect((outcome as { message: string }).message).to.match(/Follow Up Boss/);
    } finally {
      window.open = original;
    }
    expect((opened as Window | null)?.closed).to.equal(true);
  });
});

describe('a client answering a reconnection request through the real consent page', function () {
  this.timeout(20_000);

  it('agency asks, client consents in the popup, QuickBooks is active for both', async () => {
    const agencyToken = await session('agency', 'prn_agency');
    const agency = createRelinkClient({ baseUrl, token: agencyToken });
    await fetch(`${baseUrl}/demo/reset`, { method: 'POST', headers: { authorization: `Bearer ${agencyToken}` } });
    const request = await agency.connectionRequests.create({ connectionId: 'con_quickbooks' });
    expect(request.state).to.equal('outstanding');
    expect(request.app.name).to.equal('QuickBooks');

    const client = createRelinkClient({ baseUrl, token: await session('client', 'prn_client') });
    const store = createRelinkStore(client);
    await Promise.all([store.connections.load(), store.connectionRequests.load()]);
    const outstanding = store.getSnapshot().connectionRequests.items.filter((r) => r.state === 'outstanding');
    expect(outstanding.map((r) => r.app.name).sort()).to.deep.equal(['QuickBooks', 'Salesforce']);

    const pending = store.connectRequest(request.id);
    await consent('approve', 'acct_ada');
    expect((await pending).status).to.equal('completed');

    expect(store.getSnapshot().connections.byId.get('con_quickbooks')?.status).to.equal('active');
    expect(store.getSnapshot().connectionRequests.byId.get(request.id)).to.equal(undefined);
    expect((await agency.connections.get('con_quickbooks')).status).to.equal('active');
    window.open('', 'relink-connect')?.close();
  });
});

describe('startReconnect with a signal (in-page backend, a stand-in window, a fake clock)', () => {
  let backend: Backend;
  let clock: FakeTimers.Clock | undefined;
  const realSetTimeout = globalThis.setTimeout;

  /** A window whose `open` hands out a popup the test controls; counts its message listeners. */
  function standIn() {
    const popup = { closed: false, close: () => void (popup.closed = true), location: { href: '' } };
    const listeners = new Set<unknown>();
    const win = {
      opened: 0,
      open: () => {
        win.opened += 1;
        return popup;
      },
      location: { href: 'https://relink.invalid/app', assign: () => undefined },
      addEventListener: (_type: string, listener: unknown) => void listeners.add(listener),
      removeEventListener: (_type: string, listener: unknown) => void listeners.delete(listener),
    };
    return { popup, win, listeners };
  }

  beforeEach(() => {
    backend = startBackend();
  });
  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    backend.close();
  });

  it("asks the provider's consent page for the kit's language (ui_locales), and the page speaks it", async () => {
    const token = await backend.token('agency');
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: backend.fetch });
    const { popup, win } = standIn();
    const controller = new AbortController();
    const flow = startReconnect(client, 'con_hubspot', { window: win as unknown as Window, signal: controller.signal, locale: 'de' }).catch(() => undefined);
    await waitUntil(() => popup.location.href !== '', 'the popup is sent to the consent page');
    expect(new URL(popup.location.href).searchParams.get('ui_locales')).to.equal('de');
    let response = await backend.fetch(popup.location.href, { redirect: 'manual' });
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops += 1) {
      response = await backend.fetch(new URL(response.headers.get('location')!, popup.location.href).href, { redirect: 'manual' });
    }
    expect(await response.text()).to.match(/<html lang="de"/);
    controller.abort();
    await flow;
  });

  it('aborting mid-flow rejects with RelinkAbortError, closes the popup and never polls again', async () => {
    const token = await backend.token('agency');
    const fake = (clock = FakeTimers.withGlobal(globalThis).install({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }));
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token, fetch: backend.fetch });
    const { popup, win, listeners } = standIn();
    const controller = new AbortController();
    let result: { error?: unknown; value?: unknown } | undefined;
    startReconnect(client, 'con_hubspot', { window: win as unknown as Window, signal: controller.signal, pollInterval: 1_000 }).then(
      (value) => (result = { value }),
      (error: unknown) => (result = { error }),
    );
    const polls = () => backend.requests.filter((r) => r.path.startsWith('/connect-sessions/')).length;
    // Let the reconnect request answer (no clock time), then let two polls happen.
    const turn = async () => {
      await fake.tickAsync(0);
      await new Promise((resolve) => realSetTimeout(resolve, 0));
    };
    for (let i = 0; i < 50 && !popup.location.href; i += 1) await turn();
    expect(popup.location.href).to.match(/\/provider\/authorize\?/);
    for (let i = 0; i < 50 && polls() < 2; i += 1) {
      await fake.tickAsync(500);
      await turn();
    }
    expect(polls()).to.equal(2);

    controller.abort(new Error('the element was removed'));
    for (let i = 0; i < 50 && !result; i += 1) await turn();
    expect(result?.error).to.be.instanceOf(RelinkAbortError);
    expect(((result!.error as Error).cause as Error).message).to.equal('the element was removed');
    expect(popup.closed).to.equal(true);
    expect(listeners.size).to.equal(0); // the popup's answer is no longer listened for
    expect(fake.countTimers()).to.equal(0); // nothing left that could poll later
    await fake.tickAsync(600_000);
    expect(polls()).to.equal(2);
  });

  it('polls every pollInterval, and backs off (the SDK\'s one backoff) while the checks fail', async () => {
    const token = await backend.token('agency');
    const fake = (clock = FakeTimers.withGlobal(globalThis).install({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }));
    const random = Math.random;
    Math.random = () => 1; // the jitter's upper bound, so each wait is exact
    // The first two checks of the session fail as a dropped connection would; then the server answers again.
    let failing = 2;
    const pollTimes: number[] = [];
    const client = createRelinkClient({
      baseUrl: backend.baseUrl,
      token,
      retry: 0,
      fetch: (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (new URL(request.url).pathname.includes('/connect-sessions/')) {
          pollTimes.push(Date.now());
          if (failing > 0) {
            failing -= 1;
            return Promise.reject(new TypeError('Failed to fetch'));
          }
        }
        return backend.fetch(request);
      },
    });
    const { win } = standIn();
    const controller = new AbortController();
    startReconnect(client, 'con_hubspot', { window: win as unknown as Window, signal: controller.signal, pollInterval: 1_000 }).catch(() => undefined);
    try {
      for (let i = 0; i < 200 && pollTimes.length < 4; i += 1) {
        await fake.tickAsync(100);
        await new Promise((resolve) => realSetTimeout(resolve, 0));
      }
      const gaps = pollTimes.slice(1).map((time, i) => time - pollTimes[i]!);
      // pollInterval, plus backoffDelay(failures - 1, pollInterval) after each failed check: 1 s + 1 s, 1 s + 2 s, then 1 s.
      expect(gaps).to.deep.equal([2_000, 3_000, 1_000]);
    } finally {
      Math.random = random;
      controller.abort();
    }
  });

  it('an already-aborted signal opens no popup and sends nothing', async () => {
    const client = createRelinkClient({ baseUrl: backend.baseUrl, token: await backend.token('agency'), fetch: backend.fetch });
    const { win } = standIn();
    const error = await startReconnect(client, 'con_hubspot', { window: win as unknown as Window, signal: AbortSignal.abort() }).then(
      () => expect.fail('expected a rejection'),
      (caught: unknown) => caught,
    );
    expect(isAbortError(error)).to.equal(true);
    expect(win.opened).to.equal(0);
    expect(backend.requests).to.have.length(0);
  });
});

describe('the redirect fallback (popup blocked) through the real consent page', function () {
  this.timeout(20_000);
  let client: RelinkClient;

  beforeEach(async () => {
    const token = await session('agency', 'prn_agency');
    client = createRelinkClient({ baseUrl, token });
    await fetch(`${baseUrl}/demo/reset`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  });

  afterEach(() => window.open('', 'relink-connect')?.close());

  /** A host page whose popups are blocked: the flow navigates it to the provider (here: a real window we can read). */
  async function redirectBack(decision: 'approve' | 'deny'): Promise<Window> {
    const returnTo = `${location.origin}/host-page?tab=apps#connections`;
    const host = {
      open: () => null,
      location: { href: returnTo, assign: (url: string) => window.open(url, 'relink-connect') },
    } as unknown as Window;
    const outcome = await startReconnect(client, 'con_hubspot', { window: host });
    expect(outcome.status).to.equal('redirected');
    await consent(decision);
    return until(() => {
      try {
        return popup().location.pathname === '/host-page' ? popup() : undefined;
      } catch {
        return undefined;
      }
    }, 'the return to the host page');
  }

  it('Approve: resumeRedirect settles the session, and the address bar keeps only the host\'s own URL', async () => {
    const back = await redirectBack('approve');
    expect(new URL(back.location.href).searchParams.get('relink_status')).to.equal('completed');
    const outcome = await resumeRedirect(client, { window: back });
    expect(outcome?.status).to.equal('completed');
    expect(back.location.href).to.equal(`${location.origin}/host-page?tab=apps#connections`);
    expect((await client.connections.get('con_hubspot')).status).to.equal('active');
    // The answer is not replayed: the parameters are gone.
    expect(await resumeRedirect(client, { window: back })).to.equal(undefined);
  });

  it('Deny: cancelled, and a forged state is ignored', async () => {
    const back = await redirectBack('deny');
    const url = new URL(back.location.href);
    const forged = new URL(url);
    forged.searchParams.set('relink_state', 'x'.repeat(32));
    back.history.replaceState(null, '', forged.href);
    expect(await resumeRedirect(client, { window: back })).to.equal(undefined);
    expect(back.location.search).to.equal('?tab=apps');
    back.history.replaceState(null, '', url.href);
    expect((await resumeRedirect(client, { window: back }))?.status).to.equal('cancelled');
    expect(back.location.search).to.equal('?tab=apps');
  });
});
