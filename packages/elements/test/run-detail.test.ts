import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { RelinkNetworkError, type Role } from '@relink/sdk';
import '../src/components/run-detail/run-detail.js';
import type { RelinkRunDetail } from '../src/components/run-detail/run-detail.js';
import type { RelinkNavigateEvent } from '../src/events/navigate.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, toastTitled, type Demo } from './relink.js';
import { namedConnectionsHeld, putRun, scheduledRun } from './runs.js';
import { reconnectElsewhere } from './consent.js';

interface Options {
  role?: Role;
  live?: boolean;
  prepare?: (d: Demo) => Promise<unknown>;
  wait?: boolean;
}

async function detail(runId: string, options: Options = {}) {
  /** The GET requests the page sent (path and query). */
  const gets: string[] = [];
  const d = await demo(options.role ?? 'agency', undefined, (f) => async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.method === 'GET') gets.push(new URL(request.url).pathname.replace(/^\/v1/, '') + new URL(request.url).search);
    return f(request);
  });
  await options.prepare?.(d);
  const { el, provider } = await inProvider<RelinkRunDetail>(
    d.client,
    html`<relink-run-detail run-id=${runId} connection-href="#connections/{id}" run-href="#runs/{id}"></relink-run-detail>`,
    'relink-run-detail',
    { live: options.live ?? false },
  );
  if (options.wait !== false) {
    await waitUntil(() => el.run && namedConnectionsHeld(provider.resolvedStore!, [el.run]), `run ${runId} shown`, { timeout: 5000 });
    await el.updateComplete;
  }
  return { el, provider, gets, store: provider.resolvedStore!, ...d };
}

const status = (el: RelinkRunDetail) => part(el, 'status')!.textContent!.trim();
/** The facts as "term: description" pairs. */
const facts = (el: RelinkRunDetail) => {
  const dl = part(el, 'facts')!;
  return [...dl.querySelectorAll('dt')].map((dt) => `${dt.textContent!.trim()}: ${dt.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim()}`);
};
async function actions(el: RelinkRunDetail): Promise<HTMLElement[]> {
  const inner = el.shadowRoot!.querySelector('relink-run-actions')!;
  await inner.updateComplete;
  return [...inner.shadowRoot!.querySelectorAll<HTMLElement>('button')];
}
const labels = async (el: RelinkRunDetail) => (await actions(el)).map((b) => b.textContent!.trim());

describe('relink-run-detail', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('a failed scheduled post retried after the reconnect (seed 004): "Retried automatically as" links the new run; before, no Replay', async () => {
    let post = '';
    const d = await detail('', { wait: false, live: true, prepare: async (demo) => (post = await scheduledRun(demo.server, 'wf_linkedin_posts')) });
    const { el } = d;
    el.runId = post;
    await waitUntil(() => el.run && namedConnectionsHeld(d.store, [el.run]), 'failed run shown', { timeout: 5000 });
    await el.updateComplete;
    expect(status(el)).to.equal('Failed');
    expect(part(el, 'error-message')!.textContent).to.equal('Error: LinkedIn (Northwind company page) needs to be reconnected.');
    expect((await actions(el)).map((b) => b.textContent!.trim())).to.deep.equal([]);

    await reconnectElsewhere(d, 'con_linkedin', 'ops@northwind.example');
    await waitUntil(() => el.run?.retriedBy && part(el, 'replay-run'), 'retried, live', { timeout: 5000 });
    const retried = facts(el).find((f) => f.startsWith('Retried automatically as: '));
    expect(retried, facts(el).join(' | ')).to.match(/^Retried automatically as: the run started /);
    expect(part(el, 'replay-run')!.getAttribute('href')).to.equal(`#runs/${el.run!.retriedBy!}`);
    expect((await actions(el)).map((b) => b.textContent!.trim())).to.deep.equal(['Replay']);
    await expect(el).to.be.accessible();
  });

  it('operator run paused for reauth: name, status, reason, blocked connection, kind, times, why Resume is unavailable; parts; accessible', async () => {
    const { el } = await detail('run_operator_reauth');
    const title = part(el, 'title')!;
    expect(title.tagName).to.equal('H2');
    expect(title.textContent).to.equal('New HubSpot leads to Slack');
    expect(status(el)).to.equal('Paused');
    expect(part(el, 'status-icon')!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(part(el, 'reason')!.textContent).to.equal('Needs reauthorization');
    expect(part(el, 'blocked')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Blocked by HubSpot (Northwind CRM)');
    expect(part(el, 'blocked-connection')!.getAttribute('href')).to.equal('#connections/con_hubspot');
    const [kind, started, updated, ...rest] = facts(el);
    expect(kind).to.equal('Kind: Operator');
    expect(started).to.match(/^Started: 1 hour ago · \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/);
    expect(updated).to.match(/^Updated: 1 hour ago · /);
    expect(rest, 'no finished time, no replay').to.deep.equal([]);
    const time = el.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(el.run!.startedAt);
    expect(part(el, 'error-message')).to.equal(null);
    // HubSpot is still broken: the server would refuse Resume, so it is not offered; the actions say why and link the fix.
    expect(await labels(el)).to.deep.equal([]);
    const inner = el.shadowRoot!.querySelector('relink-run-actions')!;
    expect(part(inner, 'unavailable')!.textContent).to.equal('Reconnect HubSpot before resuming this run.');
    expect(part(inner, 'blocked-connection')!.getAttribute('href')).to.equal('#connections/con_hubspot');
    for (const name of ['base', 'header', 'title', 'status-line', 'status', 'status-icon', 'reason', 'blocked', 'blocked-connection', 'actions', 'facts', 'time']) {
      expect(part(el, name), name).to.not.equal(null);
    }
    await expect(el).to.be.accessible();
  });

  it('HubSpot reconnected: "Reconnected · ready to resume", not blocked; Resume → "Run resumed." and Running; Resume is gone', async () => {
    const { el, client } = await detail('run_operator_reauth', { prepare: (d) => reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example') });
    expect(status(el)).to.equal('Paused');
    expect(part(el, 'reason')!.textContent).to.equal('Reconnected · ready to resume');
    expect(part(el, 'blocked')).to.equal(null);
    (await actions(el))[0]!.click();
    const t = await toastTitled('Run resumed.');
    expect(t.tone).to.equal('success');
    expect(t.actionElement!.getAttribute('href')).to.equal('#runs/run_operator_reauth');
    await waitUntil(() => status(el) === 'Running', `status Running (saw ${status(el)})`);
    expect(part(el, 'reason')).to.equal(null);
    expect(part(el, 'blocked')).to.equal(null);
    expect(await labels(el)).to.deep.equal([]);
    expect((await client.runs.get('run_operator_reauth')).status).to.equal('running');
    await expect(el).to.be.accessible();
  });

  it('keyboard: Tab from the page reaches the blocked connection, then the link to fix it; once fixed, Resume; Enter resumes', async () => {
    const broken = await detail('run_operator_reauth');
    const ahead = document.createElement('button');
    ahead.textContent = 'Before';
    broken.el.before(ahead);
    ahead.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(broken.el, 'blocked-connection'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(broken.el.shadowRoot!.querySelector('relink-run-actions')!, 'blocked-connection'));
    ahead.remove();

    const { el } = await detail('run_operator_reauth', { prepare: (d) => reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example') });
    const before = document.createElement('button');
    before.textContent = 'Before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const [resume] = await actions(el);
    expect(deepActive()).to.equal(resume);
    await sendKeys({ press: 'Enter' });
    await toastTitled('Run resumed.');
    await waitUntil(() => status(el) === 'Running', 'running');
    before.remove();
  });

  it('failed run: the error message, finished time, Replay → the new run is linked ("Replayed as")', async () => {
    const { el, store } = await detail('run_failed');
    expect(status(el)).to.equal('Failed');
    expect(part(el, 'error-message')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Error: Slack answered 500 on "Post message".');
    expect(facts(el).map((f) => f.split(':')[0])).to.deep.equal(['Kind', 'Started', 'Updated', 'Finished']);
    expect(facts(el)[0]).to.equal('Kind: Operator');
    expect(part(el, 'reason')).to.equal(null);
    expect(await labels(el)).to.deep.equal(['Replay']);
    await expect(el).to.be.accessible();

    (await actions(el))[0]!.click();
    const t = await toastTitled('Run replayed.');
    const replay = store.getSnapshot().runs.items.find((r) => r.replayOf === 'run_failed')!;
    expect(replay.status).to.equal('running');
    expect(t.actionElement!.getAttribute('href')).to.equal(`#runs/${replay.id}`);
    await waitUntil(() => part(el, 'replay-run'), 'link to the new run');
    const link = part(el, 'replay-run')!;
    expect(link.getAttribute('href')).to.equal(`#runs/${replay.id}`);
    expect(facts(el).at(-1)).to.equal('Replayed as: the run started now');
    expect(status(el), 'the failed run stays failed').to.equal('Failed');
    await expect(el).to.be.accessible();

    // Following it: the new run's detail says it is a replay of the failed one, and is running.
    const event = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    link.click();
    expect((await event).detail).to.deep.equal({ href: `#runs/${replay.id}`, connectionId: undefined, runId: replay.id });
    el.runId = replay.id;
    await el.updateComplete;
    expect(status(el)).to.equal('Running');
    expect(facts(el).at(-1)).to.equal('Replay of: the run started yesterday');
    expect(part(el, 'original-run')!.getAttribute('href')).to.equal('#runs/run_failed');
    await expect(el).to.be.accessible();
  });

  it('asks the server for the replays of its run, never for the runs list; a replay made elsewhere appears live', async () => {
    const { el, gets, store, other } = await detail('run_completed', { live: true, prepare: async (d) => (await d.other()).runs.replay('run_completed') });
    await waitUntil(() => part(el, 'replay-run'), 'the earlier replay linked');
    const earlier = part(el, 'replay-run')!.getAttribute('href');
    const lists = gets.filter((path) => /^\/runs(\?|$)/.test(path));
    expect(lists.length, gets.join(' ')).to.be.greaterThan(0);
    expect(lists.every((path) => new URLSearchParams(path.split('?')[1]).get('replayOf') === 'run_completed'), gets.join(' ')).to.equal(true);
    expect(store.getSnapshot().runs.status, 'the runs list is not loaded').to.equal('idle');

    const again = await (await other()).runs.replay('run_completed');
    await waitUntil(() => part(el, 'replay-run')?.getAttribute('href') === `#runs/${again.id}`, 'the new replay, live', { timeout: 5000 });
    expect(earlier).to.not.equal(`#runs/${again.id}`);
    expect(facts(el).at(-1)).to.equal('Replayed as: the run started now');
  });

  it('running, completed and a replay opened directly (fetched by id)', async () => {
    const { el } = await detail('run_running');
    expect(status(el)).to.equal('Running');
    expect(facts(el)[0]).to.equal('Kind: Agent');
    expect(await labels(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    el.runId = 'run_completed';
    await waitUntil(() => el.run, 'fetched by id: the runs list is not loaded'); // the page opened on another run
    await el.updateComplete;
    expect(status(el)).to.equal('Completed');
    expect(facts(el).map((f) => f.split(':')[0])).to.deep.equal(['Kind', 'Started', 'Updated', 'Finished']);
    expect(await labels(el)).to.deep.equal(['Replay']);
    await expect(el).to.be.accessible();

    const { el: replay } = await detail('run_replay', {
      prepare: (d) => putRun(d.server, { id: 'run_replay', replayOf: 'run_completed', workflowId: 'wf_slack_digest', kind: 'agent' }),
    });
    expect(replay.run!.replayOf).to.equal('run_completed');
    expect(part(replay, 'original-run')!.textContent).to.equal('the run started 2 hours ago');
    await expect(replay).to.be.accessible();
  });

  it('live: the agent run parked on reauth flips to Running when HubSpot is reconnected in another tab', async () => {
    const { el, ...d } = await detail('run_agent_reauth', { live: true });
    expect(status(el)).to.equal('Paused');
    expect(facts(el)[0]).to.equal('Kind: Agent');
    expect(part(el, 'reason')!.textContent).to.equal('Needs reauthorization');
    await reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example');
    await waitUntil(() => status(el) === 'Running', `flipped to Running (saw ${status(el)})`, { timeout: 5000 });
    expect(part(el, 'reason')).to.equal(null);
    expect(part(el, 'blocked')).to.equal(null);
    expect(await labels(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('live: HubSpot reconnected in another tab → the operator run reads ready to resume (no stale "Blocked by"); resumed elsewhere → Running', async () => {
    const { el, other, ...d } = await detail('run_operator_reauth', { live: true });
    expect(part(el, 'reason')!.textContent).to.equal('Needs reauthorization');
    expect(await labels(el)).to.deep.equal([]);
    await reconnectElsewhere({ ...d, other }, 'con_hubspot', 'ops@northwind.example');
    await waitUntil(() => part(el, 'reason')?.textContent === 'Reconnected · ready to resume', `ready to resume (saw ${part(el, 'reason')?.textContent})`, { timeout: 5000 });
    expect(status(el)).to.equal('Paused');
    expect(part(el, 'blocked')).to.equal(null);
    await waitUntil(async () => (await labels(el)).join() === 'Resume', 'Resume offered once fixed');
    await (await other('agency')).runs.resume('run_operator_reauth');
    await waitUntil(() => status(el) === 'Running', 'resumed elsewhere', { timeout: 5000 });
    expect(await labels(el)).to.deep.equal([]);
  });

  it('not found: "This run was not found."; accessible', async () => {
    const { el } = await detail('run_nope', { wait: false });
    await waitUntil(() => part(el, 'error'), 'not found shown', { timeout: 5000 });
    expect(part(el, 'error')!.textContent!.trim()).to.equal('This run was not found.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'retry')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('loading: "Loading run…" as a status, busy; accessible', async () => {
    const { el } = await detail('run_failed', {
      wait: false,
      prepare: async (d) => {
        const never = () => new Promise<never>(() => {});
        d.client.runs.get = never as typeof d.client.runs.get;
        d.client.runs.list = never as typeof d.client.runs.list;
      },
    });
    await waitUntil(() => part(el, 'loading'), 'loading');
    expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
    expect(part(el, 'loading')!.textContent!.trim()).to.equal('Loading run…');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a load error shows its message and "Try again", which fetches the run again', async () => {
    let fail = true;
    const { el } = await detail('run_failed', {
      wait: false,
      prepare: async (d) => {
        // A real SDK error, as a dropped request produces it (its text must not reach the user).
        const offline = () => Promise.reject(new RelinkNetworkError('Could not reach the Relink API: GET runs', { cause: new TypeError('offline') }));
        const [get, list] = [d.client.runs.get, d.client.runs.list];
        d.client.runs.get = ((...args: Parameters<typeof get>) => (fail ? offline() : get(...args))) as typeof get;
        d.client.runs.list = ((...args: Parameters<typeof list>) => (fail ? offline() : list(...args))) as typeof list;
      },
    });
    await waitUntil(() => part(el, 'error'), 'error shown', { timeout: 5000 });
    expect(part(el, 'error')!.querySelector('p')!.textContent).to.equal('The service cannot be reached right now. Nothing was changed.');
    expect(part(el, 'retry')!.textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
    fail = false;
    part(el, 'retry')!.click();
    await waitUntil(() => el.run, 'loaded after Try again');
    await el.updateComplete;
    expect(status(el)).to.equal('Failed');
  });

  it('heading-level, messages (every string) and hostile workflow names as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const { el } = await detail('run_evil', {
      prepare: (d) => putRun(d.server, { id: 'run_evil', workflowName: hostile, status: 'paused', pauseReason: 'reauth', blockedConnectionId: 'con_hubspot' }),
    });
    expect(part(el, 'title')!.textContent).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    el.headingLevel = 3;
    el.messages = {
      statusLabels: { running: 'En cours', paused: 'En pause', waiting: 'En attente', completed: 'Terminé', failed: 'Échoué', cancelled: 'Annulé' },
      pauseReasons: { reauth: 'Réautorisation requise', approval: 'a', spend_cap: 'b', operator: 'c', connection_removed: 'd' },
      blockedBy: 'Bloqué par', kind: 'Type', operator: 'Opérateur', started: 'Démarré', updated: 'Mis à jour',
    };
    await el.updateComplete;
    expect(part(el, 'title')!.tagName).to.equal('H3');
    expect(status(el)).to.equal('En pause');
    expect(part(el, 'reason')!.textContent).to.equal('Réautorisation requise');
    expect(part(el, 'blocked')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Bloqué par HubSpot (Northwind CRM)');
    expect(facts(el).map((f) => f.split(':')[0])).to.deep.equal(['Type', 'Démarré', 'Mis à jour']);
    expect(facts(el)[0]).to.equal('Type: Opérateur');
    await expect(el).to.be.accessible();
  });

  it('relink-navigate: the blocked connection link, its detail, and preventDefault() keeps the page', async () => {
    const { el } = await detail('run_agent_reauth');
    const link = part(el, 'blocked-connection')!;
    const event = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    link.click();
    const e = await event;
    expect(e.detail).to.deep.equal({ href: '#connections/con_hubspot', connectionId: 'con_hubspot', runId: 'run_agent_reauth' });
    expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
    expect(location.hash).to.equal('#connections/con_hubspot');
    history.replaceState(null, '', location.pathname);
    el.addEventListener('relink-navigate', (ev) => ev.preventDefault(), { once: true });
    link.click();
    expect(location.hash).to.equal('');
    // Without connection-href the connection is named, not linked.
    el.removeAttribute('connection-href');
    await el.updateComplete;
    expect(part(el, 'blocked-connection')!.tagName).to.equal('SPAN');
  });

});
