import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { createRelinkStore, type RelinkStore } from '@relink/sdk';
import type { RelinkProvider } from '../src/components/provider/provider.js';
import '../src/components/runs-list/runs-list.js';
import type { RelinkRunsList } from '../src/components/runs-list/runs-list.js';
import { demo, inProvider } from './relink.js';

// The runs list at scale (issue 17): above `page-threshold` it asks the server for the rows it shows instead of
// loading every run, and names connections without loading the connections list. In-page reference backend.

const EXTRA = 400;

/** `count` more runs of the Slack digest, put straight into the in-page server's records. */
async function addRuns(d: Awaited<ReturnType<typeof demo>>, count: number): Promise<void> {
  const records = d.server.app.relink.store;
  const at = Date.parse('2026-01-01T00:00:00.000Z');
  for (let i = 0; i < count; i++) {
    const startedAt = new Date(at + i * 1000).toISOString();
    await records.putRun({
      id: `run_many_${String(i).padStart(4, '0')}`, workspaceId: 'ws_northwind', workflowId: 'wf_slack_digest', workflowName: 'Daily Slack digest',
      kind: 'operator', status: i % 5 ? 'completed' : 'failed', connectionIds: ['con_slack'], startedAt, updatedAt: startedAt, finishedAt: startedAt,
    });
  }
}

async function big() {
  /** The paths and queries of the GET requests the page sent. */
  const gets: URL[] = [];
  const d = await demo('agency', undefined, (f) => async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.method === 'GET') gets.push(new URL(request.url));
    return f(request);
  });
  await addRuns(d, EXTRA);
  const { el, provider } = await inProvider<RelinkRunsList>(d.client, html`<relink-runs-list connection-href="#c/{id}" run-href="#r/{id}"></relink-runs-list>`, 'relink-runs-list');
  const store = provider.resolvedStore!;
  // Virtualized: the first rows shown plainly in its frame (aria-busy) are handed over.
  await waitUntil(() => loadedRows(el).length > 0 && el.shadowRoot!.querySelector("[role='table'][aria-busy='false']"), 'the first rows, virtualized', { timeout: 10_000 });
  return { ...d, el, store, gets };
}

const loadedRows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(".scroller [part~='row'][data-id]")];
const placeholders = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.placeholder')];
const scroller = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
const lists = (gets: URL[], path: string) => gets.filter((u) => u.pathname.endsWith(path));

describe('relink-runs-list at scale', () => {
  let onerror: OnErrorEventHandler;
  before(() => {
    onerror = window.onerror;
    window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : onerror?.(message, ...rest));
  });
  after(() => (window.onerror = onerror));

  it('run changes arriving faster than the count\'s page: a window (no count yet), never a load of every run', async () => {
    const runLists: URL[] = [];
    let store: RelinkStore | undefined;
    let busy = 8; // the first page is asked for this many times with a change heard while it is in flight
    const d = await demo('agency', undefined, (f) => async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      if (request.method === 'GET' && url.pathname.endsWith('/runs')) {
        runLists.push(url);
        // A live change while this page is on its way (the one fault to inject: a busier stream than the test's).
        // A run past the first page: the window cannot place it, so the page is asked again.
        if (store && busy-- > 0) {
          const run = (await (await d.other()).runs.list({ offset: 120, limit: 1 })).data[0]!;
          const at = new Date().toISOString();
          store.apply({ id: `evt_busy_${busy}`, type: 'run.updated', at, run: { ...run, updatedAt: at } });
        }
      }
      return f(request);
    });
    await addRuns(d, 300); // past page-threshold (200): a long list, always a window
    // The window's code loaded first (no request): a change heard while it loads, before the window exists, is not
    // one the window drops an answer for, and loading it took longer than a page on a busy machine.
    (await createRelinkStore(d.client).runs.window()).close();
    const mounted = inProvider<RelinkRunsList>(d.client, html`<relink-runs-list></relink-runs-list>`, 'relink-runs-list');
    await waitUntil(() => (store = document.querySelector<RelinkProvider>('relink-provider')?.resolvedStore), 'the store');
    const { el } = await mounted;
    // Rows of a window, and no full load.
    await waitUntil(() => el.shadowRoot!.querySelector("[part~='row'][data-id]"), 'rows, in a window', { timeout: 10_000 });
    expect(runLists.some((u) => u.searchParams.has('cursor')), 'no cursor pages: not every run was loaded').to.equal(false);
    expect(store!.getSnapshot().runs.status).to.equal('idle');
  });

  it('shows the first rows from one page request, never loads every run, and names connections without the connections list', async () => {
    const { el, store, gets, other } = await big();
    const total = (await (await other()).runs.list({ limit: 1 })).total!;
    expect(total).to.be.greaterThan(EXTRA);
    expect(el.shadowRoot!.querySelector("[role='table']")!.getAttribute('aria-rowcount')).to.equal(String(total + 1));
    expect(lists(gets, '/runs').map((u) => u.searchParams.get('offset') ?? '0')).to.deep.equal(['0'], 'one page: the first');
    expect(store.getSnapshot().runs.status).to.equal('idle');
    expect(store.getSnapshot().runs.items.length).to.be.at.most(100, 'the store holds the rows shown, not the workspace');
    expect(loadedRows(el)[0]!.getAttribute('aria-rowindex')).to.equal('2');
    expect(lists(gets, '/connections')).to.deep.equal([], 'no connections list');
    // No row's actions fetched its run again: the window's rows are known to the store.
    expect(gets.filter((u) => /\/runs\/[^/]+$/.test(u.pathname))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a run names the connection it waits for (fetched once by id), and a chip is the server\'s query', async () => {
    const { el, store, gets } = await big();
    el.filter = 'paused_for_reauth';
    await waitUntil(() => lists(gets, '/runs').some((u) => u.searchParams.get('preset') === 'paused_for_reauth'), 'the chip asked of the server');
    await waitUntil(() => el.shadowRoot!.querySelector('[data-id=run_agent_reauth] [part=blocked-connection]')?.textContent === 'HubSpot (Northwind CRM)', 'HubSpot named');
    // Two runs show in a table sized to them, not in the virtualizer's fixed-height scroller.
    expect([...el.shadowRoot!.querySelectorAll<HTMLElement>("table [part~='row'][data-id]")].map((r) => r.dataset.id).sort()).to.deep.equal(['run_agent_reauth', 'run_operator_reauth']);
    expect(el.shadowRoot!.querySelector('.scroller')).to.equal(null);
    const connections = gets.filter((u) => u.pathname.includes('/connections')).map((u) => u.pathname.replace(/^\/v1/, ''));
    expect(connections).to.include('/connections/con_hubspot');
    expect(connections.every((path) => /^\/connections\/con_\w+$/.test(path)), 'no connections list').to.equal(true);
    expect(new Set(connections).size).to.equal(connections.length, 'each connection asked for once');
    expect(store.getSnapshot().connections.status).to.equal('idle');
  });

  it('scrolling far asks for the pages shown (by offset), not every page between', async function () {
    this.timeout(30_000);
    const { el, gets } = await big();
    // The virtualizer measures rows as they render: keep going to the bottom until it is there.
    await waitUntil(() => {
      scroller(el).scrollTop = scroller(el).scrollHeight;
      return placeholders(el).length === 0 && loadedRows(el).some((r) => Number(r.getAttribute('aria-rowindex')) > 300);
    }, 'far rows loaded', { timeout: 10_000 });
    const offsets = lists(gets, '/runs').map((u) => u.searchParams.get('offset') ?? '0');
    expect(offsets).to.include('300');
    expect(offsets).to.not.include('100', 'only the pages around the bottom');
  });

  it('a list mounted once the virtualizer is loaded paints its first rows plainly, from one request, then virtualizes them', async () => {
    const { el, gets } = await big();
    const provider = el.parentElement!;
    el.remove();
    gets.length = 0;
    // How the first row with data shows up: plainly, or placed by the virtualizer (whose layout takes frames).
    let first: string | undefined;
    const again = document.createElement('relink-runs-list') as RelinkRunsList;
    const seen = () => {
      const row = first === undefined ? again.shadowRoot?.querySelector("[part~='row'][data-id]") : undefined;
      if (row) first = (row as HTMLElement).style.position === 'absolute' ? 'virtualizer' : 'plain';
    };
    provider.append(again); // its shadow root is made now; its rows wait for a request
    const observer = new MutationObserver(seen);
    observer.observe(again.shadowRoot!, { childList: true, subtree: true });
    await waitUntil(() => (seen(), first !== undefined), 'the first rows');
    observer.disconnect();
    expect(first).to.equal('plain');
    expect(lists(gets, '/runs')).to.have.length(1, 'one page request');
    await waitUntil(() => loadedRows(again).some((row) => row.style.position === 'absolute'), 'the rows, virtualized', { timeout: 10_000 });
  });

  it('below page-threshold it loads the runs into the store as before', async () => {
    const d = await demo('agency');
    const { el, provider } = await inProvider<RelinkRunsList>(d.client, html`<relink-runs-list></relink-runs-list>`, 'relink-runs-list');
    await waitUntil(() => provider.resolvedStore!.getSnapshot().runs.status === 'ready' && el.shadowRoot!.querySelector('table'), 'runs loaded');
    expect(el.shadowRoot!.querySelector("[role='table']")).to.equal(null);
  });
});
